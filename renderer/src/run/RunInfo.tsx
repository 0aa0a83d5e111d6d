import { useMemo } from 'react';
import { trainBlockedReason } from '../actions/training';
import { useFieldErrors } from '../store/fieldErrors';
import { useProjectStore } from '../store/project';
import { isActive, useRun } from '../store/run';
import { useSession } from '../store/session';
import { formatSeconds } from './format';

/** One line under the run bar: what failed, why Train is blocked, how the run ended, or what the engine says. */
export function RunInfo() {
  const doc = useProjectStore((s) => s.doc);
  const connection = useSession((s) => s.connection);
  const fieldErrors = useFieldErrors((s) => s.errors);
  const blocked = useMemo(() => trainBlockedReason(doc, connection, fieldErrors), [doc, connection, fieldErrors]);
  const r = useRun();
  const active = isActive(r.status);

  if (r.status === 'failed' && r.error) {
    return (
      <div data-testid="run-error" role="alert" className="rounded-md border border-red-200 bg-red-50 px-2.5 py-1 text-[12px] leading-snug text-red-800">
        <span className="font-semibold">Training failed{r.error.step !== undefined ? ` at batch ${r.error.step}` : ''}: </span>
        <span className="break-words">{r.error.message.replace(/^Training failed:\s*/i, '')}</span>
        {r.error.detail && (
          <details className="mt-0.5">
            <summary className="cursor-pointer text-[11.5px] text-red-700">Details</summary>
            <pre className="mt-1 max-h-24 overflow-auto font-mono text-[11px] whitespace-pre-wrap">{r.error.detail}</pre>
          </details>
        )}
      </div>
    );
  }
  if (blocked && !active) {
    return (
      <p data-testid="train-blocked-reason" className="truncate text-[12px] leading-snug text-amber-800" title={blocked}>
        <span className="font-semibold">Can’t train yet: </span>
        {blocked}
      </p>
    );
  }
  const data = r.samples
    ? `${r.samples.train.toLocaleString('en-US')} train · ${r.samples.validation.toLocaleString('en-US')} validation examples${r.lossName ? ` · ${r.lossName}` : ''}`
    : null;
  const ended = r.status === 'completed' || r.status === 'stopped';
  const text =
    active && r.lastLog
      ? r.lastLog.message
      : ended && r.note
        ? r.note
        : data
          ? `${data}${r.continuedFrom ? ' · continued from an earlier run' : ''}${ended && r.seconds !== null ? ` · ${formatSeconds(r.seconds)}` : ''}`
          : r.status === 'idle'
            ? 'Space pauses and resumes, S steps one batch while paused, Esc stops.'
            : '';
  const warn = active && r.lastLog?.level === 'warning';
  return (
    <p
      data-testid="run-note"
      className={`truncate text-[12px] leading-snug ${warn ? 'text-amber-800' : ended && r.note ? 'text-emerald-800' : 'text-slate-500'}`}
      title={text}
    >
      {text || '\u00a0'}
    </p>
  );
}
