import type { RunDetail, RunSummary } from '../../../app/protocol';
import { sameNetwork } from '../runs/sameGraph';
import { useProjectStore } from '../store/project';
import { isActive, useRun } from '../store/run';
import { newestFirst, runLabel, useRuns } from '../store/runs';
import { useSession } from '../store/session';
import { askConfirm } from '../store/confirm';
import { transport } from '../transport';
import { errorText, say } from './notify';
import { reattachToActiveRun } from './reattach';
import { startTraining } from './training';

const projectId = () => useProjectStore.getState().doc.id ?? null;
const connected = () => useSession.getState().connection === 'open';

/** Lists the current project's runs from the host; they live there, so they survive a restart. */
export async function refreshRuns(): Promise<void> {
  const id = projectId();
  if (!id || !connected()) return;
  if (useRuns.getState().projectId !== id) useRuns.setState({ projectId: id, runs: null, overlay: [], details: {}, error: null });
  useRuns.setState({ loading: true });
  try {
    const { runs } = await transport().request('runs.list', { projectId: id });
    if (projectId() !== id) return;
    const ids = new Set(runs.map((r) => r.id));
    const s = useRuns.getState();
    useRuns.setState({ runs: newestFirst(runs), loading: false, error: null, overlay: s.overlay.filter((r) => ids.has(r)) });
  } catch (e) {
    if (projectId() === id) useRuns.setState({ loading: false, error: errorText(e) });
  }
}

/**
 * Keeps the runs in step with the project: a new, opened or template project lists its own
 * runs, and the dock forgets the last project's finished run (a running one keeps going).
 */
export function syncRunsWithProject(): () => void {
  return useProjectStore.subscribe((s, prev) => {
    if (s.doc.id === prev.doc.id) return;
    if (!isActive(useRun.getState().status)) useRun.getState().reset();
    void refreshRuns();
    // The project that opened (a reload's autosave arriving, say) may be the one the host is training.
    void reattachToActiveRun();
  });
}

/** A run's history and snapshot, fetched once. */
export async function loadRunDetail(runId: string): Promise<RunDetail | null> {
  const cached = useRuns.getState().details[runId];
  if (cached) return cached;
  const id = projectId();
  if (!id) return null;
  try {
    const detail = await transport().request('runs.get', { projectId: id, runId });
    if (projectId() === id) useRuns.setState({ details: { ...useRuns.getState().details, [runId]: detail } });
    return detail;
  } catch (e) {
    say('error', 'Could not read the run', [errorText(e)]);
    return null;
  }
}

/** A run's history grew (or it ended): fetch it again when next needed, now if it is overlaid. */
export function invalidateRun(runId: string): void {
  const { details, overlay } = useRuns.getState();
  if (!(runId in details)) return;
  const { [runId]: _dropped, ...rest } = details;
  useRuns.setState({ details: rest });
  if (overlay.includes(runId)) void loadRunDetail(runId);
}

export function setOverlaid(runId: string, on: boolean): void {
  const { overlay } = useRuns.getState();
  if (on === overlay.includes(runId)) return;
  useRuns.setState({ overlay: on ? [...overlay, runId] : overlay.filter((r) => r !== runId) });
  if (on) void loadRunDetail(runId);
}

function replaceSummary(run: RunSummary) {
  const { runs } = useRuns.getState();
  if (runs) useRuns.setState({ runs: runs.map((r) => (r.id === run.id ? run : r)) });
}

/** Rename or annotate; the list shows the change at once and the host's answer after. */
export async function updateRun(runId: string, patch: { name?: string; notes?: string }): Promise<void> {
  const id = projectId();
  const current = useRuns.getState().runs?.find((r) => r.id === runId);
  if (!id || !current) return;
  replaceSummary({ ...current, ...patch });
  try {
    const { run } = await transport().request('runs.update', { projectId: id, runId, ...patch });
    replaceSummary(run);
  } catch (e) {
    replaceSummary(current);
    say('error', 'Could not save the change to the run', [errorText(e)]);
  }
}

export async function deleteRun(run: RunSummary): Promise<void> {
  const id = projectId();
  if (!id) return;
  const ok = await askConfirm({
    title: 'Delete this run?',
    message: `"${runLabel(run)}": its history, weights and pictures are removed for good.`,
    confirm: 'Delete run',
    danger: true,
  });
  if (!ok) return;
  try {
    await transport().request('runs.delete', { projectId: id, runId: run.id });
    const s = useRuns.getState();
    const { [run.id]: _deleted, ...details } = s.details;
    useRuns.setState({ runs: s.runs?.filter((r) => r.id !== run.id) ?? null, overlay: s.overlay.filter((r) => r !== run.id), details });
  } catch (e) {
    say('error', 'Could not delete the run', [errorText(e)]);
  }
}

/** Puts the run's graph and settings into the editor as one undoable step. */
export async function restoreRun(run: RunSummary): Promise<boolean> {
  const detail = await loadRunDetail(run.id);
  if (!detail) return false;
  useProjectStore.getState().replaceGraph({ type: 'restoreSnapshot', snapshot: detail.snapshot, label: `Restore the graph of "${runLabel(run)}"` });
  return true;
}

/** Trains on from the run's last checkpoint; the graph must be the run's, so a changed one is restored first (undoably). */
export async function continueRun(run: RunSummary): Promise<void> {
  if (isActive(useRun.getState().status)) {
    say('info', 'A run is already in progress', ['Stop it before continuing another run.']);
    return;
  }
  const detail = await loadRunDetail(run.id);
  if (!detail) return;
  if (!sameNetwork(useProjectStore.getState().doc.graph, detail.snapshot.graph)) {
    const ok = await askConfirm({
      title: 'Restore the run’s graph?',
      message: `The graph has changed since "${runLabel(run)}". Restore that run's graph and continue training it? (Undo brings your current graph back.)`,
      confirm: 'Restore and continue',
      danger: false,
    });
    if (!ok) return;
    await restoreRun(run);
  }
  await startTraining({ continueFrom: run.id, history: detail });
}
