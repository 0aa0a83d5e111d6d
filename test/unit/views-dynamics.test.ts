import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { analyzeGraph } from '../../app/analysis/analyze';
import { buildModel } from '../../main/engine/build-model';
import { loadMnistTest } from '../../main/engine/datasets/mnist';
import { DynamicsRecorder, measureDynamics } from '../../main/engine/views/dynamics';
import { lossFunction } from '../../main/engine/views/loss-fn';
import type { TrainingView } from '../../app/protocol/views';
import { template } from './helpers';

const N = 64;
let xs: tf.Tensor;
let y: tf.Tensor;

beforeAll(async () => {
  await tf.setBackend('cpu');
  const mnist = await loadMnistTest();
  xs = tf.tensor2d(mnist.x.subarray(0, N * 784), [N, 784]);
  y = tf.oneHot(tf.tensor1d(mnist.labels.subarray(0, N), 'int32'), 10).toFloat();
});

/** First hidden layer's gradient norm over the output layer's, on 64 real digits, for a template's network as built. */
function firstToLast(id: string): { ratio: number; layers: string[] } {
  const doc = template(id);
  const model = buildModel(tf, doc, analyzeGraph(doc.graph));
  const layers = measureDynamics(tf, model, lossFunction(tf, 'categoricalCrossentropy'), { xs: [xs], y });
  model.dispose();
  return { ratio: layers[0]!.gradNorm / layers.at(-1)!.gradNorm, layers: layers.map((l) => l.name) };
}

describe('training dynamics recorder', () => {
  it('shows the vanishing gradient: deep sigmoid’s first layer gets orders of magnitude less gradient than its last, deep ReLU’s does not', () => {
    // Two fresh initialisations each: the effect is the architecture's, not one lucky draw's.
    for (let i = 0; i < 2; i++) {
      const sigmoid = firstToLast('deep-sigmoid-mnist');
      const relu = firstToLast('deep-relu-mnist');
      expect(sigmoid.layers).toEqual(['dense_1', 'dense_2', 'dense_3', 'dense_4', 'dense_5', 'dense_6', 'dense_7']);
      // σ′ ≤ 0.25 through six layers: expect ~1e-3; a generous bound still means "orders of magnitude".
      expect(sigmoid.ratio).toBeLessThan(0.02);
      expect(relu.ratio).toBeGreaterThan(0.1);
      expect(relu.ratio / sigmoid.ratio).toBeGreaterThan(30);
    }
  });

  it('reports histograms that count every kernel weight, and dead ReLUs as a share', () => {
    const doc = template('deep-relu-mnist');
    const model = buildModel(tf, doc, analyzeGraph(doc.graph));
    const [first] = measureDynamics(tf, model, lossFunction(tf, 'categoricalCrossentropy'), { xs: [xs], y });
    expect(first!.weights.counts.reduce((a, n) => a + n, 0)).toBe(784 * (model.layers[1]!.getWeights()[0]!.shape[1] ?? 0));
    expect(first!.activation!.dead).toBeGreaterThanOrEqual(0);
    expect(first!.activation!.dead).toBeLessThanOrEqual(1);
    model.dispose();
  });

  it('as a RunObserver, measures after each recorded epoch on the batch it took at the start, and releases it', () => {
    const doc = template('deep-relu-mnist');
    const model = buildModel(tf, doc, analyzeGraph(doc.graph));
    const sent: TrainingView[] = [];
    const recorder = new DynamicsRecorder(tf, lossFunction(tf, 'categoricalCrossentropy'), (v) => sent.push(v), 2);
    recorder.start({ model, sample: (n) => ({ xs: [xs.slice(0, n)], y: y.slice(0, n) }) });
    for (const epoch of [1, 2, 3, 4]) recorder.afterEpoch({ epoch, epochs: 4, step: epoch * 100, model, logs: { loss: 1 } });
    expect(sent.map((v) => (v.kind === 'dynamics' ? v.epoch : 0))).toEqual([2, 4]);
    const before = tf.memory().numTensors;
    recorder.dispose();
    expect(tf.memory().numTensors).toBe(before - 2);
    model.dispose();
  });

  it('skips epochs shorter than 60 batches since the last measurement, and still records the first and the last', () => {
    const doc = template('deep-relu-mnist');
    const model = buildModel(tf, doc, analyzeGraph(doc.graph));
    const sent: TrainingView[] = [];
    const recorder = new DynamicsRecorder(tf, lossFunction(tf, 'categoricalCrossentropy'), (v) => sent.push(v));
    recorder.start({ model, sample: (n) => ({ xs: [xs.slice(0, n)], y: y.slice(0, n) }) });
    // Spirals' epochs: 25 batches each.
    for (let epoch = 1; epoch <= 12; epoch++) recorder.afterEpoch({ epoch, epochs: 12, step: epoch * 25, model, logs: { loss: 1 } });
    expect(sent.map((v) => (v.kind === 'dynamics' ? v.epoch : 0))).toEqual([1, 4, 7, 10, 12]);
    recorder.dispose();
    model.dispose();
  });
});
