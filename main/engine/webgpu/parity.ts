import type * as tfjs from '@tensorflow/tfjs';
import type { Tf } from '../../../app/layers/types';

/** Largest difference allowed between a GPU's step and the cpu backend's, relative to the value's scale. */
export const PARITY_TOLERANCE = 1e-3;

export interface ParityResult {
  readonly ok: boolean;
  /** Largest relative difference over the loss and every updated weight. */
  readonly maxRelativeError: number;
  readonly detail: string;
}

/** Deterministic values in [-scale, scale): the same weights and batch on both backends. */
function values(n: number, seed: number, scale: number): Float32Array {
  const out = new Float32Array(n);
  let s = seed >>> 0;
  for (let i = 0; i < n; i++) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    out[i] = (s / 2 ** 32 - 0.5) * 2 * scale;
  }
  return out;
}

/**
 * A convolution, pooling, a dense layer and a softmax: the kernels every catalog model leans on
 * (products, convolution gradients, reductions, elementwise maths).
 */
function parityModel(tf: Tf): tfjs.LayersModel {
  const model = tf.sequential({
    layers: [
      tf.layers.conv2d({ inputShape: [8, 8, 2], filters: 4, kernelSize: 3, padding: 'same', activation: 'relu' }),
      tf.layers.maxPooling2d({ poolSize: 2 }),
      tf.layers.flatten(),
      tf.layers.dense({ units: 8, activation: 'tanh' }),
      tf.layers.dense({ units: 3, activation: 'softmax' }),
    ],
  });
  model.compile({ optimizer: tf.train.adam(0.01), loss: 'categoricalCrossentropy' });
  model.setWeights(
    model.weights.map((w, i) => {
      const shape = w.shape as number[];
      return tf.tensor(
        values(
          shape.reduce((a, d) => a * d, 1),
          7 + i,
          0.5,
        ),
        shape,
      );
    }),
  );
  return model;
}

/** One Adam step on a fixed batch on `backend`: the loss and the weights it leaves, read asynchronously. */
async function step(tf: Tf, backend: string): Promise<Float32Array[]> {
  if (!(await tf.setBackend(backend))) throw new Error(`backend "${backend}" did not initialise`);
  const model = parityModel(tf);
  const x = tf.tensor4d(values(6 * 8 * 8 * 2, 3, 1), [6, 8, 8, 2]);
  const y = tf.oneHot(tf.tensor1d([0, 1, 2, 0, 1, 2], 'int32'), 3).toFloat();
  try {
    const loss = await model.trainOnBatch(x, y);
    const weights = await Promise.all(model.getWeights().map((w) => w.data() as Promise<Float32Array>));
    return [Float32Array.of(Array.isArray(loss) ? loss[0]! : loss), ...weights];
  } finally {
    tf.dispose([x, y]);
    model.dispose();
  }
}

function maxRelative(a: readonly Float32Array[], b: readonly Float32Array[]): number {
  let worst = 0;
  a.forEach((values, k) => {
    const other = b[k]!;
    let scale = 1e-3;
    for (const v of values) scale = Math.max(scale, Math.abs(v));
    for (let i = 0; i < values.length; i++) {
      const d = Math.abs(values[i]! - other[i]!) / scale;
      // NaN compares false: count it as a failure.
      worst = Number.isNaN(d) ? Infinity : Math.max(worst, d);
    }
  });
  return worst;
}

/**
 * One training step on `backend` against the cpu backend from the same weights and batch: a
 * GPU whose driver or shader compiler computes wrongly is not trusted with a run. Leaves
 * `backend` set.
 */
export async function parityCheck(tf: Tf, backend: string): Promise<ParityResult> {
  const reference = await step(tf, 'cpu');
  const candidate = await step(tf, backend);
  const maxRelativeError = maxRelative(reference, candidate);
  const ok = maxRelativeError <= PARITY_TOLERANCE;
  const detail = `one Adam step against cpu: largest relative difference ${maxRelativeError.toExponential(1)} (tolerance ${PARITY_TOLERANCE})`;
  return { ok, maxRelativeError, detail };
}
