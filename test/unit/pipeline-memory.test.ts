import * as tf from '@tensorflow/tfjs';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dataSettingsSchema } from '../../app/data/catalog';
import { importUserData } from '../../main/data/complete';
import { fitStreaming, openStreamingData, streamingDatasets, type PipelineTimes } from '../../main/engine/pipeline';
import { imageFolder, tempDir } from '../fixtures/user-data';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;
/** What this process holds once garbage is collected: JS objects and typed-array memory. */
const retained = () => {
  gc();
  const m = process.memoryUsage();
  return m.heapUsed + m.arrayBuffers;
};

const IMAGES = 4000;
const SIDE = 32;
const BATCH = 32;
const EXAMPLE_BYTES = SIDE * SIDE * 3 * 4;

describe('streaming pipeline', () => {
  let folder = '';
  beforeAll(async () => {
    await tf.setBackend('cpu');
    folder = await imageFolder(tempDir(), ['red', 'green'], IMAGES / 2, SIDE);
  }, 60_000);
  afterAll(() => tf.disposeVariables());

  it('trains a full epoch over 4,000 PNGs with memory bounded by batches, not by the folder', async () => {
    const imported = await importUserData(
      'images',
      dataSettingsSchema.parse({ dataset: 'images', source: { path: folder, images: { size: [SIDE, SIDE], color: 'rgb' } }, split: { validation: 0.1 } }),
      undefined,
    );
    const data = await openStreamingData(imported.settings, 0.2);
    expect(data.partition.train.length).toBe(3600);

    const input = tf.input({ shape: [SIDE, SIDE, 3] });
    const flat = tf.layers.flatten().apply(input) as tf.SymbolicTensor;
    const out = tf.layers.dense({ units: 2, activation: 'softmax' }).apply(flat) as tf.SymbolicTensor;
    const model = tf.model({ inputs: input, outputs: out });
    model.compile({ optimizer: tf.train.adam(0.01), loss: 'categoricalCrossentropy', metrics: ['accuracy'] });
    const ds = streamingDatasets(tf, data, { inputShapes: [[SIDE, SIDE, 3]], output: [2], labels: 'onehot' }, { batchSize: BATCH, seed: 1, prefetch: 3 });

    const baseline = retained();
    let peak = 0;
    let batches = 0;
    let times: PipelineTimes | null = null;
    const tensorsBefore = tf.memory().numTensors;
    const history = await fitStreaming(
      model,
      ds,
      {
        epochs: 1,
        verbose: 0,
        callbacks: {
          onBatchEnd: async () => {
            batches++;
            if (batches % 10 === 0) peak = Math.max(peak, retained() - baseline);
          },
        },
      },
      (_, t) => (times = t),
    );
    const decodedDataset = IMAGES * EXAMPLE_BYTES;
    const bound = 40 * BATCH * EXAMPLE_BYTES;
    expect(batches).toBe(Math.ceil(3600 / BATCH));
    // The whole folder decoded would be ~49 MB; the stream stays within a few batches (~15 MB of headroom for tfjs and GC).
    expect(bound).toBeLessThan(decodedDataset / 3);
    expect(peak).toBeLessThan(bound);
    expect(tf.memory().numTensors - tensorsBefore).toBeLessThan(20);
    expect(times!.batches).toBe(batches);
    expect(times!.examples).toBe(3600);
    expect(times!.dataSeconds + times!.computeSeconds).toBeGreaterThan(0);
    expect(history.history.val_loss).toHaveLength(1);
    model.dispose();
  }, 120_000);
});
