import { useRef, useState, type DragEvent } from 'react';
import type { UserDatasetId } from '../../../../app/data/source';
import { editSource, useDataDraft } from '../../store/dataDraft';
import { Button } from '../../ui/Button';

/** What each kind of data is uploaded as: tables and texts as files, image classes as a zip of folders. */
const ACCEPT: Record<UserDatasetId, string> = {
  csv: '.csv,.tsv,.txt',
  series: '.csv,.tsv,.txt',
  text: '.csv,.tsv,.txt,.zip',
  images: '.zip',
};
const HINT: Record<UserDatasetId, string> = {
  csv: 'a CSV file',
  series: 'a CSV file',
  text: 'a CSV or text file, or a .zip of class folders',
  images: 'a .zip of class folders',
};

type Upload = { state: 'idle' } | { state: 'sending'; name: string; sent: number; total: number } | { state: 'failed'; message: string };

interface UploadReply {
  path?: string;
  error?: string;
}

/** POST /upload with upload progress (fetch has none); the cookie from the start token goes along. */
function send(file: File, onProgress: (sent: number) => void): Promise<string> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `/upload?name=${encodeURIComponent(file.name)}`);
    xhr.upload.onprogress = (e) => onProgress(e.loaded);
    xhr.onerror = () => reject(new Error('The connection to the LayerLab server was lost during the upload.'));
    xhr.onload = () => {
      let body: UploadReply = {};
      try {
        body = JSON.parse(xhr.responseText) as UploadReply;
      } catch {
        // a proxy's HTML error page: say the status instead
      }
      if (xhr.status === 200 && body.path) resolve(body.path);
      else reject(new Error(body.error ?? `The server answered ${xhr.status}.`));
    };
    xhr.send(file);
  });
}

/**
 * The web host's way to bring data: drop a file (or choose one) and it is uploaded into the server's
 * workspace, then the path field points at it. The desktop app browses its own disk instead.
 */
export function UploadDrop({ kind }: { kind: UserDatasetId }) {
  const input = useRef<HTMLInputElement>(null);
  const [upload, setUpload] = useState<Upload>({ state: 'idle' });
  const [over, setOver] = useState(false);
  const busy = upload.state === 'sending';

  const start = async (file: File | undefined) => {
    if (!file || busy) return;
    setUpload({ state: 'sending', name: file.name, sent: 0, total: file.size });
    try {
      const path = await send(file, (sent) => setUpload({ state: 'sending', name: file.name, sent, total: file.size }));
      setUpload({ state: 'idle' });
      editSource({ ...useDataDraft.getState().source, path });
    } catch (e) {
      setUpload({ state: 'failed', message: (e as Error).message });
    }
  };
  const drop = (e: DragEvent) => {
    e.preventDefault();
    setOver(false);
    void start(e.dataTransfer.files[0]);
  };

  return (
    <div
      data-testid="data-upload-zone"
      onDragOver={(e) => {
        e.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={drop}
      className={`rounded-md border border-dashed px-2.5 py-2 text-[12px] leading-snug ${over ? 'border-indigo-400 bg-indigo-50' : 'border-slate-300 bg-slate-50/60'}`}
    >
      <div className="flex items-center gap-2">
        <Button data-testid="data-upload-button" disabled={busy} onClick={() => input.current?.click()}>
          Upload…
        </Button>
        <span className="text-slate-600">or drop {HINT[kind]} here</span>
        <input
          ref={input}
          data-testid="data-upload-input"
          type="file"
          accept={ACCEPT[kind]}
          className="hidden"
          onChange={(e) => {
            void start(e.target.files?.[0]);
            e.target.value = '';
          }}
        />
      </div>
      {upload.state === 'sending' && (
        <div data-testid="data-upload-progress" className="mt-1.5 space-y-1">
          <div className="flex justify-between text-slate-600">
            <span className="truncate">Uploading {upload.name}…</span>
            <span>{upload.total > 0 ? Math.round((100 * upload.sent) / upload.total) : 0}%</span>
          </div>
          <div className="h-1.5 overflow-hidden rounded-full bg-slate-200">
            <div className="h-full bg-indigo-500 transition-[width]" style={{ width: `${upload.total > 0 ? (100 * upload.sent) / upload.total : 0}%` }} />
          </div>
        </div>
      )}
      {upload.state === 'failed' && (
        <p data-testid="data-upload-error" role="alert" className="mt-1.5 text-red-700">
          Upload failed: {upload.message}
        </p>
      )}
    </div>
  );
}
