import type { RunDetail } from '../../../app/protocol';
import { analysisOf, fitIssuesOf } from '../store/analysis';
import { fieldBlockReason, useFieldErrors, type FieldErrorState } from '../store/fieldErrors';
import { askConfirm } from '../store/confirm';
import { useEngine, type EngineChoice } from '../store/engine';
import { useProjectStore } from '../store/project';
import { isActive, useRun, type Pending } from '../store/run';
import { seedSeries } from '../store/series';
import { useSession } from '../store/session';
import { errorText, say } from './notify';
import { browserGpuAvailable, startComputeWorker } from '../run/computeWorker';
import { isElectron, transport } from '../transport';

/** How long a Step may take before the button comes back regardless (a lost event must not lock it). */
const STEP_TIMEOUT_MS = 30_000;

/**
 * Why Train is disabled, in words; null when training can start. Reads the stores now unless a
 * component passes the values it subscribed to (so its memo lists what the answer depends on).
 */
export function trainBlockedReason(
  doc = useProjectStore.getState().doc,
  connection = useSession.getState().connection,
  fieldErrors: FieldErrorState['errors'] = useFieldErrors.getState().errors,
): string | null {
  if (doc.graph.nodes.length === 0) return 'Add layers to the canvas first, or start from a template.';
  const field = fieldBlockReason(fieldErrors);
  if (field) return field;
  const analysis = analysisOf(doc.graph);
  const errors = analysis.issues.filter((i) => i.severity === 'error');
  if (errors.length > 0) {
    const more = errors.length > 1 ? ` (and ${errors.length - 1} more problem${errors.length > 2 ? 's' : ''})` : '';
    return `Fix the graph first: ${errors[0]!.message}${more}`;
  }
  const fit = fitIssuesOf(doc);
  if (fit.length > 0) return `The data does not fit the network: ${fit[0]!.message}`;
  if (connection !== 'open') return 'Not connected to the LayerLab server.';
  return null;
}

export interface StartOptions {
  /** Continue from this earlier run's last checkpoint. */
  readonly continueFrom?: string;
  /** That run's history, drawn first so the curves carry on from it. */
  readonly history?: RunDetail;
}

/**
 * The engine to ask for. PyTorch chosen but not usable here: the user is asked whether LayerLab's own engine may
 * train instead (null when they say no); a run never silently trains elsewhere than where it was asked to.
 */
async function engineForRun(): Promise<EngineChoice | null> {
  const { choice } = useEngine.getState();
  if (choice === 'browser' && (isElectron() || !browserGpuAvailable())) {
    const ok = await askConfirm({
      title: 'This browser has no WebGPU',
      message: 'The engine is set to WebGPU in this browser, which this window does not have. Train with the best engine of the LayerLab server instead?',
      confirm: 'Use the server’s engine',
      danger: false,
    });
    return ok ? 'auto' : null;
  }
  if (choice !== 'pytorch') return choice;
  const report = useEngine.getState().report ?? (await useEngine.getState().check());
  if (!report || report.pytorch.ok) return choice;
  const ok = await askConfirm({
    title: 'PyTorch is not available',
    message: `${report.pytorch.why} Train with LayerLab’s own engine instead?`,
    confirm: 'Use LayerLab’s engine',
    danger: false,
  });
  return ok ? 'auto' : null;
}

/** Starts a run. One at a time: while one is going this says so; if the host refuses, its reason is shown. */
export async function startTraining(opts: StartOptions = {}): Promise<void> {
  const before = useRun.getState();
  if (isActive(before.status)) {
    say('info', 'A run is already in progress', [
      `Pause or stop it before starting another (${before.status === 'paused' ? 'it is paused' : 'it is training'}).`,
    ]);
    return;
  }
  const blocked = trainBlockedReason();
  if (blocked !== null) {
    say('warning', 'Training cannot start yet', [blocked]);
    return;
  }
  const engine = await engineForRun();
  if (engine === null) return;
  const { doc } = useProjectStore.getState();
  before.begin(doc.training.epochs);
  try {
    const { python } = useEngine.getState();
    const { runId } = await transport().request('run.start', {
      document: doc,
      ...(engine === 'auto' ? {} : engine === 'browser' ? { backend: 'webgpu', compute: 'browser' } : { backend: engine }),
      ...(engine === 'pytorch' && python ? { python } : {}),
      ...(opts.continueFrom ? { continueFrom: opts.continueFrom } : {}),
    });
    if (useRun.getState().status !== 'starting') return;
    useRun.getState().attach(runId, opts.history ? () => seedSeries(opts.history!.batches, opts.history!.epochs) : undefined);
    if (engine === 'browser')
      startComputeWorker(runId, (message) => {
        say('error', 'The in-browser engine could not start', [message]);
        void stopTraining(true);
      });
    if (useRun.getState().pending === 'stopping') await stopTraining(true);
  } catch (e) {
    if (useRun.getState().status !== 'starting') return;
    // The last run's charts and numbers stay: nothing new started.
    useRun.setState(before, true);
    say('error', 'Training did not start', [errorText(e)]);
  }
}

/** Asks the host to stop; the run ends when its run.finished event arrives. */
export async function stopTraining(force = false): Promise<void> {
  const { status, runId, pending } = useRun.getState();
  if (!isActive(status) || (pending === 'stopping' && !force)) return;
  useRun.getState().setPending('stopping');
  if (!runId) return; // startTraining stops it as soon as the run has an id.
  try {
    const { stopped } = await transport().request('run.stop', { runId });
    if (!stopped && isActive(useRun.getState().status)) useRun.setState({ status: 'stopped', pending: null });
  } catch (e) {
    useRun.getState().setPending(null);
    say('error', 'Could not stop the run', [errorText(e)]);
  }
}

async function control(kind: 'run.pause' | 'run.resume' | 'run.step', pending: Exclude<Pending, null>, stepTarget: number | null = null): Promise<void> {
  const { runId } = useRun.getState();
  if (!runId) return;
  useRun.getState().setPending(pending, stepTarget);
  const settle = () => {
    if (useRun.getState().pending === pending) useRun.getState().setPending(null);
  };
  try {
    const { ok } = await transport().request(kind, { runId });
    if (!ok) settle();
  } catch (e) {
    settle();
    say('error', `Could not ${kind.slice(4)} the run`, [errorText(e)]);
  }
}

/** Pauses at the next batch boundary; the status changes when the engine says it has. */
export async function pauseTraining(): Promise<void> {
  const { status, pending } = useRun.getState();
  if (status === 'training' && pending === null) await control('run.pause', 'pausing');
}

export async function resumeTraining(): Promise<void> {
  const { status, pending } = useRun.getState();
  if (status === 'paused' && pending === null) await control('run.resume', 'resuming');
}

/** While paused: exactly one batch, then paused again. */
export async function stepTraining(): Promise<void> {
  const { status, pending, step } = useRun.getState();
  if (status !== 'paused' || pending !== null) return;
  const target = step + 1;
  setTimeout(() => {
    const s = useRun.getState();
    if (s.pending === 'stepping' && s.stepTarget === target) s.setPending(null);
  }, STEP_TIMEOUT_MS);
  await control('run.step', 'stepping', target);
}

export function togglePause(): void {
  const { status } = useRun.getState();
  if (status === 'training') void pauseTraining();
  else if (status === 'paused') void resumeTraining();
}
