import { useState } from 'react';
import type { UserDatasetId } from '../../../../app/data/source';
import { pickPath, relocateData } from '../../actions/data';
import { useSession } from '../../store/session';
import { Button } from '../../ui/Button';
import { inputClass } from '../../ui/styles';
import { UploadDrop } from './UploadDrop';

/** The imported data is no longer where it was: ask where it went. */
export function RelocatePrompt({ kind, message }: { kind: UserDatasetId; message: string }) {
  const [path, setPath] = useState('');
  const native = useSession((s) => s.info?.files === 'native');
  return (
    <div data-testid="data-relocate" className="space-y-1.5 rounded-md border border-red-200 bg-red-50 px-2.5 py-2 text-[12.5px] text-red-900">
      <p>{message}</p>
      <p className="text-[12px] text-red-800">Where is it now?</p>
      <div className="flex gap-1.5">
        <input
          data-testid="data-relocate-input"
          className={`${inputClass()} font-mono text-[12px]`}
          value={path}
          placeholder="New location"
          aria-label="Where the data is now"
          title={native ? 'Type the new path, or choose it with Browse…' : 'A path in the server’s workspace folder, or upload the data again below'}
          onChange={(e) => setPath(e.target.value)}
        />
        {native && (
          <Button
            data-testid="data-relocate-browse"
            title={`Choose the ${kind === 'images' ? 'folder' : 'file'} in the system dialog and use it`}
            onClick={() =>
              void pickPath(kind === 'images' ? 'folder' : 'file').then((p) => {
                if (p) {
                  setPath(p);
                  void relocateData(p);
                }
              })
            }
          >
            Browse…
          </Button>
        )}
        <Button
          data-testid="data-relocate-button"
          variant="primary"
          disabled={!path.trim()}
          onClick={() => void relocateData(path.trim())}
          title="Look for the data at this path"
        >
          Use
        </Button>
      </div>
      {!native && <UploadDrop kind={kind} testId="data-relocate-upload" onUploaded={(p) => void relocateData(p)} />}
    </div>
  );
}
