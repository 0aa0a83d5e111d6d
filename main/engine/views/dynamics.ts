import type * as tfjs from '@tensorflow/tfjs';
import type { Tf } from '../../../app/layers/types';
import { histogram } from '../../../app/metrics/regression';
import type { LayerDynamics, TrainingView } from '../../../app/protocol/views';
import type { ObservedEpoch, ObservedStart, RunObserver } from '../run/observer';
import type { LossFn } from './loss-fn';

/** Examples the dynamics are measured on: the same ones every time, so epochs compare. */
export const DYNAMICS_BATCH = 64;
const BINS = 24;

interface Batch {
  readonly xs: tfjs.Tensor[];
  readonly y: tfjs.Tensor;
}

const squaredSum = (values: Float32Array) => {
  let s = 0;
  for (const v of values) s += v * v;
  return s;
};

function activationOf(layer: tfjs.layers.Layer): string | null {
  const a = (layer.getConfig() as { activation?: unknown }).activation;
  return typeof a === 'string' ? a : null;
}

/** Each trainable layer's gradient and weight norms, their histograms, and its activations, on one fixed batch. */
export function measureDynamics(tf: Tf, model: tfjs.LayersModel, loss: LossFn, batch: Batch): LayerDynamics[] {
  const layers = model.layers.filter((l) => l.trainableWeights.length > 0);
  const variables = layers.flatMap((l) => l.trainableWeights.map((w) => (w as unknown as { read(): tfjs.Variable }).read()));
  const input = batch.xs.length === 1 ? batch.xs[0]! : batch.xs;
  const { value, grads } = tf.variableGrads(() => loss(batch.y, model.apply(input, { training: true }) as tfjs.Tensor), variables);
  value.dispose();
  // One forward pass that returns every layer's output, for the activation statistics.
  const probe = tf.model({ inputs: model.inputs, outputs: layers.map((l) => l.output as tfjs.SymbolicTensor) });
  const outputs = tf.tidy(() => {
    const o = probe.predict(input);
    return Array.isArray(o) ? o : [o];
  });
  try {
    return layers.map((layer, li) => {
      const own = layer.trainableWeights.map((w) => (w as unknown as { read(): tfjs.Variable }).read());
      const g = own.map((v) => grads[v.name]!.dataSync() as Float32Array);
      const w = own.map((v) => v.dataSync() as Float32Array);
      const out = outputs[li]!.dataSync() as Float32Array;
      let mean = 0;
      for (const v of out) mean += v;
      mean /= Math.max(1, out.length);
      let variance = 0;
      for (const v of out) variance += (v - mean) ** 2;
      let dead: number | null = null;
      if (activationOf(layer) === 'relu') {
        const units = outputs[li]!.shape[outputs[li]!.shape.length - 1] ?? 1;
        const alive = new Uint8Array(units);
        for (let i = 0; i < out.length; i++) if (out[i]! > 0) alive[i % units] = 1;
        dead = 1 - alive.reduce((a, b) => a + b, 0) / units;
      }
      return {
        name: layer.name,
        gradNorm: Math.sqrt(g.reduce((a, t) => a + squaredSum(t), 0)),
        weightNorm: Math.sqrt(w.reduce((a, t) => a + squaredSum(t), 0)),
        // The kernel (first weight) is what a histogram of "the weights" means; the bias would blur it.
        weights: histogram(w[0]!, BINS),
        grads: histogram(g[0]!, BINS),
        activation: { mean, std: Math.sqrt(variance / Math.max(1, out.length)), dead },
      };
    });
  } finally {
    tf.dispose(Object.values(grads));
    tf.dispose(outputs);
  }
}

/**
 * Batches between two measurements at least. A measurement is one forward and backward pass on 64
 * examples plus a forward pass, about three batches' work: 60 batches keep it near 5% of training.
 * MNIST's epochs (85–340 batches) are measured every epoch; spirals' (25) every third.
 */
export const MIN_BATCHES_BETWEEN = 60;

/**
 * Records the training dynamics after every `every`-th epoch, on a fixed batch of up to 64 examples,
 * skipping epochs shorter than MIN_BATCHES_BETWEEN since the last measurement; the first and the
 * last epoch are always measured. Counted in batches, not seconds, so what is recorded does not
 * depend on how busy the machine is.
 */
export class DynamicsRecorder implements RunObserver {
  private batch: Batch | null = null;
  private lastStep = -Infinity;

  constructor(
    private readonly tf: Tf,
    private readonly loss: LossFn,
    private readonly send: (view: TrainingView) => void,
    private readonly every = 1,
  ) {}

  start(run: ObservedStart): void {
    this.batch = run.sample(DYNAMICS_BATCH);
  }

  afterEpoch(e: ObservedEpoch): void {
    if (!this.batch || e.epoch % this.every !== 0) return;
    if (e.epoch < e.epochs && e.step - this.lastStep < MIN_BATCHES_BETWEEN) return;
    this.lastStep = e.step;
    this.send({ kind: 'dynamics', epoch: e.epoch, layers: measureDynamics(this.tf, e.model, this.loss, this.batch) });
  }

  dispose(): void {
    if (this.batch) this.tf.dispose([...this.batch.xs, this.batch.y]);
    this.batch = null;
  }
}
