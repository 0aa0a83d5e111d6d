import { useState } from 'react';
import type { UserDatasetId } from '../../../../app/data/source';
import { pickPath, relocateData } from '../../actions/data';
import { useSession } from '../../store/session';
import { Button } from '../../ui/Button';
import { inputClass } from '../../ui/styles';

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
          onChange={(e) => setPath(e.target.value)}
        />
        {native && (
          <Button
            onClick={() =>
              void pickPath(kind === 'images' ? 'folder' : 'file').then((p) => {
                if (p) setPath(p);
              })
            }
          >
            Browse…
          </Button>
        )}
        <Button data-testid="data-relocate-button" variant="primary" disabled={!path.trim()} onClick={() => void relocateData(path.trim())}>
          Use
        </Button>
      </div>
    </div>
  );
}
