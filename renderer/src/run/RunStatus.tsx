import { useRun, type Pending, type RunStatus } from '../store/run';

const STATUS: Record<RunStatus, { label: string; className: string; dot: string }> = {
  idle: { label: 'Idle', className: 'bg-slate-100 text-slate-600 ring-slate-200', dot: 'bg-slate-400' },
  starting: { label: 'Starting…', className: 'bg-sky-50 text-sky-700 ring-sky-200', dot: 'bg-sky-500 animate-pulse' },
  training: { label: 'Training', className: 'bg-indigo-50 text-indigo-700 ring-indigo-200', dot: 'bg-indigo-500 animate-pulse' },
  paused: { label: 'Paused', className: 'bg-amber-50 text-amber-800 ring-amber-200', dot: 'bg-amber-500' },
  completed: { label: 'Completed', className: 'bg-emerald-50 text-emerald-700 ring-emerald-200', dot: 'bg-emerald-500' },
  stopped: { label: 'Stopped', className: 'bg-amber-50 text-amber-800 ring-amber-200', dot: 'bg-amber-500' },
  failed: { label: 'Failed', className: 'bg-red-50 text-red-700 ring-red-200', dot: 'bg-red-500' },
};

const PENDING: Record<Exclude<Pending, null>, string> = { pausing: 'Pausing…', resuming: 'Resuming…', stepping: 'Stepping…', stopping: 'Stopping…' };

/** The run's state as a pill; `data-status` carries the machine-readable value. */
export function RunStatusPill({ testId }: { readonly testId?: string }) {
  const status = useRun((s) => s.status);
  const pending = useRun((s) => s.pending);
  const s = STATUS[status];
  return (
    <span
      data-testid={testId}
      data-status={status}
      className={`inline-flex shrink-0 items-center gap-1.5 rounded-full px-2 py-0.5 text-[12px] font-medium whitespace-nowrap ring-1 ${s.className}`}
    >
      <span className={`size-1.5 rounded-full ${s.dot}`} aria-hidden />
      {pending ? PENDING[pending] : s.label}
    </span>
  );
}
