import { useProjectStore } from '../store/project';
import { useRun, type RunState } from '../store/run';

/** Share of the run done: epochs, and batches inside the epoch in progress. */
export function progressOf(r: Pick<RunState, 'status' | 'epoch' | 'epochs' | 'current' | 'initialEpoch' | 'batchesPerEpoch' | 'progress'>): number {
  if (r.status === 'completed') return 1;
  if (r.status === 'idle' || r.epochs <= 0) return 0;
  const span = Math.max(1, r.epochs - r.initialEpoch);
  const inEpoch = r.progress && r.batchesPerEpoch && r.current > r.epoch ? r.progress.batch / r.batchesPerEpoch : 0;
  return Math.min(1, Math.max(0, (r.epoch - r.initialEpoch + inEpoch) / span));
}

/** Epoch and global batch counters over a bar with a tick at each epoch boundary. */
export function RunProgress() {
  const r = useRun();
  const docEpochs = useProjectStore((s) => s.doc.training.epochs);
  const epochs = r.status === 'idle' ? docEpochs : r.epochs;
  const running = r.status === 'training' || r.status === 'paused' || r.status === 'starting';
  // A stopped run keeps showing the epoch it was in, as it did the moment before Stop.
  const shownEpoch = running || r.status === 'stopped' ? Math.max(r.epoch, Math.min(r.current, epochs)) : r.epoch;
  const share = progressOf(r);
  const span = Math.max(1, epochs - r.initialEpoch);
  const inEpoch =
    r.progress && r.batchesPerEpoch ? `batch ${r.progress.batch.toLocaleString('en-US')} of ${r.batchesPerEpoch.toLocaleString('en-US')} in this epoch` : '';
  const bar =
    r.status === 'failed'
      ? 'bg-red-400'
      : r.status === 'stopped'
        ? 'bg-amber-400'
        : r.status === 'paused'
          ? 'bg-amber-400'
          : r.status === 'completed'
            ? 'bg-emerald-500'
            : 'bg-indigo-500';

  return (
    <div className="flex min-w-44 flex-1 flex-col gap-1">
      <div className="flex items-baseline gap-3 text-[12px] leading-none whitespace-nowrap text-slate-500">
        <span>
          Epoch{' '}
          <span data-testid="epoch-counter" className="font-mono font-semibold text-slate-800 tabular-nums">
            {shownEpoch} / {epochs}
          </span>
        </span>
        <span title={`Batches trained so far (the global step)${inEpoch ? `; ${inEpoch}` : ''}`}>
          Batch{' '}
          <span data-testid="batch-counter" className="font-mono font-semibold text-slate-800 tabular-nums">
            {r.step}
          </span>
        </span>
        <span className="ml-auto font-mono text-[11px] text-slate-400 tabular-nums">{r.status === 'idle' ? '' : `${Math.floor(share * 100)}%`}</span>
      </div>
      <div
        className="relative h-1.5 overflow-hidden rounded-full bg-slate-200"
        role="progressbar"
        aria-label="Training progress"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={Math.round(share * 100)}
      >
        <div className={`h-full rounded-full transition-[width] duration-300 ${bar}`} style={{ width: `${share * 100}%` }} />
        {span > 1 &&
          span <= 60 &&
          Array.from({ length: span - 1 }, (_, i) => (
            <span key={i} className="absolute inset-y-0 w-px bg-white/80" style={{ left: `${((i + 1) / span) * 100}%` }} aria-hidden />
          ))}
      </div>
    </div>
  );
}
