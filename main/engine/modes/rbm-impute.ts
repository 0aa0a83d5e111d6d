import type * as tfjs from '@tensorflow/tfjs';
import type { Tf } from '../../../app/layers/types';
import { hiddenProbs, visibleMean, type RbmTensors, type Uniform } from './rbm-cd';

type Tensor = tfjs.Tensor;

/** A square block hidden in every image: 1 where a pixel is known, 0 where it is hidden (row-major, one channel). */
export function blockMask(width: number, height: number, block: { top: number; left: number; size: number }): Float32Array {
  const { top, left, size } = block;
  if (!(size >= 1 && top >= 0 && left >= 0 && top + size <= height && left + size <= width)) {
    throw new Error(`A ${size}×${size} block at row ${top}, column ${left} does not fit a ${width}×${height} image.`);
  }
  const mask = new Float32Array(width * height).fill(1);
  for (let r = top; r < top + size; r++) mask.fill(0, r * width + left, r * width + left + size);
  return mask;
}

/** A share of a table's cells hidden at random, `count × columns`: 1 known, 0 hidden; `random` returns [0, 1). */
export function shareMask(count: number, columns: number, share: number, random: () => number): Float32Array {
  if (!(share > 0 && share < 1)) throw new Error(`The hidden share must be between 0 and 1 (exclusive), got ${share}.`);
  const mask = new Float32Array(count * columns);
  for (let i = 0; i < mask.length; i++) mask[i] = random() < share ? 0 : 1;
  return mask;
}

export interface ImputeOptions {
  /** Gibbs sweeps in all; the visible means of the sweeps after `burnIn` are averaged. */
  readonly steps: number;
  readonly burnIn: number;
  readonly uniform: Uniform;
  /** What hidden units start at before the first sweep (per unit, or one value); default 0.5 for binary, 0 for Gaussian. */
  readonly start?: Tensor | number;
}

/**
 * Fills the hidden visible units by Gibbs sampling with the known ones clamped: h ~ p(h | v), then
 * v ~ p(v | h) for the hidden units only. The answer is the average of E[v | h] over the sweeps after
 * burn-in, an estimate of E[v_hidden | v_known] that is steadier than one sample. `mask` is 1 where
 * known (broadcast to `v`'s shape); known units come back unchanged.
 */
export function impute(tf: Tf, p: RbmTensors, v: Tensor, mask: Tensor, opts: ImputeOptions): Tensor {
  if (!(opts.steps > opts.burnIn && opts.burnIn >= 0)) throw new Error(`Imputation needs more steps (${opts.steps}) than burn-in steps (${opts.burnIn}).`);
  return tf.tidy(() => {
    const known = tf.mul(v, mask);
    const hidden = tf.sub(1, mask);
    const clamp = (fill: Tensor) => tf.add(known, tf.mul(hidden, fill));
    let state = clamp(tf.broadcastTo(opts.start ?? (p.visibleType === 'binary' ? 0.5 : 0), v.shape));
    let sum: Tensor = tf.zerosLike(v);
    for (let step = 0; step < opts.steps; step++) {
      const next = tf.tidy(() => {
        const probs = hiddenProbs(tf, p, state);
        const h = tf.cast(tf.less(opts.uniform(probs.shape), probs), 'float32');
        const mean = visibleMean(tf, p, h);
        const sample = p.visibleType === 'binary' ? tf.cast(tf.less(opts.uniform(mean.shape), mean), 'float32') : tf.add(mean, tf.randomNormal(mean.shape));
        return { state: clamp(sample), sum: step >= opts.burnIn ? tf.add(sum, mean) : sum };
      });
      state.dispose();
      if (next.sum !== sum) sum.dispose();
      state = next.state;
      sum = next.sum;
    }
    return clamp(tf.div(sum, opts.steps - opts.burnIn));
  });
}

/** Mean squared error over the hidden units only (mask 0), the imputation's score. */
export function hiddenError(tf: Tf, filled: Tensor, truth: Tensor, mask: Tensor): number {
  const e = tf.tidy(() => {
    const hidden = tf.mul(tf.sub(1, mask), tf.onesLike(truth));
    return tf.div(tf.sum(tf.mul(hidden, tf.square(tf.sub(filled, truth)))), tf.sum(hidden));
  });
  const value = e.dataSync()[0]!;
  e.dispose();
  return value;
}
