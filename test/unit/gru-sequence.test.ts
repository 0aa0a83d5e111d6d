import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { seededRandom } from '../../app/data/synthetic';
import { gruResetAfterClass } from '../../app/layers/tfjs/gru-reset-after';
import type { Kwargs } from '../../app/layers/tfjs/tf-types';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

function random(shape: number[], seed: number): tf.Tensor {
  const rand = seededRandom(seed);
  return tf.tensor(
    Float32Array.from({ length: shape.reduce((a, d) => a * d, 1) }, () => rand() * 2 - 1),
    shape,
  );
}

function largestDifference(a: tf.Tensor, b: tf.Tensor): number {
  expect(a.shape).toEqual(b.shape);
  return tf.tidy(() => tf.max(tf.abs(tf.sub(a, b))).dataSync()[0]!);
}

interface Options {
  activation: 'tanh' | 'relu' | 'sigmoid' | 'linear';
  returnSequences: boolean;
  returnState: boolean;
  goBackwards: boolean;
  initialState: boolean;
}

/**
 * The layer's sequence op against the same layer stepping its cell through tfjs's RNN loop (the
 * path masked inputs still take): outputs, and the gradients of a weighted sum of them with
 * respect to the input, the initial state and every weight.
 */
describe('the reset-after GRU as one sequence op', () => {
  it.each<Options>([
    { activation: 'tanh', returnSequences: false, returnState: false, goBackwards: false, initialState: false },
    { activation: 'tanh', returnSequences: true, returnState: true, goBackwards: false, initialState: true },
    { activation: 'tanh', returnSequences: true, returnState: false, goBackwards: true, initialState: false },
    { activation: 'relu', returnSequences: false, returnState: true, goBackwards: false, initialState: true },
    { activation: 'sigmoid', returnSequences: true, returnState: false, goBackwards: false, initialState: false },
    { activation: 'linear', returnSequences: false, returnState: false, goBackwards: true, initialState: true },
  ])('matches the cell stepped through time: %o', (o) => {
    const GRU = gruResetAfterClass(tf);
    const layer = new GRU({ units: 5, activation: o.activation, returnSequences: o.returnSequences, returnState: o.returnState, goBackwards: o.goBackwards });
    const x = random([3, 6, 4], 1);
    const h0 = random([3, 5], 2);
    layer.build(x.shape);
    // Non-zero biases, so that their gradients are exercised too.
    const bias = layer.trainableWeights.find((w) => w.shape.length === 2 && w.shape[0] === 2)!;
    bias.write(random([2, 15], 3));
    const stepped = (input: tf.Tensor, kwargs: Kwargs) => Object.getPrototypeOf(GRU.prototype).call.call(layer, input, kwargs) as tf.Tensor | tf.Tensor[];
    const fused = (input: tf.Tensor, kwargs: Kwargs) => layer.call(input, kwargs);
    const loss = (path: typeof fused) => (input: tf.Tensor, state: tf.Tensor) => {
      const out = path(input, o.initialState ? { initialState: [state] } : {});
      const parts = Array.isArray(out) ? out : [out];
      return tf.addN(parts.map((p, i) => tf.sum(tf.mul(p, random(p.shape, 10 + i)))));
    };
    const outputs = (path: typeof fused) => [path(x, o.initialState ? { initialState: [h0] } : {})].flat();
    outputs(fused).forEach((t, i) => expect(largestDifference(t, outputs(stepped)[i]!)).toBeLessThan(1e-5));
    const grads = (path: typeof fused) => {
      const [dx, dh] = o.initialState
        ? tf.grads((input: tf.Tensor, state: tf.Tensor) => loss(path)(input, state))([x, h0])
        : [tf.grad((input: tf.Tensor) => loss(path)(input, h0))(x), h0];
      const { grads: dw } = tf.variableGrads(
        () => loss(path)(x, h0) as tf.Scalar,
        layer.trainableWeights.map((w) => (w as unknown as { val: tf.Variable }).val),
      );
      return { dx: dx!, dh: dh!, dw };
    };
    const [a, b] = [grads(fused), grads(stepped)];
    expect(largestDifference(a.dx, b.dx)).toBeLessThan(1e-5);
    if (o.initialState) expect(largestDifference(a.dh, b.dh)).toBeLessThan(1e-5);
    expect(Object.keys(a.dw)).toHaveLength(3);
    for (const name of Object.keys(b.dw)) expect(largestDifference(a.dw[name]!, b.dw[name]!)).toBeLessThan(1e-5);
  });
});

describe('training through the sequence op', () => {
  it('lowers the loss and leaks no tensors across epochs or predictions', async () => {
    const GRU = gruResetAfterClass(tf);
    const model = tf.sequential({ layers: [new GRU({ units: 8, inputShape: [7, 2] }), tf.layers.dense({ units: 1 })] });
    model.compile({ optimizer: tf.train.adam(0.02), loss: 'meanSquaredError' });
    const xs = random([32, 7, 2], 20);
    const ys = tf.sum(xs, [1, 2]).reshape([32, 1]).div(4);
    const first = await model.fit(xs, ys, { epochs: 1, batchSize: 8, verbose: 0 });
    const before = tf.memory().numTensors;
    const later = await model.fit(xs, ys, { epochs: 30, batchSize: 8, verbose: 0 });
    expect(tf.memory().numTensors).toBe(before);
    for (let i = 0; i < 3; i++) tf.dispose(model.predict(xs));
    expect(tf.memory().numTensors).toBe(before);
    expect(later.history.loss!.at(-1) as number).toBeLessThan((first.history.loss![0] as number) / 2);
  });
});
