import type { RunSummary } from '../../../app/protocol';
import { continueRun, deleteRun, restoreRun, setOverlaid, updateRun } from '../actions/runs';
import { formatSeconds } from '../run/format';
import { Swatch } from '../run/ChartPanel';
import { runLabel } from '../store/runs';
import { InlineText } from './InlineText';
import { evaluateRun } from '../eval/actions';
import { RunInsideButton } from '../views/RunInsideButton';

const STATUS: Record<RunSummary['status'], { label: string; className: string }> = {
  running: { label: 'Running', className: 'bg-indigo-50 text-indigo-700 ring-indigo-200' },
  completed: { label: 'Completed', className: 'bg-emerald-50 text-emerald-700 ring-emerald-200' },
  stopped: { label: 'Stopped', className: 'bg-amber-50 text-amber-800 ring-amber-200' },
  failed: { label: 'Failed', className: 'bg-red-50 text-red-700 ring-red-200' },
  interrupted: { label: 'Interrupted', className: 'bg-orange-50 text-orange-800 ring-orange-200' },
};

function when(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  const time = d.toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' });
  return d.toDateString() === new Date().toDateString() ? `today ${time}` : `${d.toLocaleDateString(undefined, { month: 'short', day: 'numeric' })} ${time}`;
}

/** The run's result in a few numbers: final loss, and validation accuracy or MAE where it has them. */
function results(run: RunSummary): string[] {
  const f = run.final;
  if (!f) return [];
  const out = [`loss ${f.loss.toFixed(4)}`];
  const acc = f.val_accuracy ?? f.accuracy;
  if (acc !== undefined) out.push(`${f.val_accuracy !== undefined ? 'val acc' : 'acc'} ${(acc * 100).toFixed(1)}%`);
  else if ((f.val_mae ?? f.mae) !== undefined) out.push(`${f.val_mae !== undefined ? 'val mae' : 'mae'} ${(f.val_mae ?? f.mae)!.toFixed(4)}`);
  if (f.d_loss !== undefined && f.g_loss !== undefined) out.splice(0, 1, `d ${f.d_loss.toFixed(3)} · g ${f.g_loss.toFixed(3)}`);
  return out;
}

const action =
  'inline-flex size-6 shrink-0 items-center justify-center rounded text-[11.5px] font-medium text-slate-600 hover:bg-slate-100 hover:text-slate-900 disabled:cursor-not-allowed disabled:text-slate-300 disabled:hover:bg-transparent';

export interface RunRowProps {
  readonly run: RunSummary;
  /** Its colour in the overlay, when overlaid. */
  readonly color: string | null;
  /** A run holds the engine now: no other may start. */
  readonly busy: boolean;
}

const RestoreIcon = () => (
  <svg viewBox="0 0 16 16" className="size-3.5" fill="none" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round" strokeLinejoin="round" aria-hidden>
    <path d="M2.5 8a5.5 5.5 0 1 0 1.7-4M2.5 2.5V5.5h3" />
  </svg>
);

