import type { RunSummary } from '../../../app/protocol';
import { errorText } from '../actions/notify';
import { useProjectStore } from '../store/project';
import { runLabel } from '../store/runs';
import { transport } from '../transport';
import { useEval } from './store';

/** Asks the host to score `run` on its test split and opens the view; a later request replaces an earlier one's answer. */
export async function evaluateRun(run: RunSummary, weights: 'last' | 'best' = useEval.getState().weights): Promise<void> {
  const projectId = useProjectStore.getState().doc.id;
  const title = runLabel(run);
  if (!projectId) return;
  useEval.setState({ view: { status: 'loading', runId: run.id, title, dataset: run.dataset }, weights });
  try {
    const report = await transport().request('run.evaluate', { projectId, runId: run.id, weights });
    if (isShowing(run.id)) useEval.setState({ view: { status: 'done', runId: run.id, title, dataset: run.dataset, report, run } });
  } catch (e) {
    if (isShowing(run.id)) useEval.setState({ view: { status: 'failed', runId: run.id, title, dataset: run.dataset, message: errorText(e) } });
  }
}

function isShowing(runId: string): boolean {
  const v = useEval.getState().view;
  return v.status !== 'closed' && v.runId === runId;
}

export function closeEvaluation(): void {
  useEval.setState({ view: { status: 'closed' } });
}
