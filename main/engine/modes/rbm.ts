import type * as tfjs from '@tensorflow/tfjs';
import { checkDataFit } from '../../../app/data/fit';
import { isRbmLayer, type RbmLayer } from '../../../app/layers/tfjs/rbm';
import type { Tf } from '../../../app/layers/types';
import type { EpochLogs, SampleImage } from '../../../app/protocol/runs';
import type { TrainingSettings } from '../../../app/training/settings';
import { buildModel } from '../build-model';
import { UserError } from '../context';
import { loadDataset } from '../datasets';
import { permutation, splitData } from '../../data/split';
import { gridDataUrl } from '../images/png';
import type { Trainer, TrainingMode } from '../run/mode';
import { adoptWeights } from '../run/weights';
import { compileHead, evaluateHead, fineTuneBatch, headOf, oneHotLabels, type Head } from './rbm-finetune';
import { applyCd, cdGradient, pseudoLikelihood, reconstructionError, type RbmTensors, type Uniform } from './rbm-cd';

type Tensor = tfjs.Tensor;
const FILTERS = 64;
const SHOWN = 8;
/** Held-out examples for the epoch's validation figure: enough for a steady number, cheap to run. */
const EVAL_COUNT = 512;

const LOSS_WHY =
  'Contrastive divergence has no loss it minimises; loss is the first RBM’s reconstruction error (mean squared error of v against E[v | p(h | v)]), which falls as it learns.';

const tensorsOf = (layer: RbmLayer): RbmTensors => {
  const w = layer.rbmWeights();
  return { kernel: w.kernel.read(), visibleBias: w.visibleBias.read(), hiddenBias: w.hiddenBias.read(), visibleType: layer.visibleType };
};

/** One RBM of the built model and how to compute its visible units from the model's input. */
interface Stage {
  readonly layer: RbmLayer & tfjs.layers.Layer;
  /** null: its visible units are the model's input itself. */
  readonly upstream: tfjs.LayersModel | null;
  chain: Tensor | null;
}

function stagesOf(tf: Tf, model: tfjs.LayersModel): Stage[] {
  return model.layers
    .filter((l): l is RbmLayer & tfjs.layers.Layer => isRbmLayer(l))
    .map((layer) => {
      const input = layer.input as tfjs.SymbolicTensor;
      const direct = model.inputs.includes(input);
      return { layer, upstream: direct ? null : tf.model({ inputs: model.inputs, outputs: input }), chain: null };
    });
}

const visibleOf = (stage: Stage, x: Tensor): Tensor => (stage.upstream ? (stage.upstream.predict(x) as Tensor) : x);

/** Min–max scales each hidden unit's 28×28 weight map to 0–1, so its strokes show whatever their scale. */
function filterTiles(kernel: Float32Array, visible: number, hidden: number): Float32Array[] {
  return Array.from({ length: Math.min(FILTERS, hidden) }, (_, j) => {
    const tile = new Float32Array(visible);
    for (let i = 0; i < visible; i++) tile[i] = kernel[i * hidden + j]!;
    let lo = Infinity;
    let hi = -Infinity;
    for (const x of tile) {
      lo = Math.min(lo, x);
      hi = Math.max(hi, x);
    }
    const span = hi - lo || 1;
    return tile.map((x) => (x - lo) / span);
  });
}

interface Held {
  readonly train: Tensor;
  readonly validation: Tensor | null;
  /** One-hot labels, when a classifier head follows the RBMs. */
  readonly trainY: Tensor | null;
  readonly validationY: Tensor | null;
}

/** With a head, the first half of the epochs (at least one) pretrain the RBMs; the rest fine-tune everything on the labels. */
export const pretrainEpochs = (epochs: number, head: Head | null): number => (head ? Math.max(1, Math.floor(epochs / 2)) : epochs);

