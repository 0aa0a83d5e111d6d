import * as tf from '@tensorflow/tfjs';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { dataSettingsSchema } from '../../app/data/catalog';
import { augmentImage } from '../../main/data/augment';
import { importUserData } from '../../main/data/complete';
import { fitStreaming, openStreamingData, sampleBatch, streamingDatasets } from '../../main/engine/pipeline';
import { imageFolder, irisLikeCsv, tempDir, writeText } from '../fixtures/user-data';

beforeAll(() => tf.setBackend('cpu'));

function tinyModel(shape: number[], classes: number): tf.LayersModel {
  const input = tf.input({ shape });
  const flat = shape.length > 1 ? (tf.layers.flatten().apply(input) as tf.SymbolicTensor) : input;
  const out = tf.layers.dense({ units: classes, activation: 'softmax' }).apply(flat) as tf.SymbolicTensor;
  const model = tf.model({ inputs: input, outputs: out });
  model.compile({ optimizer: tf.train.adam(0.05), loss: 'categoricalCrossentropy' });
  return model;
}

async function imagesSettings(perClass: number, augment = false) {
  const root = await imageFolder(tempDir(), ['a', 'b'], perClass, 8);
  const s = dataSettingsSchema.parse({
    dataset: 'images',
    source: { path: root, images: { size: [8, 8], color: 'rgb', augment: augment ? { flip: true, shift: 0.2, rotate: 15 } : undefined } },
    split: { validation: 0.25 },
  });
  return { root, settings: (await importUserData('images', s)).settings };
}

const layout = { inputShapes: [[8, 8, 3]], output: [2], labels: 'onehot' as const };

describe('streaming training', () => {
  it('trains with augmentation and reports data vs compute time each epoch', async () => {
    const { settings } = await imagesSettings(16, true);
    const data = await openStreamingData(settings, 0.2);
    expect(data.augment).toBe(true);
    const model = tinyModel([8, 8, 3], 2);
    const ds = streamingDatasets(tf, data, layout, { batchSize: 8, seed: 3 });
    const probe = await sampleBatch(tf, data, layout, 8);
    expect([probe.xs[0]!.shape, probe.ys.shape]).toEqual([
      [8, 8, 8, 3],
      [8, 2],
    ]);
    tf.dispose([...probe.xs, probe.ys]);
    const times: number[] = [];
    const history = await fitStreaming(model, ds, { epochs: 2, verbose: 0 }, (_, t) => times.push(t.batches));
    expect(times).toEqual([3, 3]);
    expect(history.history.loss).toHaveLength(2);
    model.dispose();
  });

  it('skips an image that became corrupt, telling the log, and goes on', async () => {
    const { root, settings } = await imagesSettings(8);
    const data = await openStreamingData(settings, 0.2);
    writeFileSync(join(root, 'a', '00003.png'), 'garbage');
    const skipped: string[] = [];
    const model = tinyModel([8, 8, 3], 2);
    await fitStreaming(model, streamingDatasets(tf, data, layout, { batchSize: 4, seed: 1, onSkip: (m) => skipped.push(m) }), { epochs: 1, verbose: 0 });
    expect(skipped).toHaveLength(1);
    expect(skipped[0]).toMatch(new RegExp(`^${root}/a/00003.png cannot be decoded \\(.+\\); skipped.$`));
    model.dispose();
  });

  it('stops training with the file named when an image disappears', async () => {
    const { root, settings } = await imagesSettings(8);
    const data = await openStreamingData(settings, 0);
    rmSync(join(root, 'b', '00005.png'));
    const model = tinyModel([8, 8, 3], 2);
    const error = await fitStreaming(model, streamingDatasets(tf, data, layout, { batchSize: 4, seed: 1 }), { epochs: 1, verbose: 0 }).then(
      () => null,
      (e: unknown) => e as Error,
    );
    expect(error?.message).toBe(`${root}/b/00005.png disappeared while it was being read (moved or deleted?). Put it back, or import the folder again.`);
    model.dispose();
  });

  it('streams in-memory data (a CSV) through the same pipeline', async () => {
    const file = writeText(tempDir(), 'iris.csv', irisLikeCsv());
    const { settings } = await importUserData('csv', dataSettingsSchema.parse({ dataset: 'csv', source: { path: file } }));
    const data = await openStreamingData(settings, 0.2);
    const model = tinyModel([4], 3);
    const ds = streamingDatasets(tf, data, { inputShapes: [[4]], output: [3], labels: 'onehot' }, { batchSize: 16, seed: 0 });
    expect([ds.trainCount, ds.validationCount, ds.batchesPerEpoch]).toEqual([120, 30, 8]);
    const h = await fitStreaming(model, ds, { epochs: 5, verbose: 0 });
    const loss = h.history.loss as number[];
    expect(loss[4]!).toBeLessThan(loss[0]!);
    model.dispose();
  });

  it('augments by flipping, shifting and rotating, keeping edges filled', () => {
    const src = Float32Array.from({ length: 4 * 4 }, (_, i) => i % 4);
    const out = new Float32Array(16);
    let calls = 0;
    const flipOnly = () => (calls++ === 0 ? 0.1 : 0.5);
    augmentImage(src, 4, 4, 1, { flip: true, shift: 0, rotate: 0 }, flipOnly, out);
    expect(Array.from(out.subarray(0, 4))).toEqual([3, 2, 1, 0]);
    augmentImage(src, 4, 4, 1, { flip: false, shift: 0.3, rotate: 30 }, () => 0.9, out);
    expect(out.every((v) => v >= 0 && v <= 3)).toBe(true);
  });
});
