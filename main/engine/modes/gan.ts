import type * as tfjs from '@tensorflow/tfjs';
import { analyzeGraph } from '../../../app/analysis/analyze';
import type { Analysis } from '../../../app/analysis/types';
import { datasetInfo } from '../../../app/data/catalog';
import { dataSpec, type Task } from '../../../app/data/spec';
import { seededRandom } from '../../../app/data/synthetic';
import type { ProjectDoc } from '../../../app/document/schema';
import type { BackendInfo } from '../../../app/protocol/backend';
import type { Tf } from '../../../app/layers/types';
import { EVENT_VERSION, type HostEvent } from '../../../app/protocol/events';
import type { EpochLogs, SampleImage } from '../../../app/protocol/runs';
import { planGan, type GanPlan } from '../../../app/training/gan';
import { selectBackend } from '../backend';
import { UserError, type TrainContext, type TrainRequest } from '../context';
import { loadDataset } from '../datasets';
import { permutation, splitData } from '../../data/split';
import type { TrainingData } from '../../data/training-data';
import { gridDataUrl, splitTiles } from '../images/png';
import { probeStep } from '../probe';
import { ProgressMeter } from '../progress';
import { seedRandomness } from '../seed';
import { BatchThrottle } from '../throttle';
import { gaussians, realImages, toPixel } from './gan-data';
import { buildGanNets, ganEvaluate, ganStep, type GanNets } from './gan-step';

/** Samples shown each epoch, from the same latent vectors every time so the grid shows learning, not luck. */
export const SAMPLE_COUNT = 16;
/** Held-out real images and latent vectors for the end-of-epoch figures: enough for a steady number, cheap to run. */
const EVAL_COUNT = 256;

const product = (dims: readonly number[]) => dims.reduce((a, d) => a * d, 1);

/** Checks the graph and the GAN split; throws a UserError naming the first problem and its fix. */
export function validateGan(doc: ProjectDoc): { analysis: Analysis; plan: GanPlan } {
  const analysis = analyzeGraph(doc.graph);
  const firstError = analysis.issues.find((i) => i.severity === 'error');
  if (firstError) throw new UserError(`The network has errors: ${firstError.message}${firstError.fix ? ` ${firstError.fix}` : ''}`);
  const check = planGan(doc, analysis);
  if (!check.ok) {
    const first = check.issues[0];
    throw new UserError(first ? `${first.message}${first.fix ? ` Fix: ${first.fix.label}.` : ''}` : 'The GAN cannot be trained: fix the graph first.');
  }
  return { analysis, plan: check.plan };
}

/** A 4×4 grid of what the generator makes from the fixed latent batch `z`. */
export async function generatedSamples(tf: Tf, generator: tfjs.LayersModel, z: tfjs.Tensor, plan: GanPlan): Promise<SampleImage[]> {
  const out = tf.tidy(() => (generator.predict(z) as tfjs.Tensor).reshape([z.shape[0], -1]));
  // Asynchronous: WebGPU in Node has no synchronous read.
  const values = (await out.data()) as Float32Array;
  out.dispose();
  const count = z.shape[0];
  const { tiles, tile } = splitTiles(values, count, plan.image, toPixel(plan.activation));
  const png = gridDataUrl(tiles, tile.w, tile.h, tile.channels, Math.ceil(Math.sqrt(count)));
  return [{ png, caption: `${count} samples from the same ${count} latent vectors every epoch` }];
}

function nanMessage(which: string, step: number, epoch: number, lr: number): string {
  return (
    `The ${which} loss became NaN or infinite at batch ${step} (epoch ${epoch}), so training stopped. Likely causes: ` +
    `the learning rate (${lr}) is too high for a GAN — 0.0002 is the usual start; or the discriminator wins so completely that ` +
    'its outputs saturate at 0 or 1 — add Dropout to it or make it smaller.'
  );
}

/** Tries one adversarial step; returns the kernel the backend lacks, if any. */
async function probe(tf: Tf, nets: GanNets, real: tfjs.Tensor, latent: (n: number) => tfjs.Tensor): Promise<string | null> {
  const batch = tf.slice(real, 0, Math.min(2, real.shape[0]));
  const [zD, zG] = [latent(batch.shape[0]), latent(batch.shape[0])];
  try {
    return await probeStep(() => ganStep(tf, nets, batch, zD, zG));
  } finally {
    tf.dispose([batch, zD, zG]);
  }
}

/** Continuing a run: the checkpoint holds the combined model, so both networks get their weights back. */
function adoptWeights(nets: GanNets, earlier: tfjs.LayersModel): void {
  const mine = nets.combined.getWeights();
  const theirs = earlier.getWeights();
  const same = mine.length === theirs.length && mine.every((w, i) => w.shape.join() === theirs[i]!.shape.join());
  if (!same) throw new UserError("The GAN changed since that run, so its weights no longer fit. Restore the run's graph first, then continue it.");
  nets.combined.setWeights(theirs);
}

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Adversarial training for a document in `gan` mode, with the same contract as `train`: validates,
 * picks a backend, loads the real images, then runs the GAN loop (see `runGan`).
 */
