import { useMemo } from 'react';
import { refreshRuns } from '../actions/runs';
import { isActive, useRun } from '../store/run';
import { runLabel, useRuns } from '../store/runs';
import { useSession } from '../store/session';
import { OVERLAY_COLORS, OverlayChart } from './OverlayChart';
import { RunRow } from './RunRow';
import { EvalDialog } from '../eval/EvalDialog';
import { CompareButton } from '../views/CompareDialog';

/** The project's recorded runs, newest first, with the ticked ones overlaid on one chart. */
export function RunsPanel() {
  const { runs, loading, error, overlay, details } = useRuns();
  const busy = useRun((s) => isActive(s.status));
  const liveId = useRun((s) => (isActive(s.status) ? s.runId : null));
  const liveEpoch = useRun((s) => s.epoch);
  const liveLogs = useRun((s) => s.latest);
  const connected = useSession((s) => s.connection === 'open');
  const colors = useMemo(() => new Map(overlay.map((id, i) => [id, OVERLAY_COLORS[i % OVERLAY_COLORS.length]!])), [overlay]);
  const shown = useMemo(
    () =>
      overlay.flatMap((id) => {
        const detail = details[id];
        const summary = runs?.find((r) => r.id === id) ?? detail?.run;
        return detail && summary ? [{ detail, color: colors.get(id)!, label: runLabel(summary) }] : [];
      }),
    [overlay, details, colors, runs],
  );

  return (
    <div data-testid="runs-panel" className="space-y-2.5">
      <EvalDialog />
      <CompareButton />
      {overlay.length > 0 && <OverlayChart details={shown} />}
      {error ? (
        <div className="rounded-md border border-red-200 bg-red-50 px-2.5 py-1.5 text-[12.5px] leading-snug text-red-800">
          Could not list the runs: {error}{' '}
          <button type="button" className="font-medium underline" onClick={() => void refreshRuns()}>
            Try again
          </button>
        </div>
      ) : runs === null ? (
        <p className="text-[12.5px] text-slate-500">
          {connected ? (loading ? 'Loading runs…' : 'Runs appear here once the server answers.') : 'Runs are listed once connected to the LayerLab server.'}
        </p>
      ) : runs.length === 0 ? (
        <p className="rounded-md border border-dashed border-slate-300 px-3 py-3 text-center text-[12.5px] leading-relaxed text-slate-500">
          No runs yet. Every run is recorded here with its graph, settings and curves: tick two to compare them.
        </p>
      ) : (
        <>
          <p className="text-[12px] leading-snug text-slate-500">
            {overlay.length === 0 ? 'Tick runs to overlay their curves.' : `${overlay.length} run${overlay.length > 1 ? 's' : ''} overlaid.`}
          </p>
          <ul className="space-y-1.5">
            {runs.map((run) => (
              <RunRow
                key={run.id}
                // The record of the run in progress lags behind: show its live epoch and numbers.
                run={
                  run.id === liveId && run.status === 'running'
                    ? { ...run, epochsDone: Math.max(run.epochsDone, liveEpoch), final: liveLogs ?? run.final }
                    : run
                }
                color={colors.get(run.id) ?? null}
                busy={busy}
              />
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
