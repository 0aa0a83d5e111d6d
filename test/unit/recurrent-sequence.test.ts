import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { seededRandom } from '../../app/data/synthetic';
import { fastLstmClass } from '../../app/layers/tfjs/lstm-fast';
import { fastSimpleRnnClass } from '../../app/layers/tfjs/simple-rnn-fast';
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

async function largestDifference(a: tf.Tensor, b: tf.Tensor): Promise<number> {
  expect(a.shape).toEqual(b.shape);
  const d = tf.max(tf.abs(tf.sub(a, b)));
  return (await d.data())[0]!;
}

interface Options {
  activation: 'tanh' | 'relu' | 'sigmoid' | 'linear';
  returnSequences: boolean;
  returnState: boolean;
  goBackwards: boolean;
  initialState: boolean;
}

type Path = (input: tf.Tensor, kwargs: Kwargs) => tf.Tensor | tf.Tensor[];

/**
 * The LSTM's sequence op against the same layer stepping tfjs's own LSTMCell through tfjs's RNN
 * loop: outputs (and states), and the gradients of a weighted sum of them with respect to the
 * input, both initial states and every weight, one by one.
 */
describe('the LSTM as one sequence op', () => {
  it.each<Options>([
    { activation: 'tanh', returnSequences: false, returnState: false, goBackwards: false, initialState: false },
    { activation: 'tanh', returnSequences: true, returnState: true, goBackwards: false, initialState: true },
    { activation: 'tanh', returnSequences: true, returnState: false, goBackwards: true, initialState: false },
    { activation: 'relu', returnSequences: false, returnState: true, goBackwards: false, initialState: true },
    { activation: 'sigmoid', returnSequences: true, returnState: false, goBackwards: false, initialState: false },
    { activation: 'linear', returnSequences: false, returnState: true, goBackwards: true, initialState: true },
  ])('matches tfjs’s cell stepped through time: %o', async (o) => {
    const LSTM = fastLstmClass(tf);
    const layer = new LSTM({ units: 5, recurrentActivation: 'sigmoid', ...o });
    const x = random([3, 6, 4], 1);
    const [h0, c0] = [random([3, 5], 2), random([3, 5], 4)];
    layer.build(x.shape);
    // Non-zero biases, so that their gradients are exercised too.
    layer.trainableWeights.find((w) => w.shape.length === 1)!.write(random([20], 3));
    const parent = Object.getPrototypeOf(LSTM.prototype) as { call: (this: unknown, input: tf.Tensor, kwargs: Kwargs) => tf.Tensor | tf.Tensor[] };
    const stepped: Path = (input, kwargs) => parent.call.call(layer, input, kwargs);
    const fused: Path = (input, kwargs) => layer.call(input, kwargs);
    const kwargs = (h: tf.Tensor, c: tf.Tensor): Kwargs => (o.initialState ? { initialState: [h, c] } : {});
    const loss = (path: Path) => (input: tf.Tensor, h: tf.Tensor, c: tf.Tensor) => {
      const parts = [path(input, kwargs(h, c))].flat();
      return tf.addN(parts.map((p, i) => tf.sum(tf.mul(p, random(p.shape, 10 + i))))) as tf.Scalar;
    };
    const [ours, theirs] = [[fused(x, kwargs(h0, c0))].flat(), [stepped(x, kwargs(h0, c0))].flat()];
    expect(ours).toHaveLength(o.returnState ? 3 : 1);
    for (const [i, t] of ours.entries()) expect(await largestDifference(t, theirs[i]!)).toBeLessThan(1e-5);
    const grads = (path: Path) => {
      // Without initial states the loss does not depend on h0 and c0: only the input's gradient exists.
      const [dx, dh, dc] = o.initialState
        ? tf.grads((input: tf.Tensor, h: tf.Tensor, c: tf.Tensor) => loss(path)(input, h, c))([x, h0, c0])
        : [tf.grad((input: tf.Tensor) => loss(path)(input, h0, c0))(x), h0, c0];
      const { grads: dw } = tf.variableGrads(
        () => loss(path)(x, h0, c0),
        layer.trainableWeights.map((w) => (w as unknown as { val: tf.Variable }).val),
      );
      return { dx: dx!, dh: dh!, dc: dc!, dw };
    };
    const [a, b] = [grads(fused), grads(stepped)];
    expect(await largestDifference(a.dx, b.dx)).toBeLessThan(1e-5);
    if (o.initialState) {
      expect(await largestDifference(a.dh, b.dh)).toBeLessThan(1e-5);
      expect(await largestDifference(a.dc, b.dc)).toBeLessThan(1e-5);
    }
    expect(Object.keys(a.dw).sort()).toEqual(Object.keys(b.dw).sort());
    expect(Object.keys(a.dw)).toHaveLength(3);
    for (const name of Object.keys(b.dw)) expect(await largestDifference(a.dw[name]!, b.dw[name]!), name).toBeLessThan(1e-5);
  });

  it('keeps tfjs’s class name, so configs and Bidirectional copies are plain LSTMs on the fast path', () => {
    const LSTM = fastLstmClass(tf);
    const layer = new LSTM({ units: 3 });
    expect(layer.getClassName()).toBe('LSTM');
    const wrapped = tf.layers.bidirectional({ layer: new LSTM({ units: 3 }) });
    wrapped.build([2, 4, 3]);
    const inner = (wrapped as unknown as { forwardLayer: unknown }).forwardLayer;
    expect(inner).toBeInstanceOf(LSTM);
  });
});

