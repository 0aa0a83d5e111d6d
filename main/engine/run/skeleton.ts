import type * as tfjs from '@tensorflow/tfjs';
import { analyzeGraph } from '../../../app/analysis/analyze';
import type { Analysis } from '../../../app/analysis/types';
import { datasetInfo } from '../../../app/data/catalog';
import type { ProjectDoc } from '../../../app/document/schema';
import type { BackendInfo } from '../../../app/protocol/backend';
import { EVENT_VERSION } from '../../../app/protocol/events';
import { selectBackend } from '../backend';
import { UserError, type TrainContext, type TrainRequest } from '../context';
import { probeStep } from '../probe';
import { seedRandomness } from '../seed';
import { RunLoop, type LoopOutcome } from './loop';
import type { OpenedMode, Trainer, TrainingMode } from './mode';
import { driveSteps } from './steps';

export interface RunOptions {
  /** A backend already selected (tests that pick one): the skeleton then neither selects nor probes. */
  readonly backend?: BackendInfo;
}

/** The graph's own check, the same for every mode; throws a UserError naming the first problem and its fix. */
export function checkGraph(doc: ProjectDoc): Analysis {
  const analysis = analyzeGraph(doc.graph);
  const firstError = analysis.issues.find((i) => i.severity === 'error');
  if (firstError) throw new UserError(`The network has errors: ${firstError.message}${firstError.fix ? ` ${firstError.fix}` : ''}`);
  return analysis;
}

/**
 * On wasm, one trial step decides whether the backend has every kernel the mode needs; when it
 * does not, cpu runs the model instead and says why. The trial changed the weights, so the caller
 * builds afresh either way.
 */
async function probeBackend(tf: TrainContext['tf'], backend: BackendInfo, opened: OpenedMode, noun: string): Promise<BackendInfo> {
  if (backend.name !== 'wasm') return backend;
  const trial = opened.build();
  let missing: string | null;
  try {
    missing = await probeStep(() => trial.trial());
  } finally {
    trial.dispose();
  }
  if (!missing) return backend;
  await tf.setBackend('cpu');
  return {
    name: 'cpu',
    device: 'CPU (plain JavaScript)',
    reason: `wasm cannot train this ${noun} yet (it lacks the ${missing} kernel), so the slower cpu backend runs it`,
  };
}

async function cpuOnly(tf: TrainContext['tf']): Promise<BackendInfo> {
  await tf.setBackend('cpu');
  return { name: 'cpu', device: 'CPU (plain JavaScript)', reason: 'holds the model for checkpoints only' };
}

/** The context for a mode that holds itself: the loop sees a stop, but never holds a batch of its own. */
function followingOnly(ctx: TrainContext): TrainContext {
  const { controls, ...rest } = ctx;
  return { ...rest, stopRequested: () => (controls?.stopRequested ?? false) || (ctx.stopRequested?.() ?? false) };
}

function build(opened: OpenedMode, earlier: tfjs.LayersModel | undefined): Trainer {
  try {
    return opened.build(earlier);
  } finally {
    earlier?.dispose();
  }
}

/**
 * One training run of any mode: validate, seed, pick a backend, open the data, build (probing wasm),
 * `run.started`, then the mode's step driven by the one loop (RunLoop), then `run.finished`. A
 * problem the user can fix rejects with a UserError; `failureEvent` turns any rejection into `run.failed`.
 */
export async function runTraining<P>(req: TrainRequest, ctx: TrainContext, mode: TrainingMode<P>, options: RunOptions = {}): Promise<void> {
  const { tf, emit } = ctx;
  const { runId, document: doc } = req;
  const t = doc.training;
  const log = (message: string, level: 'info' | 'warning' = 'info') => emit({ v: EVENT_VERSION, type: 'run.log', runId, level, message });

  const analysis = checkGraph(doc);
  const plan = mode.check(doc, analysis);
  seedRandomness(t.seed);
  // An external engine's model lives in tfjs only to be checkpointed: plain cpu holds it, nothing is probed.
  let backend = options.backend ?? (mode.external ? await cpuOnly(tf) : await selectBackend(tf, req.backend));
  log(`Loading ${datasetInfo(doc.data.dataset).label}…`);
  const opened = await mode.open(plan, {
    tf,
    doc,
    analysis,
    log,
    ...(req.runDir ? { runDir: req.runDir } : {}),
    ...(ctx.controls ? { controls: ctx.controls } : {}),
  });
  if (opened.backend) backend = opened.backend;
  let trainer: Trainer | null = null;
  let loop: RunLoop | null = null;
  let outcome: LoopOutcome;
  try {
    if (t.schedule.kind !== 'constant' && opened.unsupported?.schedule) log(opened.unsupported.schedule, 'warning');
    if (t.earlyStopping.enabled && opened.unsupported?.earlyStopping) log(opened.unsupported.earlyStopping, 'warning');
    if (!options.backend && !mode.external) backend = await probeBackend(tf, backend, opened, mode.noun);
    const earlier = req.resume && ctx.loadCheckpoint ? await ctx.loadCheckpoint(req.resume.runDir) : undefined;
    trainer = build(opened, earlier);
    log(`Backend: ${backend.name} on ${backend.device} (${backend.reason}).`);

    const initialEpoch = req.resume?.epochsDone ?? 0;
    const range = { initialEpoch, epochs: initialEpoch + t.epochs };
    emit({
      v: EVENT_VERSION,
      type: 'run.started',
      runId,
      backend,
      epochs: range.epochs,
      batchesPerEpoch: opened.batchesPerEpoch,
      samples: opened.samples,
      loss: opened.lossWhy,
      initialEpoch,
      ...(req.runDir ? { runDir: req.runDir } : {}),
    });
    for (const o of ctx.observers ?? []) await o.start?.({ model: trainer.model, sample: opened.sample });

    loop = new RunLoop(opened.holdsItself ? followingOnly(ctx) : ctx, runId, t, opened, trainer, range);
    if (trainer.drive === 'fit') await trainer.fit(range, loop);
    else await driveSteps(trainer, range, opened.batchesPerEpoch, loop);
    outcome = await loop.finish();
  } finally {
    loop?.dispose();
    for (const o of ctx.observers ?? []) o.dispose?.();
    trainer?.dispose();
    opened.dispose();
  }
  if (outcome.nan !== null) throw new UserError(outcome.nan);
  emit({
    v: EVENT_VERSION,
    type: 'run.finished',
    runId,
    status: outcome.stopped ? 'stopped' : 'completed',
    epochsDone: outcome.epochsDone,
    seconds: outcome.seconds,
    ...(outcome.note !== null ? { note: outcome.note } : {}),
  });
}
