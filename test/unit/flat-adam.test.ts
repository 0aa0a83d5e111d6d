import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../app/data/synthetic';
import { flatAdam } from '../../main/engine/flat-adam';
import { registerWasmTrainingKernels } from '../../main/engine/kernels/register';
import { setLearningRate } from '../../main/engine/optimizer';

function random(shape: number[], seed: number): tf.Tensor {
  const rand = seededRandom(seed);
  return tf.tensor(
    Float32Array.from({ length: shape.reduce((a, d) => a * d, 1) }, () => rand() * 2 - 1),
    shape,
  );
}

function model(): tf.LayersModel {
  const m = tf.sequential({
    layers: [
      tf.layers.conv2d({ inputShape: [6, 6, 1], filters: 3, kernelSize: 3, activation: 'relu' }),
      tf.layers.flatten(),
      tf.layers.dense({ units: 4, activation: 'softmax' }),
    ],
  });
  m.setWeights(m.getWeights().map((w, i) => random(w.shape, 10 + i)));
  return m;
}

const largest = (a: tf.Tensor[], b: tf.Tensor[]) => Math.max(...a.map((t, i) => tf.tidy(() => tf.max(tf.abs(tf.sub(t, b[i]!))).dataSync()[0]!)));

describe('Adam over all weights at once', () => {
  it.each(['cpu', 'wasm'])('trains a model to exactly the weights tfjs’s Adam gives (%s)', async (backend) => {
    await tf.setBackend(backend);
    if (backend === 'wasm') registerWasmTrainingKernels(tf);
    const xs = random([16, 6, 6, 1], 1);
    const ys = tf.oneHot(tf.tensor1d([0, 1, 2, 3, 0, 1, 2, 3, 0, 1, 2, 3, 0, 1, 2, 3], 'int32'), 4);
    const [ours, theirs] = [model(), model()];
    const [fast, plain] = [flatAdam(tf, 0.01), tf.train.adam(0.01)];
    ours.compile({ optimizer: fast, loss: 'categoricalCrossentropy' });
    theirs.compile({ optimizer: plain, loss: 'categoricalCrossentropy' });
    const fit = (m: tf.LayersModel) => m.fit(xs, ys, { epochs: 3, batchSize: 4, shuffle: false, verbose: 0 });
    const [a, b] = [await fit(ours), await fit(theirs)];
    expect(a.history.loss).toEqual(b.history.loss);
    // A schedule changes the rate between epochs.
    setLearningRate(fast, 0.002);
    setLearningRate(plain, 0.002);
    await fit(ours);
    await fit(theirs);
    expect(largest(ours.getWeights(), theirs.getWeights())).toBe(0);
    fast.dispose();
    plain.dispose();
    ours.dispose();
    theirs.dispose();
  });

  it('carries each weight’s moments over when some weights have no gradient, and frees everything', async () => {
    await tf.setBackend('cpu');
    const before = tf.memory().numTensors;
    const weight = (shape: number[], seed: number, name: string) => tf.tidy(() => tf.variable(random(shape, seed), true, name));
    const make = (tag: string) => [weight([3, 2], 2, `a_${tag}`), weight([4], 3, `b_${tag}`)] as const;
    const [[a1, b1], [a2, b2]] = [make('flat'), make('plain')];
    const [fast, plain] = [flatAdam(tf, 0.05), tf.train.adam(0.05)];
    const steps: ('a' | 'b')[][] = [['a', 'b'], ['a'], ['b'], ['a', 'b'], ['b', 'a']];
    steps.forEach((names, i) => {
      const grad = (n: 'a' | 'b') => (names.includes(n) ? (n === 'a' ? random([3, 2], 20 + i) : random([4], 30 + i)) : null);
      // tfjs's Adam keeps moments by position, so it is given every weight, null where there is no
      // gradient (it skips those); ours is given only the weights with a gradient, in this step's order.
      const g1 = Object.fromEntries(names.map((n) => [(n === 'a' ? a1 : b1).name, grad(n)!]));
      const g2 = { [a2.name]: grad('a'), [b2.name]: grad('b') } as unknown as Parameters<typeof plain.applyGradients>[0];
      fast.applyGradients(g1);
      plain.applyGradients(g2);
      tf.dispose([...Object.values(g1), ...Object.values(g2 as Record<string, tf.Tensor | null>).filter((t): t is tf.Tensor => t !== null)]);
    });
    expect(largest([a1, b1], [a2, b2])).toBe(0);
    fast.dispose();
    plain.dispose();
    tf.dispose([a1, b1, a2, b2]);
    expect(tf.memory().numTensors).toBe(before);
  });
});
