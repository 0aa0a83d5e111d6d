import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { analyzeGraph } from '../../app/analysis/analyze';
import { projectSchema, type ProjectDoc } from '../../app/document/schema';
import { buildModel } from '../../main/engine/build-model';
import { keepDigits } from '../../main/engine/datasets/digit-subset';
import { loadMnistTest, loadMnistTrain, type Images } from '../../main/engine/datasets/mnist';
import { groupedOptimizer, rateGroups } from '../../main/engine/layer-rates';
import { loadPretrainedSources } from '../../main/engine/pretrained';
import { seedRandomness } from '../../main/engine/seed';

const template = (id: string): ProjectDoc =>
  projectSchema.parse(JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', 'resources', 'templates', `${id}.layerlab.json`), 'utf8')));

const withParams = (doc: ProjectDoc, params: Record<string, unknown>): ProjectDoc => ({
  ...doc,
  graph: { ...doc.graph, nodes: doc.graph.nodes.map((n) => (n.type === 'PretrainedModel' ? { ...n, params: { ...n.params, ...params } } : n)) },
});

let train: Images;
let test: Images;
/** Small enough for CI's two cores (the from-scratch CNN's backward pass dominates), big enough to tell apart. */
const N_TRAIN = 96;
const N_TEST = 300;
const EPOCHS = 2;

beforeAll(async () => {
  await tf.setBackend('cpu');
  train = keepDigits(await loadMnistTrain(), '5-9');
  test = keepDigits(await loadMnistTest(), '5-9');
});

const tensors = (set: Images, n: number) => ({
  x: tf.tensor4d(set.x.subarray(0, n * 784), [n, 28, 28, 1]),
  y: tf.oneHot(tf.tensor1d(set.labels.subarray(0, n), 'int32'), 5),
});

/**
 * The same short training for both: 96 examples of digits 5–9, 2 epochs, then accuracy on 300 unseen ones. Few
 * examples is where transfer pays; the seed, the cpu backend and shuffle: false make the result the same every run.
 */
async function trainAndScore(doc: ProjectDoc): Promise<number> {
  seedRandomness(7);
  await loadPretrainedSources(tf, doc);
  const model = buildModel(tf, doc, analyzeGraph(doc.graph));
  model.compile({ optimizer: groupedOptimizer(tf, doc.training, rateGroups(model, doc)), loss: 'categoricalCrossentropy', metrics: ['accuracy'] });
  const a = tensors(train, N_TRAIN);
  await model.fit(a.x, a.y, { epochs: EPOCHS, batchSize: 32, shuffle: false, verbose: 0 });
  const b = tensors(test, N_TEST);
  const [, acc] = model.evaluate(b.x, b.y) as tf.Scalar[];
  return (await acc!.data())[0]!;
}

describe('transfer-digits', () => {
  it('counts the frozen source as non-trainable and only the head as trainable', () => {
    const a = analyzeGraph(template('transfer-digits').graph);
    expect(a.ok).toBe(true);
    // Cut at flatten: conv2 (72·16+16) and conv1 (9·8+8) frozen; the new head 400·5+5 trains.
    expect(a.nonTrainableParams).toBe(1_168 + 80);
    expect(a.trainableParams).toBe(2_005);
    const tuned = analyzeGraph(withParams(template('transfer-digits'), { trainMode: 'fineTuneTop', topN: 1 }).graph);
    expect(tuned.nonTrainableParams).toBe(80);
  });

  it('refuses a cut at a layer the source does not have, with the reason', () => {
    const a = analyzeGraph(withParams(template('transfer-digits'), { cutAt: 'no_such_layer' }).graph);
    expect(a.ok).toBe(false);
    expect(a.issues.map((i) => i.message).join(' ')).toMatch(/no layer named "no_such_layer"/);
  });

  it('keeps frozen weights fixed and fine-tunes the top layers at the multiplied rate', async () => {
    const doc = withParams(template('transfer-digits'), { trainMode: 'fineTuneTop', topN: 1, lrMultiplier: 0.1 });
    await loadPretrainedSources(tf, doc);
    const model = buildModel(tf, doc, analyzeGraph(doc.graph));
    const inner = model.getLayer('pretrained') as tf.LayersModel;
    const before = inner.getLayer('conv1').getWeights()[0]!.dataSync().slice();
    const groups = rateGroups(model, doc);
    expect(groups.map((g) => [...g.variables].length)).toEqual([2]);
    model.compile({ optimizer: groupedOptimizer(tf, doc.training, groups), loss: 'categoricalCrossentropy' });
    const a = tensors(train, 64);
    await model.fit(a.x, a.y, { epochs: 1, batchSize: 32, verbose: 0 });
    expect(Array.from(inner.getLayer('conv1').getWeights()[0]!.dataSync())).toEqual(Array.from(before));
  });

  it('beats the same network trained from scratch after the same short training', async () => {
    const transferred = await trainAndScore(template('transfer-digits'));
    const scratch = await trainAndScore(template('transfer-digits-scratch'));
    expect(transferred).toBeGreaterThan(0.6);
    expect(transferred).toBeGreaterThan(scratch + 0.05);
  }, 100_000);
});
