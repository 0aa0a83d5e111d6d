import type * as tfjs from '@tensorflow/tfjs';
import type { Tf } from '../../../app/layers/types';
import type { VisibleType } from '../../../app/layers/tfjs/rbm';

type Tensor = tfjs.Tensor;
type T2 = tfjs.Tensor2D;

/** An RBM's weights as plain tensors: W (v × h), visible bias (v), hidden bias (h). */
export interface RbmTensors {
  readonly kernel: Tensor;
  readonly visibleBias: Tensor;
  readonly hiddenBias: Tensor;
  readonly visibleType: VisibleType;
}

/** Uniform(0, 1) noise of a shape: the only randomness of sampling, passed in so tests can fix it. */
export type Uniform = (shape: number[]) => Tensor;

export const hiddenProbs = (tf: Tf, p: RbmTensors, v: Tensor): T2 => tf.tidy(() => tf.sigmoid(tf.add(tf.matMul(v as T2, p.kernel as T2), p.hiddenBias)) as T2);

export const visibleMean = (tf: Tf, p: RbmTensors, h: Tensor): T2 =>
  tf.tidy(() => {
    const pre = tf.add(tf.matMul(h as T2, p.kernel as T2, false, true), p.visibleBias);
    return (p.visibleType === 'binary' ? tf.sigmoid(pre) : pre) as T2;
  });

/** A Bernoulli sample of probabilities: 1 where the uniform draw falls below p. */
const bernoulli = (tf: Tf, probs: Tensor, uniform: Uniform): Tensor => tf.tidy(() => tf.cast(tf.less(uniform(probs.shape), probs), 'float32'));

/** The gradient of the data log-likelihood as CD estimates it, averaged over the batch. */
export interface CdGradient {
  readonly kernel: Tensor;
  readonly visibleBias: Tensor;
  readonly hiddenBias: Tensor;
  /** Where the negative chain ended (visible state): the next start of a persistent chain. */
  readonly chainEnd: Tensor;
}

/**
 * CD-k (or PCD-k with `chainStart`): the positive phase at the data, the negative phase after k Gibbs
 * steps from the data (or from the persistent chain). Hidden units are sampled on every step but the
 * statistics use probabilities, and reconstructions are means: Hinton's "practical guide" choices,
 * which lower the estimate's variance without biasing it further.
 */
export function cdGradient(tf: Tf, p: RbmTensors, v0: Tensor, k: number, uniform: Uniform, chainStart?: Tensor): CdGradient {
  return tf.tidy(() => {
    const n = v0.shape[0];
    const h0 = hiddenProbs(tf, p, v0);
    let h = chainStart ? hiddenProbs(tf, p, chainStart) : h0;
    let v: Tensor = v0;
    for (let step = 0; step < k; step++) {
      v = visibleMean(tf, p, bernoulli(tf, h, uniform));
      // A persistent chain must keep sampled visible states, or it settles on a mean and stops exploring.
      if (chainStart && p.visibleType === 'binary') v = bernoulli(tf, v, uniform);
      h = hiddenProbs(tf, p, v);
    }
    const m = chainStart ? chainStart.shape[0] : n;
    const positive = tf.div(tf.matMul(v0 as T2, h0, true, false), n);
    const negative = tf.div(tf.matMul(v as T2, h, true, false), m);
    return {
      kernel: tf.sub(positive, negative),
      visibleBias: tf.sub(tf.mean(v0, 0), tf.mean(v, 0)),
      hiddenBias: tf.sub(tf.mean(h0, 0), tf.mean(h, 0)),
      chainEnd: tf.keep(v),
    };
  });
}

/** The variables CD writes into (an RBM layer's LayerVariables, or tf.variables in tests). */
export interface RbmVariables {
  readonly kernel: { read(): Tensor; write(t: Tensor): unknown };
  readonly visibleBias: { read(): Tensor; write(t: Tensor): unknown };
  readonly hiddenBias: { read(): Tensor; write(t: Tensor): unknown };
}

/** Gradient ascent on the log-likelihood: w ← w + rate · (Δw − decay · w), decay only on W (biases are not shrunk). */
export function applyCd(tf: Tf, vars: RbmVariables, g: CdGradient, rate: number, weightDecay = 0): void {
  tf.tidy(() => {
    const w = vars.kernel.read();
    vars.kernel.write(tf.add(w, tf.mul(rate, weightDecay > 0 ? tf.sub(g.kernel, tf.mul(weightDecay, w)) : g.kernel)));
    vars.visibleBias.write(tf.add(vars.visibleBias.read(), tf.mul(rate, g.visibleBias)));
    vars.hiddenBias.write(tf.add(vars.hiddenBias.read(), tf.mul(rate, g.hiddenBias)));
  });
}

/** Mean squared error of v against its one-step mean-field reconstruction E[v | p(h | v)]. */
export function reconstructionError(tf: Tf, p: RbmTensors, v: Tensor): number {
  const e = tf.tidy(() => tf.mean(tf.square(tf.sub(v, visibleMean(tf, p, hiddenProbs(tf, p, v))))));
  const value = e.dataSync()[0]!;
  e.dispose();
  return value;
}

/**
 * Free energy per example: F(v) = −v·b_v − Σ softplus(v·W + b_h) for binary visible units,
 * ½‖v − b_v‖² − Σ softplus(v·W + b_h) for Gaussian ones. p(v) ∝ exp(−F(v)).
 */
export function freeEnergy(tf: Tf, p: RbmTensors, v: Tensor): tfjs.Tensor1D {
  return tf.tidy(() => {
    const hidden = tf.sum(tf.softplus(tf.add(tf.matMul(v as T2, p.kernel as T2), p.hiddenBias)), 1);
    const visible = p.visibleType === 'binary' ? tf.neg(tf.sum(tf.mul(v, p.visibleBias), 1)) : tf.mul(0.5, tf.sum(tf.square(tf.sub(v, p.visibleBias)), 1));
    return tf.sub<tfjs.Tensor1D>(visible, hidden);
  });
}

/**
 * The stochastic pseudo-log-likelihood per example: D · log σ(F(ṽ) − F(v)), where ṽ is v with one
 * randomly chosen unit flipped (v_i → 1 − v_i). It is an unbiased estimate of Σ_i log p(v_i | v_−i),
 * which, unlike the likelihood, needs no partition function. `columns` picks each example's unit.
 */
export function pseudoLikelihood(tf: Tf, p: RbmTensors, v: Tensor, columns: Tensor): number {
  const pl = tf.tidy(() => {
    const d = v.shape[1]!;
    const flip = tf.oneHot(tf.cast(columns, 'int32'), d);
    const flipped = tf.add(v, tf.mul(flip, tf.sub(1, tf.mul(2, v))));
    return tf.mean(tf.mul(d, tf.logSigmoid(tf.sub(freeEnergy(tf, p, flipped), freeEnergy(tf, p, v)))));
  });
  const value = pl.dataSync()[0]!;
  pl.dispose();
  return value;
}
