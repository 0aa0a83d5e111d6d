import { useState } from 'react';
import { DATASETS } from '../../../../app/data/catalog';
import type { UserDatasetId } from '../../../../app/data/source';
import { pickPath } from '../../actions/data';
import { editSource, useDataDraft } from '../../store/dataDraft';
import { useSession } from '../../store/session';
import { isElectron } from '../../transport';
import { Button } from '../../ui/Button';
import { FieldRow } from '../../ui/FieldRow';
import { inputClass } from '../../ui/styles';
import { UploadDrop } from './UploadDrop';

const PLACEHOLDER: Record<UserDatasetId, string> = {
  csv: '/path/to/table.csv',
  images: '/path/to/folder',
  text: '/path/to/texts.csv or folder',
  series: '/path/to/series.csv',
};

/** The data's path: typed or uploaded (in a browser, inside the server's workspace) or chosen in a native dialog. */
export function PathField({ kind }: { kind: UserDatasetId }) {
  const source = useDataDraft((s) => s.source);
  const native = useSession((s) => (s.info ? s.info.files === 'native' : isElectron()));
  const [text, setText] = useState(source.path);
  // The path changed elsewhere (another dataset, undo): show it. Checked while rendering
  // against the path last seen.
  const [seenPath, setSeenPath] = useState(source.path);
  if (seenPath !== source.path) {
    setSeenPath(source.path);
    setText(source.path);
  }
  const commit = (path: string) => {
    if (path !== source.path) editSource({ ...useDataDraft.getState().source, path });
  };
  const browse = async () => {
    const user = DATASETS[kind].user;
    const picked = await pickPath(user === 'folder' ? 'folder' : 'file');
    if (picked) {
      setText(picked);
      commit(picked);
    }
  };
  return (
    <FieldRow
      label={kind === 'images' ? 'Folder' : 'File'}
      htmlFor="data-path"
      help={native ? undefined : 'A path in the server’s workspace folder, or upload your data.'}
    >
      <div className="flex gap-1.5">
        <input
          id="data-path"
          data-testid="data-path-input"
          className={`${inputClass()} font-mono text-[12px]`}
          placeholder={PLACEHOLDER[kind]}
          spellCheck={false}
          value={text}
          onChange={(e) => {
            setText(e.target.value);
            commit(e.target.value);
          }}
        />
        {native && (
          <Button data-testid="data-browse-button" onClick={() => void browse()}>
            Browse…
          </Button>
        )}
      </div>
      {!native && <UploadDrop kind={kind} />}
    </FieldRow>
  );
}
