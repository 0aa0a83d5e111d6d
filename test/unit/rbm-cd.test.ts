import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { applyCd, cdGradient, freeEnergy, pseudoLikelihood, reconstructionError, type RbmTensors } from '../../main/engine/modes/rbm-cd';

const sigmoid = (x: number) => 1 / (1 + Math.exp(-x));
const seeded = (seed: number) => {
  let s = seed;
  return (shape: number[]) => tf.randomUniform(shape, 0, 1, 'float32', s++);
};

describe('contrastive divergence', () => {
  it('matches a CD-1 gradient worked by hand on a 2-visible, 1-hidden RBM', () => {
    // W = [1, −1]ᵀ, biases 0, v0 = [1, 0]. Every uniform draw is 0.5, so a unit turns on when p > 0.5.
    const p: RbmTensors = { kernel: tf.tensor2d([[1], [-1]]), visibleBias: tf.zeros([2]), hiddenBias: tf.zeros([1]), visibleType: 'binary' };
    const g = cdGradient(tf, p, tf.tensor2d([[1, 0]]), 1, (shape) => tf.fill(shape, 0.5));
    const h0 = sigmoid(1); // 0.731: p(h | v0) = σ(1·1 + 0·(−1))
    const v1 = [sigmoid(1), sigmoid(-1)]; // h0 sampled as 1 → p(v | h = 1) = σ(W)
    const h1 = sigmoid(v1[0]! - v1[1]!); // 0.613
    const expected = {
      kernel: [1 * h0 - v1[0]! * h1, 0 * h0 - v1[1]! * h1], // 0.283, −0.165
      visibleBias: [1 - v1[0]!, 0 - v1[1]!],
      hiddenBias: [h0 - h1],
    };
    expect(Array.from(g.kernel.dataSync()).map((x) => +x.toFixed(5))).toEqual(expected.kernel.map((x) => +x.toFixed(5)));
    expect(Array.from(g.visibleBias.dataSync()).map((x) => +x.toFixed(5))).toEqual(expected.visibleBias.map((x) => +x.toFixed(5)));
    expect(Array.from(g.hiddenBias.dataSync()).map((x) => +x.toFixed(5))).toEqual(expected.hiddenBias.map((x) => +x.toFixed(5)));
    expect(expected.kernel[0]).toBeCloseTo(0.2826, 3);
  });

  it('starts the negative phase from the persistent chain, not the data, under PCD', () => {
    const p: RbmTensors = { kernel: tf.tensor2d([[1], [-1]]), visibleBias: tf.zeros([2]), hiddenBias: tf.zeros([1]), visibleType: 'binary' };
    const data = tf.tensor2d([[1, 0]]);
    const cd = cdGradient(tf, p, data, 1, (s) => tf.fill(s, 0.5));
    const pcd = cdGradient(tf, p, data, 1, (s) => tf.fill(s, 0.5), tf.tensor2d([[0, 1]]));
    // From [0, 1] the hidden unit is off (σ(−1) < 0.5), so the chain reconstructs σ(0) = 0.5 everywhere.
    expect(Array.from(pcd.chainEnd.dataSync())).toEqual([0, 0]); // sampled: 0.5 is not below the 0.5 draw
    expect(pcd.kernel.dataSync()[0]).not.toBeCloseTo(cd.kernel.dataSync()[0]!, 3);
  });

  function trainToy(persistent: boolean): { before: number; after: number; reconBefore: number; reconAfter: number; plBefore: number; plAfter: number } {
    // Two prototypes over 12 binary units, each with a few bits flipped: structure an RBM can learn in seconds.
    const rand = seeded(7);
    const protos = tf.tensor2d([
      [1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0],
      [0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1],
    ]);
    const pick = tf.cast(tf.less(rand([200, 1]), 0.5), 'int32').reshape([200]);
    const noise = tf.cast(tf.less(rand([200, 12]), 0.05), 'float32');
    const data = tf.abs(tf.sub(tf.gather(protos, pick), noise));
    const vars = {
      kernel: tf.variable(tf.randomNormal([12, 4], 0, 0.01, 'float32', 3)),
      visibleBias: tf.variable(tf.zeros([12])),
      hiddenBias: tf.variable(tf.zeros([4])),
    };
    const p: RbmTensors = { ...vars, visibleType: 'binary' };
    const writable = (v: tf.Variable) => ({ read: () => v, write: (t: tf.Tensor) => v.assign(t) });
    const slots = { kernel: writable(vars.kernel), visibleBias: writable(vars.visibleBias), hiddenBias: writable(vars.hiddenBias) };
    const columns = tf.tensor1d(
      Array.from({ length: 200 }, (_, i) => i % 12),
      'int32',
    );
    const fe = () => freeEnergy(tf, p, data).mean().dataSync()[0]!;
    const before = fe();
    const reconBefore = reconstructionError(tf, p, data);
    const plBefore = pseudoLikelihood(tf, p, data, columns);
    let chain = persistent ? tf.slice(data, 0, 20) : undefined;
    for (let epoch = 0; epoch < 30; epoch++) {
      for (let b = 0; b < 200; b += 20) {
        const batch = tf.slice(data, b, 20);
        const g = cdGradient(tf, p, batch, 1, rand, chain);
        applyCd(tf, slots, g, 0.1);
        if (chain) chain.dispose();
        chain = persistent ? g.chainEnd : (g.chainEnd.dispose(), undefined);
        tf.dispose([batch, g.kernel, g.visibleBias, g.hiddenBias]);
      }
    }
    return { before, after: fe(), reconBefore, reconAfter: reconstructionError(tf, p, data), plBefore, plAfter: pseudoLikelihood(tf, p, data, columns) };
  }

  it.each([false, true])('lowers the free energy of the training data (persistent: %s) and improves both scores', (persistent) => {
    const r = trainToy(persistent);
    expect(r.after).toBeLessThan(r.before - 1);
    expect(r.reconAfter).toBeLessThan(r.reconBefore / 2);
    expect(r.plAfter).toBeGreaterThan(r.plBefore);
  });

  it('computes the free energy of Gaussian visible units as ½‖v − b_v‖² − Σ softplus', () => {
    const p: RbmTensors = { kernel: tf.tensor2d([[2]]), visibleBias: tf.tensor1d([1]), hiddenBias: tf.tensor1d([0]), visibleType: 'gaussian' };
    const f = freeEnergy(tf, p, tf.tensor2d([[3]])).dataSync()[0]!;
    expect(f).toBeCloseTo(0.5 * 4 - Math.log(1 + Math.exp(6)), 4);
  });
});
