import * as tf from '@tensorflow/tfjs';
import { existsSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerSubtract } from '../../app/layers/tfjs/subtract';
import { checkpointMeta, findCheckpoint, loadCheckpoint, openRecorder } from '../../main/record/recorder';
import { readBatches, readEpochs } from '../../main/service/run-history';

const made: string[] = [];
const dir = () => {
  const d = mkdtempSync(join(tmpdir(), 'layerlab-recorder-'));
  made.push(d);
  return d;
};
afterAll(() => made.forEach((d) => rmSync(d, { recursive: true, force: true })));

/** One pixel, red: a real PNG so the decoded bytes can be checked against its signature. */
const PNG = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==';

/** A small functional model with a custom layer (Subtract) and a recurrent one, trained a little so the optimizer has state. */
async function smallModel(): Promise<{ model: tf.LayersModel; x: tf.Tensor }> {
  const Subtract = registerSubtract(tf);
  const input = tf.input({ shape: [4, 3], name: 'seq' });
  const lstm = tf.layers.lstm({ units: 5, name: 'lstm' }).apply(input) as tf.SymbolicTensor;
  const a = tf.layers.dense({ units: 5, name: 'a' }).apply(lstm) as tf.SymbolicTensor;
  const b = tf.layers.dense({ units: 5, activation: 'tanh', name: 'b' }).apply(lstm) as tf.SymbolicTensor;
  const diff = new Subtract({ name: 'subtract' }).apply([a, b]) as tf.SymbolicTensor;
  const out = tf.layers.dense({ units: 1, name: 'out' }).apply(diff) as tf.SymbolicTensor;
  const model = tf.model({ inputs: input, outputs: out });
  model.compile({ optimizer: tf.train.adam(0.01), loss: 'meanSquaredError' });
  const x = tf.randomNormal([8, 4, 3], 0, 1, 'float32', 1);
  const y = tf.randomNormal([8, 1], 0, 1, 'float32', 2);
  await model.fit(x, y, { epochs: 2, batchSize: 4, verbose: 0 });
  y.dispose();
  return { model, x };
}