describe('training through the LSTM sequence op', () => {
  it('lowers the loss and leaks no tensors across epochs or predictions', async () => {
    const LSTM = fastLstmClass(tf);
    const model = tf.sequential({ layers: [new LSTM({ units: 8, inputShape: [7, 2], recurrentActivation: 'sigmoid' }), tf.layers.dense({ units: 1 })] });
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

/** SimpleRNN's sequence op against tfjs's SimpleRNNCell stepped through time, the same way. */
describe('SimpleRNN as one sequence op', () => {
  it.each<Options>([
    { activation: 'tanh', returnSequences: false, returnState: false, goBackwards: false, initialState: false },
    { activation: 'tanh', returnSequences: true, returnState: true, goBackwards: true, initialState: true },
    { activation: 'relu', returnSequences: true, returnState: false, goBackwards: false, initialState: true },
    { activation: 'sigmoid', returnSequences: false, returnState: true, goBackwards: false, initialState: false },
    { activation: 'linear', returnSequences: true, returnState: false, goBackwards: true, initialState: true },
  ])('matches tfjs’s cell stepped through time: %o', async (o) => {
    const SimpleRNN = fastSimpleRnnClass(tf);
    const layer = new SimpleRNN({ units: 5, ...o });
    const x = random([3, 6, 4], 1);
    const h0 = random([3, 5], 2);
    layer.build(x.shape);
    layer.trainableWeights.find((w) => w.shape.length === 1)!.write(random([5], 3));
    const parent = Object.getPrototypeOf(SimpleRNN.prototype) as { call: (this: unknown, input: tf.Tensor, kwargs: Kwargs) => tf.Tensor | tf.Tensor[] };
    const stepped: Path = (input, kwargs) => parent.call.call(layer, input, kwargs);
    const fused: Path = (input, kwargs) => layer.call(input, kwargs);
    const kwargs = (h: tf.Tensor): Kwargs => (o.initialState ? { initialState: [h] } : {});
    const loss = (path: Path) => (input: tf.Tensor, h: tf.Tensor) =>
      tf.addN([path(input, kwargs(h))].flat().map((p, i) => tf.sum(tf.mul(p, random(p.shape, 10 + i))))) as tf.Scalar;
    const [ours, theirs] = [[fused(x, kwargs(h0))].flat(), [stepped(x, kwargs(h0))].flat()];
    expect(ours).toHaveLength(o.returnState ? 2 : 1);
    for (const [i, t] of ours.entries()) expect(await largestDifference(t, theirs[i]!)).toBeLessThan(1e-5);
    const grads = (path: Path) => {
      const [dx, dh] = o.initialState
        ? tf.grads((input: tf.Tensor, h: tf.Tensor) => loss(path)(input, h))([x, h0])
        : [tf.grad((input: tf.Tensor) => loss(path)(input, h0))(x), h0];
      const { grads: dw } = tf.variableGrads(
        () => loss(path)(x, h0),
        layer.trainableWeights.map((w) => (w as unknown as { val: tf.Variable }).val),
      );
      return { dx: dx!, dh: dh!, dw };
    };
    const [a, b] = [grads(fused), grads(stepped)];
    expect(await largestDifference(a.dx, b.dx)).toBeLessThan(1e-5);
    if (o.initialState) expect(await largestDifference(a.dh, b.dh)).toBeLessThan(1e-5);
    expect(Object.keys(a.dw)).toHaveLength(3);
    for (const name of Object.keys(b.dw)) expect(await largestDifference(a.dw[name]!, b.dw[name]!), name).toBeLessThan(1e-5);
  });
});
