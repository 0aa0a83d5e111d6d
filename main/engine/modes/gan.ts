import type * as tfjs from '@tensorflow/tfjs';
import type { Analysis } from '../../../app/analysis/types';
import { dataSpec, type Task } from '../../../app/data/spec';
import { seededRandom } from '../../../app/data/synthetic';
import type { ProjectDoc } from '../../../app/document/schema';
import type { BackendInfo } from '../../../app/protocol/backend';
import type { Tf } from '../../../app/layers/types';
import type { EpochLogs, SampleImage } from '../../../app/protocol/runs';
import { planGan, type GanPlan } from '../../../app/training/gan';
import { UserError, type TrainContext, type TrainRequest } from '../context';
import { loadDataset } from '../datasets';
import { permutation, splitData } from '../../data/split';
import type { TrainingData } from '../../data/training-data';
import { gridDataUrl, splitTiles } from '../images/png';
import type { Trainer, TrainingMode } from '../run/mode';
import { checkGraph, runTraining } from '../run/skeleton';
import { adoptWeights } from '../run/weights';
import { gaussians, realImages, toPixel } from './gan-data';
import { buildGanNets, ganEvaluate, ganStep } from './gan-step';

/** Samples shown each epoch, from the same latent vectors every time so the grid shows learning, not luck. */
export const SAMPLE_COUNT = 16;
/** Held-out real images and latent vectors for the end-of-epoch figures: enough for a steady number, cheap to run. */
const EVAL_COUNT = 256;

const product = (dims: readonly number[]) => dims.reduce((a, d) => a * d, 1);

/** The GAN split of a graph that passed its own check; throws a UserError naming the first problem and its fix. */
function checkGan(doc: ProjectDoc, analysis: Analysis): GanPlan {
  const check = planGan(doc, analysis);
  if (!check.ok) {
    const first = check.issues[0];
    throw new UserError(first ? `${first.message}${first.fix ? ` Fix: ${first.fix.label}.` : ''}` : 'The GAN cannot be trained: fix the graph first.');
  }
  return check.plan;
}