describe('run recorder', () => {
  let model: tf.LayersModel;
  let x: tf.Tensor;
  beforeAll(async () => {
    await tf.setBackend('cpu');
    ({ model, x } = await smallModel());
  });
  afterAll(() => {
    model.dispose();
    x.dispose();
  });

  it('records nothing without a run folder', async () => {
    const r = openRecorder(undefined);
    r.batches([{ step: 1, epoch: 1, loss: 1 }]);
    r.epoch({ epoch: 1, logs: { loss: 1 }, seconds: 1 });
    await r.checkpoint(model, 'last');
    await r.samples(1, 'generated', [{ png: PNG }]);
  });

  it('appends batches and epochs as JSON lines', async () => {
    const d = dir();
    const r = openRecorder(d);
    r.batches([
      { step: 1, epoch: 1, loss: 0.9 },
      { step: 2, epoch: 1, loss: 0.8, values: { d_loss: 0.7, g_loss: 1.2 } },
    ]);
    r.batches([]);
    r.batches([{ step: 3, epoch: 2, loss: 0.5 }]);
    r.epoch({ epoch: 1, logs: { loss: 0.85, val_loss: 0.9 }, seconds: 0.2, learningRate: 0.01 });
    expect(readFileSync(join(d, 'batches.jsonl'), 'utf8').trim().split('\n')).toHaveLength(3);
    expect(await readBatches(d)).toEqual([
      { step: 1, epoch: 1, loss: 0.9 },
      { step: 2, epoch: 1, loss: 0.8, values: { d_loss: 0.7, g_loss: 1.2 } },
      { step: 3, epoch: 2, loss: 0.5 },
    ]);
    expect(await readEpochs(d)).toEqual([{ epoch: 1, logs: { loss: 0.85, val_loss: 0.9 }, seconds: 0.2, learningRate: 0.01 }]);
  });

  it('keeps a line a kill tore from swallowing the next one', async () => {
    const d = dir();
    writeFileSync(join(d, 'epochs.jsonl'), '{"epoch":1,"logs":{"loss":1},"seconds":1}\n{"epoch":2,"lo');
    openRecorder(d).epoch({ epoch: 2, logs: { loss: 0.5 }, seconds: 1 });
    expect((await readEpochs(d)).map((e) => e.epoch)).toEqual([1, 2]);
  });

  it('saves checkpoints that load back with the same predictions, custom layers included', async () => {
    const d = dir();
    const r = openRecorder(d);
    r.epoch({ epoch: 2, logs: { loss: 0.5 }, seconds: 1 });
    await r.checkpoint(model, 'last');
    await r.checkpoint(model, 'best', 1);
    expect(readdirSync(join(d, 'weights')).sort()).toEqual(['best', 'last']);
    expect(readdirSync(join(d, 'weights', 'last')).sort()).toEqual(['model.json', 'weights.bin']);
    expect(checkpointMeta(d, 'last')?.epoch).toBe(2);
    expect(checkpointMeta(d, 'best')?.epoch).toBe(1);
    const json = JSON.parse(readFileSync(join(d, 'weights', 'last', 'model.json'), 'utf8'));
    expect(json.format).toBe('layers-model');
    expect(json.modelTopology.config.layers.map((l: { class_name: string }) => l.class_name)).toContain('Subtract');

    const expected = (model.predict(x) as tf.Tensor).arraySync();
    for (const which of ['last', 'best'] as const) {
      const loaded = await loadCheckpoint(tf, d, which);
      expect((loaded.optimizer as tf.Optimizer | undefined) ?? null).toBeNull();
      const got = loaded.predict(x) as tf.Tensor;
      expect(got.arraySync()).toEqual(expected);
      got.dispose();
      loaded.dispose();
    }
  });

  it('keeps the optimizer state with the last checkpoint, for continuing', async () => {
    const d = dir();
    await openRecorder(d).checkpoint(model, 'last', 2);
    const loaded = await loadCheckpoint(tf, d, 'last', { optimizer: true });
    expect(loaded.optimizer).not.toBeNull();
    const [saved, restored] = [await model.optimizer.getWeights(), await loaded.optimizer.getWeights()];
    expect(restored.map((w) => w.tensor.shape)).toEqual(saved.map((w) => w.tensor.shape));
    expect(Array.from(restored[0]!.tensor.dataSync())).toEqual(Array.from(saved[0]!.tensor.dataSync()));
    loaded.optimizer.dispose();
    loaded.dispose();
  });

  it('finds a checkpoint a kill left between its two renames, and tidies up on the next save', async () => {
    const d = dir();
    const r = openRecorder(d);
    await r.checkpoint(model, 'last', 1);
    // The kill: the old folder was moved aside, the new one not yet moved in.
    renameSync(join(d, 'weights', 'last'), join(d, 'weights', '.last.old-dead'));
    expect(findCheckpoint(d, 'last')).toBe(join(d, 'weights', '.last.old-dead'));
    const loaded = await loadCheckpoint(tf, d, 'last');
    loaded.dispose();
    await r.checkpoint(model, 'last', 2);
    expect(readdirSync(join(d, 'weights'))).toEqual(['last']);
    expect(checkpointMeta(d, 'last')?.epoch).toBe(2);
  });

  it('says plainly when a run has no weights', async () => {
    await expect(loadCheckpoint(tf, dir(), 'last')).rejects.toThrow(/no saved last weights/);
  });

  it('writes sample images as PNG files named by epoch and kind', async () => {
    const d = dir();
    await openRecorder(d).samples(7, 'reconstructions', [{ png: PNG }, { png: PNG, caption: 'two' }]);
    expect(readdirSync(join(d, 'samples')).sort()).toEqual(['epoch-007-reconstructions-0.png', 'epoch-007-reconstructions-1.png']);
    const bytes = readFileSync(join(d, 'samples', 'epoch-007-reconstructions-0.png'));
    expect(bytes.subarray(1, 4).toString()).toBe('PNG');
    await expect(openRecorder(d).samples(1, '../escape', [{ png: PNG }])).rejects.toThrow(/not a plain name/);
    expect(existsSync(join(d, 'escape'))).toBe(false);
  });
});