export async function trainGan(req: TrainRequest, ctx: TrainContext): Promise<void> {
  const { tf, emit } = ctx;
  const doc = req.document;
  const { analysis, plan } = validateGan(doc);
  seedRandomness(doc.training.seed);
  const backend = await selectBackend(tf, req.backend);
  emit({ v: EVENT_VERSION, type: 'run.log', runId: req.runId, level: 'info', message: `Loading ${datasetInfo(doc.data.dataset).label}…` });
  const data = await loadDataset(doc.data, doc.training.validationSplit);
  const { train, validation } = splitData(data, doc.training.validationSplit, doc.data.seed, doc.data.limit);
  await runGan(req, ctx, { analysis, plan, backend }, { train, validation, task: dataSpec(doc.data).task });
}

/** The real images a GAN learns from: the clean images of each split (targets when the objective is an autoencoder's). */
export interface GanData {
  readonly train: TrainingData;
  readonly validation: TrainingData | null;
  readonly task: Task;
}

/**
 * The GAN loop on data already loaded: per batch trains the discriminator and the generator in
 * turn; streams both losses, an epoch summary and a grid of generated samples each epoch, and
 * records them when the context has a recorder. On wasm, one probe step decides whether the
 * backend has every kernel the two networks need, falling back to cpu when it does not.
 */