/** One recorded run: tick to overlay, rename and annotate in place, restore, continue or delete. */
export function RunRow({ run, color, busy }: RunRowProps) {
  const s = STATUS[run.status];
  const running = run.status === 'running';
  const label = runLabel(run);
  const meta = [run.dataset, `${run.epochsDone}/${run.epochs} epochs`, when(run.startedAt)].filter(Boolean);
  const res = results(run);

  return (
    <li
      data-testid="run-row"
      data-run-id={run.id}
      data-status={run.status}
      className={`rounded-md border px-2 pt-1.5 pb-1 ${color ? 'border-indigo-200 bg-indigo-50/40' : 'border-slate-200 bg-white'}`}
    >
      <div className="flex items-center gap-1.5">
        <input
          type="checkbox"
          data-testid="run-select-checkbox"
          aria-label={`Overlay ${label} on the chart`}
          title="Overlay this run's curves"
          className="size-3.5 shrink-0 cursor-pointer accent-indigo-600"
          checked={color !== null}
          onChange={(e) => setOverlaid(run.id, e.target.checked)}
        />
        <InlineText
          testId="run-name-input"
          label="Run name"
          value={run.name}
          placeholder={label}
          onCommit={(name) => void updateRun(run.id, { name })}
          className="h-6 text-[13px] font-medium text-slate-800"
        />
        {color && <Swatch color={color} />}
        <span className={`shrink-0 rounded-full px-1.5 py-px text-[10.5px] font-medium ring-1 ${s.className} ${running ? 'animate-pulse' : ''}`}>
          {s.label}
        </span>
      </div>
      <div className="flex items-baseline gap-2 pl-5 text-[12px]">
        <span className="min-w-0 flex-1 truncate font-medium text-slate-700 tabular-nums" title={res.join(' · ')}>
          {res.length ? res.join(' · ') : running ? 'training…' : 'no finished epoch'}
        </span>
        <span className="shrink-0 text-[11.5px] text-slate-500 tabular-nums">
          {[run.wallSeconds > 0 ? formatSeconds(run.wallSeconds) : '', run.backend?.name ?? ''].filter(Boolean).join(' · ')}
        </span>
      </div>
      <div className="flex items-center gap-0.5 pl-5">
        <span
          className="min-w-0 flex-1 truncate text-[11.5px] text-slate-500"
          title={`${meta.join(' · ')}${run.backend ? `\n${run.backend.name} · ${run.backend.device}` : ''}${run.continuedFrom ? '\nContinued from an earlier run' : ''}`}
        >
          {meta.join(' · ')}
        </span>
        <button
          type="button"
          data-testid="run-restore"
          className={action}
          onClick={() => void restoreRun(run)}
          title="Restore this run's graph and settings into the editor (Undo brings yours back)"
          aria-label="Restore this run's graph"
        >
          <RestoreIcon />
        </button>
        <button
          type="button"
          data-testid="run-evaluate"
          className={`${action} w-auto px-1.5`}
          disabled={!run.weights.last && !running}
          onClick={() => void evaluateRun(run)}
          title={
            !run.weights.last && !running
              ? 'This run saved no weights to evaluate'
              : 'Score this run on examples it did not train on (its latest weights while it trains)'
          }
        >
          Evaluate
        </button>
        {/* The run in progress shows its dynamics live, from the dock. */}
        {!running && <RunInsideButton run={run} className={`${action} w-auto px-1.5`} />}
        <button
          type="button"
          data-testid="run-continue"
          className={action}
          disabled={busy || running || !run.weights.last}
          onClick={() => void continueRun(run)}
          title={
            !run.weights.last ? 'This run saved no weights to continue from' : busy ? 'A run is in progress' : 'Continue training from where this run stopped'
          }
          aria-label="Continue training from this run"
        >
          <svg viewBox="0 0 12 12" className="size-3" aria-hidden>
            <path d="M3 1.8v8.4L10 6z" fill="currentColor" />
          </svg>
        </button>
        <button
          type="button"
          data-testid="run-delete"
          className={`${action} hover:text-red-700`}
          disabled={running}
          onClick={() => void deleteRun(run)}
          title={running ? 'Stop the run before deleting it' : 'Delete this run and its history'}
          aria-label="Delete run"
        >
          <svg
            viewBox="0 0 16 16"
            className="size-3.5"
            fill="none"
            stroke="currentColor"
            strokeWidth="1.4"
            strokeLinecap="round"
            strokeLinejoin="round"
            aria-hidden
          >
            <path d="M2.5 4h11M6 4V2.5h4V4M4 4l.7 9.5h6.6L12 4M6.7 6.5v5M9.3 6.5v5" />
          </svg>
        </button>
      </div>
      {run.error && (
        <div className="truncate pl-5 text-[11.5px] text-red-700" title={run.error}>
          {run.error}
        </div>
      )}
      <div className="pl-4">
        <InlineText
          testId="run-notes-input"
          label="Notes"
          multiline
          value={run.notes}
          placeholder="Add notes…"
          onCommit={(notes) => void updateRun(run.id, { notes })}
          className="py-0.5 text-[12px] leading-snug text-slate-600"
        />
      </div>
    </li>
  );
}