function rbmTrainer(tf: Tf, model: tfjs.LayersModel, held: Held, t: TrainingSettings, head: Head | null): Trainer {
  const { learningRate: rate, batchSize, seed } = t;
  const pretrain = pretrainEpochs(t.epochs, head);
  let current = 0;
  let accuracy = 0;
  const stages = stagesOf(tf, model);
  const count = held.train.shape[0];
  let draw = seed;
  const uniform: Uniform = (shape) => (seed > 0 ? tf.randomUniform(shape, 0, 1, 'float32', draw++) : tf.randomUniform(shape));
  let order: Uint32Array = new Uint32Array(0);
  let sums = { recon: 0, pl: 0, n: 0 };
  let firstBatch = NaN;
  const binary = stages[0]!.layer.visibleType === 'binary';

  /** CD on every RBM in turn: each learns from the hidden probabilities of the ones below it, as they are now. */
  const step = (x: Tensor): { recon: number; pl: number } => {
    let recon = NaN;
    let pl = NaN;
    stages.forEach((stage, i) => {
      const v = visibleOf(stage, x);
      const p = tensorsOf(stage.layer);
      const start = stage.layer.persistent ? (stage.chain ?? v) : undefined;
      const g = cdGradient(tf, p, v, stage.layer.cdSteps, uniform, start);
      applyCd(tf, stage.layer.rbmWeights(), g, rate);
      if (stage.layer.persistent && g.chainEnd.shape[0] === (stage.chain?.shape[0] ?? v.shape[0])) {
        stage.chain?.dispose();
        stage.chain = g.chainEnd;
      } else g.chainEnd.dispose();
      tf.dispose([g.kernel, g.visibleBias, g.hiddenBias]);
      if (i === 0) {
        recon = reconstructionError(tf, p, v);
        if (binary) {
          const cols = tf.randomUniform([v.shape[0]], 0, v.shape[1], 'int32', seed > 0 ? draw++ : undefined);
          pl = pseudoLikelihood(tf, p, v, cols);
          cols.dispose();
        }
      }
      if (v !== x) v.dispose();
    });
    return { recon, pl };
  };

  const values = (r: { recon: number; pl: number }) => ({ reconstruction_error: r.recon, ...(binary ? { pseudo_likelihood: r.pl } : {}) });

  return {
    drive: 'steps',
    model,
    trial: () => {
      const x = tf.slice(held.train, 0, Math.min(2, count));
      step(x);
      x.dispose();
      return Promise.resolve();
    },
    beginEpoch: (epoch) => {
      current = epoch;
      accuracy = 0;
      order = permutation(count, (seed > 0 ? seed : Math.floor(Math.random() * 2 ** 31)) + epoch);
      sums = { recon: 0, pl: 0, n: 0 };
      firstBatch = NaN;
    },
    trainBatch: async (b) => {
      const pick = tf.tensor1d(Int32Array.from(order.subarray(b * batchSize, Math.min((b + 1) * batchSize, count))), 'int32');
      const x = tf.gather(held.train, pick);
      if (current >= pretrain && held.trainY) {
        const y = tf.gather(held.trainY, pick);
        const r = await fineTuneBatch(model, x, y);
        tf.dispose([pick, x, y]);
        if (b === 0) firstBatch = r.loss;
        sums = { recon: sums.recon + r.loss, pl: 0, n: sums.n + 1 };
        accuracy += r.accuracy;
        return { loss: r.loss, values: { accuracy: r.accuracy } };
      }
      const r = step(x);
      tf.dispose([pick, x]);
      if (b === 0) firstBatch = r.recon;
      sums = { recon: sums.recon + r.recon, pl: sums.pl + r.pl, n: sums.n + 1 };
      return { loss: r.recon, values: values(r) };
    },
    epochLogs: () => {
      if (current >= pretrain && held.trainY) {
        const tuned: EpochLogs = { loss: sums.recon / sums.n, accuracy: accuracy / sums.n };
        if (held.validation && held.validationY) Object.assign(tuned, evaluateHead(tf, model, held.validation, held.validationY));
        return Promise.resolve(tuned);
      }
      // The first batch's error next to the epoch's mean and the held-out one after it: the fall within one epoch.
      const logs: EpochLogs = {
        loss: sums.recon / sums.n,
        ...values({ recon: sums.recon / sums.n, pl: sums.pl / sums.n }),
        first_batch_reconstruction_error: firstBatch,
      };
      if (held.validation) {
        const val = reconstructionError(tf, tensorsOf(stages[0]!.layer), held.validation);
        Object.assign(logs, { val_loss: val, val_reconstruction_error: val });
      }
      return Promise.resolve(logs);
    },
    picture: () => picture(tf, stages[0]!, held.validation ?? held.train),
    dispose: () => {
      for (const s of stages) s.chain?.dispose();
      model.dispose();
    },
  };
}