export async function runGan(
  req: TrainRequest,
  ctx: TrainContext,
  setup: { analysis: Analysis; plan: GanPlan; backend: BackendInfo },
  gan: GanData,
): Promise<void> {
  const { tf, emit } = ctx;
  const { runId, document: doc } = req;
  const { analysis, plan } = setup;
  let { backend } = setup;
  const { train: trainSet, validation, task } = gan;
  const t = doc.training;
  const send = (e: HostEvent) => emit(e);
  const log = (message: string, level: 'info' | 'warning' = 'info') => send({ v: EVENT_VERSION, type: 'run.log', runId, level, message });
  if (trainSet.count === 0) throw new UserError('There are no training images: raise the dataset limit or lower the validation split.');
  if (t.schedule.kind !== 'constant') log('GAN training keeps the learning rate constant; the schedule is ignored.', 'warning');
  if (t.earlyStopping.enabled) log('GAN losses do not fall steadily, so early stopping is off for GAN training.', 'warning');

  const dShape = plan.discriminator.inputShape;
  const per = product(dShape);
  const zShape = plan.generator.inputShape;
  const rand = seededRandom(t.seed > 0 ? t.seed : Math.floor(Math.random() * 2 ** 31));
  const latent = (n: number, r = rand) => tf.tensor(gaussians(n * product(zShape), r), [n, ...zShape], 'float32');
  const fixedSeed = t.seed > 0 ? t.seed : doc.data.seed;
  const realAll = tf.tensor(realImages(trainSet, task, plan.activation), [trainSet.count, ...dShape], 'float32');
  const evalReal = validation ? Math.min(EVAL_COUNT, validation.count) : 0;
  const valReal = validation ? tf.tensor(realImages(validation, task, plan.activation).subarray(0, evalReal * per), [evalReal, ...dShape], 'float32') : null;
  const fixedZ = latent(SAMPLE_COUNT, seededRandom(fixedSeed));
  const evalZ = latent(evalReal > 0 ? evalReal : 64, seededRandom(fixedSeed + 1));
  const held = [realAll, fixedZ, evalZ, ...(valReal ? [valReal] : [])];

  let nets: GanNets | null = null;
  let throttle: BatchThrottle | null = null;
  let stopped = false;
  let stepsDone = 0;
  let epochsDone = req.resume?.epochsDone ?? 0;
  const meter = new ProgressMeter(t.batchSize, Math.max(1, t.epochs * Math.ceil(trainSet.count / t.batchSize)));
  try {
    nets = buildGanNets(tf, doc, analysis, plan);
    if (backend.name === 'wasm') {
      const missing = await probe(tf, nets, realAll, latent);
      nets.dispose();
      nets = null;
      if (missing) {
        await tf.setBackend('cpu');
        backend = {
          name: 'cpu',
          device: 'CPU (plain JavaScript)',
          reason: `wasm cannot train this GAN yet (it lacks the ${missing} kernel), so the slower cpu backend runs it`,
        };
      }
      // The probe took one step; start again from fresh weights.
      nets = buildGanNets(tf, doc, analysis, plan);
    }
    const earlier = req.resume && ctx.loadCheckpoint ? await ctx.loadCheckpoint(req.resume.runDir) : undefined;
    if (earlier) {
      try {
        adoptWeights(nets, earlier);
      } finally {
        earlier.dispose();
      }
    }
    log(`Backend: ${backend.name} on ${backend.device} (${backend.reason}).`);

    const initialEpoch = epochsDone;
    const lastEpoch = initialEpoch + t.epochs;
    const batchesPerEpoch = Math.ceil(trainSet.count / t.batchSize);
    send({
      v: EVENT_VERSION,
      type: 'run.started',
      runId,
      backend,
      epochs: lastEpoch,
      batchesPerEpoch,
      samples: { train: trainSet.count, validation: validation?.count ?? 0 },
      loss: 'Binary cross-entropy, twice: the discriminator learns real (0.9, smoothed) vs generated (0); the generator learns to make it say real (1). loss is the generator’s.',
      initialEpoch,
      ...(req.runDir ? { runDir: req.runDir } : {}),
    });

    let step = initialEpoch * batchesPerEpoch;
    let epoch = initialEpoch;
    let batchInEpoch = 0;
    throttle = new BatchThrottle((points) => {
      send({ v: EVENT_VERSION, type: 'run.batches', runId, points });
      ctx.recorder?.batches(points);
      send({
        v: EVENT_VERSION,
        type: 'run.progress',
        runId,
        step,
        epoch: epoch + 1,
        batch: batchInEpoch,
        batchesPerEpoch,
        learningRate: t.learningRate,
        ...meter.take(stepsDone),
      });
    });

    for (epoch = initialEpoch; epoch < lastEpoch && !stopped; epoch++) {
      const epochStart = performance.now();
      const sums = { d: 0, g: 0, acc: 0 };
      const order = permutation(trainSet.count, Math.floor(rand() * 2 ** 31));
      batchInEpoch = 0;
      for (let b = 0; b < batchesPerEpoch; b++) {
        const pick = tf.tensor1d(Int32Array.from(order.subarray(b * t.batchSize, Math.min((b + 1) * t.batchSize, trainSet.count))), 'int32');
        const real = tf.gather(realAll, pick);
        const [zD, zG] = [latent(pick.shape[0]), latent(pick.shape[0])];
        meter.batchBegin();
        let result;
        try {
          result = await ganStep(tf, nets, real, zD, zG);
        } finally {
          tf.dispose([pick, real, zD, zG]);
        }
        meter.batchEnd();
        step += 1;
        stepsDone += 1;
        batchInEpoch = b + 1;
        if (!Number.isFinite(result.dLoss)) throw new UserError(nanMessage('discriminator', step, epoch + 1, t.learningRate));
        if (!Number.isFinite(result.gLoss)) throw new UserError(nanMessage('generator', step, epoch + 1, t.learningRate));
        sums.d += result.dLoss;
        sums.g += result.gLoss;
        sums.acc += result.dAccuracy;
        throttle.push({ step, epoch: epoch + 1, loss: result.gLoss, values: { d_loss: result.dLoss, g_loss: result.gLoss } });
        if (ctx.controls?.stopRequested || ctx.stopRequested?.()) stopped = true;
        else if (ctx.controls) {
          // Show the exact batch count before holding still.
          if (ctx.controls.pausing) throttle.flush();
          if ((await ctx.controls.afterBatch(step)) === 'stop') stopped = true;
        }
        if (stopped) break;
        // Lets stop, pause and step commands from the host arrive between batches.
        await nextTurn();
      }
      throttle.flush();
      // A stop mid-epoch leaves a partial epoch: its averages would mislead, so it is not reported.
      if (batchInEpoch < batchesPerEpoch) break;
      epochsDone = epoch + 1;
      const n = batchesPerEpoch;
      const logs: EpochLogs = {
        loss: sums.g / n,
        d_loss: sums.d / n,
        g_loss: sums.g / n,
        d_accuracy: sums.acc / n,
        ...(await ganEvaluate(tf, nets, evalZ, valReal)),
      };
      const seconds = (performance.now() - epochStart) / 1000;
      send({ v: EVENT_VERSION, type: 'run.epoch', runId, epoch: epochsDone, epochs: lastEpoch, logs, seconds, learningRate: t.learningRate });
      ctx.recorder?.epoch({ epoch: epochsDone, logs, seconds, learningRate: t.learningRate });
      const images = await generatedSamples(tf, nets.generator, fixedZ, plan);
      send({ v: EVENT_VERSION, type: 'run.samples', runId, epoch: epochsDone, kind: 'generated', images });
      await ctx.recorder?.samples(epochsDone, 'generated', images);
      await ctx.recorder?.checkpoint(nets.combined, 'last');
    }
    // Stopping keeps the weights reached so far.
    if (stopped) await ctx.recorder?.checkpoint(nets.combined, 'last');
  } finally {
    throttle?.flush();
    nets?.dispose();
    tf.dispose(held);
  }
  send({ v: EVENT_VERSION, type: 'run.finished', runId, status: stopped ? 'stopped' : 'completed', epochsDone, seconds: meter.take(stepsDone).elapsedSeconds });
}
