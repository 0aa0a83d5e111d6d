import type { PretrainedSourcesReply } from '../../../../app/protocol/pretrained';
import { Button } from '../../ui/Button';

type ZooInfo = PretrainedSourcesReply['zoo'][number];

const mb = (bytes: number) => `${(bytes / 1e6).toFixed(1)} MB`;

/** A zoo model's card: what it is, its size, and a download with progress when it is not on this machine yet. */
export function ZooDownload({ info, busy, onDownload }: { readonly info: ZooInfo; readonly busy: boolean; readonly onDownload: () => void }) {
  const d = info.downloading;
  const share = d?.total ? Math.min(1, d.received / d.total) : null;
  return (
    <div className="space-y-2 rounded-md bg-slate-50 p-2.5 ring-1 ring-slate-200" data-testid="zoo-card">
      <p className="text-[12px] leading-snug text-slate-600">{info.card}</p>
      {info.cached ? (
        <p className="text-[12px] font-medium text-emerald-700">Downloaded ({info.megabytes} MB, in the data folder).</p>
      ) : d ? (
        <div className="space-y-1" data-testid="zoo-progress">
          <div className="h-2 overflow-hidden rounded bg-slate-200">
            <div className="h-full bg-indigo-500 transition-[width]" style={{ width: `${Math.round((share ?? 0) * 100)}%` }} />
          </div>
          <p className="text-[12px] text-slate-600">
            Downloading {mb(d.received)}
            {d.total ? ` of ${mb(d.total)} (${Math.round((share ?? 0) * 100)}%)` : ''}…
          </p>
        </div>
      ) : (
        <div className="flex items-center justify-between gap-2">
          <p className="text-[12px] text-amber-800">Not downloaded yet: it must be downloaded first ({info.megabytes} MB).</p>
          <Button variant="primary" data-testid="zoo-download" disabled={busy} onClick={onDownload}>
            Download
          </Button>
        </div>
      )}
    </div>
  );
}