/** The first RBM's filters (28×28 images only) and a row of examples above their reconstructions. */
function picture(tf: Tf, first: Stage, examples: Tensor) {
  const p = tensorsOf(first.layer);
  const [visible, hidden] = p.kernel.shape as [number, number];
  const side = Math.round(Math.sqrt(visible));
  if (side * side !== visible || first.upstream) return null;
  const images: SampleImage[] = [];
  const kernel = p.kernel.dataSync() as Float32Array;
  images.push({
    png: gridDataUrl(filterTiles(kernel, visible, hidden), side, side, 1, 8),
    caption: `Weights of the first ${Math.min(FILTERS, hidden)} hidden units as ${side}×${side} images: the strokes each one detects`,
  });
  const x = tf.slice(examples, 0, Math.min(SHOWN, examples.shape[0]));
  const recon = first.layer.reconstruct(x);
  const [a, b] = [x.dataSync() as Float32Array, recon.dataSync() as Float32Array];
  tf.dispose([x, recon]);
  const n = a.length / visible;
  const tiles = [
    ...Array.from({ length: n }, (_, i) => a.subarray(i * visible, (i + 1) * visible)),
    ...Array.from({ length: n }, (_, i) => b.subarray(i * visible, (i + 1) * visible)),
  ];
  images.push({ png: gridDataUrl(tiles, side, side, 1, n), caption: 'Held-out digits (top) and the RBM’s reconstructions of them (bottom)' });
  return { kind: 'reconstructions' as const, images };
}

const product = (dims: readonly number[]) => dims.reduce((a, d) => a * d, 1);

/** Layer-wise contrastive divergence on every RBM node of the graph (see docs/decisions.md, "rbm"). */
export const rbmMode: TrainingMode<Head | null> = {
  noun: 'RBM',
  check(doc, analysis) {
    const misfit = checkDataFit(doc, analysis)[0];
    if (misfit) throw new UserError(`${misfit.message}${misfit.fix ? ` Fix: ${misfit.fix.label}.` : ''}`);
    return headOf(doc, analysis);
  },
  async open(head, { tf, doc, analysis }) {
    const data = await loadDataset(doc.data, doc.training.validationSplit);
    const { train, validation } = splitData(data, doc.training.validationSplit, doc.data.seed, doc.data.limit);
    if (train.count === 0) throw new UserError('There are no training examples: raise the dataset limit or lower the validation split.');
    const input = train.inputs[0]!;
    const per = product(input.shape);
    const toTensor = (d: typeof train, n: number) => tf.tensor2d(Float32Array.from(d.inputs[0]!.data.subarray(0, n * per)), [n, per]);
    const shown = validation ? Math.min(EVAL_COUNT, validation.count) : 0;
    const held: Held = {
      train: toTensor(train, train.count),
      validation: validation ? toTensor(validation, shown) : null,
      trainY: head ? oneHotLabels(tf, train.target, train.count, head.classes) : null,
      validationY: head && validation ? oneHotLabels(tf, validation.target, shown, head.classes) : null,
    };
    const t = doc.training;
    return {
      samples: { train: train.count, validation: validation?.count ?? 0 },
      batchesPerEpoch: Math.ceil(train.count / t.batchSize),
      lossWhy: head
        ? `${LOSS_WHY} After ${pretrainEpochs(t.epochs, head)} pretraining epoch(s) the whole network is fine-tuned on the labels: ${head.loss.why}.`
        : LOSS_WHY,
      unsupported: {
        schedule: 'RBM training keeps the learning rate constant; the schedule is ignored.',
        earlyStopping: 'Contrastive divergence has no validation loss it minimises, so early stopping is off for RBM training.',
      },
      nanCauses: (lr) =>
        `the learning rate (${lr}) is too high for contrastive divergence — 0.01–0.1 is usual; or the inputs are not scaled (binary units need 0–1, Gaussian ones mean 0, variance 1).`,
      lossName: (key) => (key === 'pseudo_likelihood' ? 'pseudo-likelihood' : 'reconstruction error'),
      sample: () => null,
      build: (earlier) => {
        const model = buildModel(tf, doc, analysis);
        if (head) compileHead(tf, model, doc, head);
        if (earlier) adoptWeights(model, earlier, 'RBM');
        if (model.inputs.length !== 1 || product(model.inputs[0]!.shape.slice(1) as number[]) !== per) {
          model.dispose();
          throw new UserError(`The RBM's input must take the ${per} values of one example as a flat vector.`);
        }
        return rbmTrainer(tf, model, held, t, head);
      },
      dispose: () => tf.dispose([held.train, ...[held.validation, held.trainY, held.validationY].filter((x): x is Tensor => x !== null)]),
    };
  },
};