/** Checks the graph and the GAN split; throws a UserError naming the first problem and its fix. */
export function validateGan(doc: ProjectDoc): { analysis: Analysis; plan: GanPlan } {
  const analysis = checkGraph(doc);
  return { analysis, plan: checkGan(doc, analysis) };
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

/** The real images a GAN learns from: the clean images of each split (targets when the objective is an autoencoder's). */
export interface GanData {
  readonly train: TrainingData;
  readonly validation: TrainingData | null;
  readonly task: Task;
}

const LOSS_WHY =
  'Binary cross-entropy, twice: the discriminator learns real (0.9, smoothed) vs generated (0); the generator learns to make it say real (1). loss is the generator’s.';

/**
 * The adversarial step on the skeleton's loop: per batch the discriminator, then the generator
 * learns (gan-step.ts); each epoch ends with both losses, held-out figures and a grid of generated
 * samples. Only `combined` is checkpointed, so the two networks' weights travel together.
 */
function ganTrainer(tf: Tf, doc: ProjectDoc, analysis: Analysis, plan: GanPlan, held: GanTensors, earlier?: tfjs.LayersModel): Trainer {
  const nets = buildGanNets(tf, doc, analysis, plan);
  if (earlier) {
    try {
      adoptWeights(nets.combined, earlier, 'GAN');
    } catch (e) {
      nets.dispose();
      throw e;
    }
  }
  const { batchSize } = doc.training;
  const count = held.realAll.shape[0];
  let order: ReturnType<typeof permutation> = new Uint32Array(0);
  let sums = { d: 0, g: 0, acc: 0, n: 0 };
  return {
    drive: 'steps',
    model: nets.combined,
    trial: async () => {
      const batch = tf.slice(held.realAll, 0, Math.min(2, count));
      const [zD, zG] = [held.latent(batch.shape[0]), held.latent(batch.shape[0])];
      try {
        await ganStep(tf, nets, batch, zD, zG);
      } finally {
        tf.dispose([batch, zD, zG]);
      }
    },
    beginEpoch: () => {
      order = permutation(count, Math.floor(held.rand() * 2 ** 31));
      sums = { d: 0, g: 0, acc: 0, n: 0 };
    },
    trainBatch: async (b) => {
      const pick = tf.tensor1d(Int32Array.from(order.subarray(b * batchSize, Math.min((b + 1) * batchSize, count))), 'int32');
      const real = tf.gather(held.realAll, pick);
      const [zD, zG] = [held.latent(pick.shape[0]), held.latent(pick.shape[0])];
      try {
        const r = await ganStep(tf, nets, real, zD, zG);
        sums = { d: sums.d + r.dLoss, g: sums.g + r.gLoss, acc: sums.acc + r.dAccuracy, n: sums.n + 1 };
        return { loss: r.gLoss, values: { d_loss: r.dLoss, g_loss: r.gLoss } };
      } finally {
        tf.dispose([pick, real, zD, zG]);
      }
    },
    epochLogs: async (): Promise<EpochLogs> => ({
      loss: sums.g / sums.n,
      d_loss: sums.d / sums.n,
      g_loss: sums.g / sums.n,
      d_accuracy: sums.acc / sums.n,
      ...(await ganEvaluate(tf, nets, held.evalZ, held.valReal)),
    }),
    picture: async () => ({ kind: 'generated', images: await generatedSamples(tf, nets.generator, held.fixedZ, plan) }),
    dispose: () => nets.dispose(),
  };
}

/** What a GAN run holds for its whole length: the real images, the latent source and the fixed batches the figures use. */
interface GanTensors {
  readonly realAll: tfjs.Tensor;
  readonly valReal: tfjs.Tensor | null;
  readonly fixedZ: tfjs.Tensor;
  readonly evalZ: tfjs.Tensor;
  readonly rand: () => number;
  readonly latent: (n: number) => tfjs.Tensor;
}

function holdTensors(tf: Tf, doc: ProjectDoc, plan: GanPlan, gan: GanData): GanTensors {
  const t = doc.training;
  const { train: trainSet, validation, task } = gan;
  const dShape = plan.discriminator.inputShape;
  const per = product(dShape);
  const zShape = plan.generator.inputShape;
  const rand = seededRandom(t.seed > 0 ? t.seed : Math.floor(Math.random() * 2 ** 31));
  const latent = (n: number, r = rand) => tf.tensor(gaussians(n * product(zShape), r), [n, ...zShape], 'float32');
  const fixedSeed = t.seed > 0 ? t.seed : doc.data.seed;
  const evalReal = validation ? Math.min(EVAL_COUNT, validation.count) : 0;
  return {
    realAll: tf.tensor(realImages(trainSet, task, plan.activation), [trainSet.count, ...dShape], 'float32'),
    valReal: validation ? tf.tensor(realImages(validation, task, plan.activation).subarray(0, evalReal * per), [evalReal, ...dShape], 'float32') : null,
    fixedZ: latent(SAMPLE_COUNT, seededRandom(fixedSeed)),
    evalZ: latent(evalReal > 0 ? evalReal : 64, seededRandom(fixedSeed + 1)),
    rand,
    latent: (n) => latent(n),
  };
}

async function loadGanData(doc: ProjectDoc): Promise<GanData> {
  const data = await loadDataset(doc.data, doc.training.validationSplit);
  const { train, validation } = splitData(data, doc.training.validationSplit, doc.data.seed, doc.data.limit);
  return { train, validation, task: dataSpec(doc.data).task };
}

/**
 * Adversarial training of the nodes marked generator and discriminator. With `given`, trains on
 * images already loaded (and, with `plan`, a split already made) instead of the document's dataset.
 */
export function ganMode(given?: GanData, plan?: GanPlan): TrainingMode<GanPlan> {
  return {
    noun: 'GAN',
    check: (doc, analysis) => plan ?? checkGan(doc, analysis),
    async open(split, { tf, doc, analysis }) {
      const gan = given ?? (await loadGanData(doc));
      if (gan.train.count === 0) throw new UserError('There are no training images: raise the dataset limit or lower the validation split.');
      const held = holdTensors(tf, doc, split, gan);
      return {
        samples: { train: gan.train.count, validation: gan.validation?.count ?? 0 },
        batchesPerEpoch: Math.ceil(gan.train.count / doc.training.batchSize),
        lossWhy: LOSS_WHY,
        unsupported: {
          schedule: 'GAN training keeps the learning rate constant; the schedule is ignored.',
          earlyStopping: 'GAN losses do not fall steadily, so early stopping is off for GAN training.',
        },
        nanCauses: (lr) =>
          `the learning rate (${lr}) is too high for a GAN — 0.0002 is the usual start; or the discriminator wins so completely that ` +
          'its outputs saturate at 0 or 1 — add Dropout to it or make it smaller.',
        lossName: (key) => (key === 'd_loss' ? 'discriminator loss' : key === 'g_loss' ? 'generator loss' : 'loss'),
        // The combined model's inputs are latent noise, not examples; a view of a GAN reads its generator.
        sample: () => null,
        build: (earlier) => ganTrainer(tf, doc, analysis, split, held, earlier),
        dispose: () => tf.dispose([held.realAll, held.fixedZ, held.evalZ, ...(held.valReal ? [held.valReal] : [])]),
      };
    },
  };
}

/** A document in `gan` mode, trained on its dataset (what `train` does for it). */
export function trainGan(req: TrainRequest, ctx: TrainContext): Promise<void> {
  return runTraining(req, ctx, ganMode());
}

/** The GAN run on images already loaded and a split already made, on a backend already selected (tests, benches). */
export function runGan(req: TrainRequest, ctx: TrainContext, setup: { analysis: Analysis; plan: GanPlan; backend: BackendInfo }, gan: GanData): Promise<void> {
  return runTraining(req, ctx, ganMode(gan, setup.plan), { backend: setup.backend });
}
