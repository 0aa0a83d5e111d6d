import * as tf from '@tensorflow/tfjs';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ComputePeer } from '../../main/engine/compute/peer';
import { remoteRecorder } from '../../main/engine/compute/remote-recorder';
import { saveCheckpoint } from '../../main/record/checkpoint';
import { checkpointDir, MODEL_JSON } from '../../main/record/layout';

/** A trained two-layer model; `functionLoss` gives it a per-output loss function, which tfjs cannot write into a training config. */
async function trained(functionLoss: boolean): Promise<tf.LayersModel> {
  const model = tf.sequential({ layers: [tf.layers.dense({ inputShape: [3], units: 4, activation: 'relu' }), tf.layers.dense({ units: 1 })] });
  model.compile({
    optimizer: tf.train.adam(0.01),
    loss: functionLoss ? [(y: tf.Tensor, p: tf.Tensor) => tf.losses.meanSquaredError(y, p)] : 'meanSquaredError',
  });
  await model.fit(tf.randomNormal([16, 3], 0, 1, 'float32', 1), tf.randomNormal([16, 1], 0, 1, 'float32', 2), { epochs: 1, verbose: 0 });
  return model;
}

interface SavedJson {
  trainingConfig?: unknown;
  weightsManifest: { weights: { group?: string }[] }[];
}

const saved = (runDir: string, which: 'last' | 'best'): SavedJson =>
  JSON.parse(readFileSync(join(checkpointDir(runDir, which), MODEL_JSON), 'utf8')) as SavedJson;
const optimizerWeights = (json: SavedJson) => json.weightsManifest[0]!.weights.filter((w) => w.group === 'optimizer').length;

describe('a checkpoint keeps the optimizer’s state where it can', () => {
  it('on disk: last carries Adam’s moments, best does not, and a function loss is saved without them', async () => {
    const runDir = mkdtempSync(join(tmpdir(), 'layerlab-ckpt-'));
    const model = await trained(false);
    await saveCheckpoint(model, runDir, 'last', 1);
    await saveCheckpoint(model, runDir, 'best', 1);
    expect(saved(runDir, 'last').trainingConfig).toBeDefined();
    expect(optimizerWeights(saved(runDir, 'last'))).toBeGreaterThan(0);
    expect(optimizerWeights(saved(runDir, 'best'))).toBe(0);

    const other = mkdtempSync(join(tmpdir(), 'layerlab-ckpt-'));
    await saveCheckpoint(await trained(true), other, 'last', 1);
    expect(saved(other, 'last').trainingConfig).toBeUndefined();
    expect(optimizerWeights(saved(other, 'last'))).toBe(0);
  });

  /** A peer that records what the worker asked the engine process to write, and can refuse it. */
  function peer(refuse: boolean) {
    const asked: { which: string; includesOptimizer: boolean }[] = [];
    const fake = {
      ask: (m: { what: string; which: string; includesOptimizer: boolean }) => {
        asked.push({ which: m.which, includesOptimizer: m.includesOptimizer });
        return refuse ? Promise.reject(new Error('The disk is full.')) : Promise.resolve();
      },
      record: () => undefined,
    };
    return { asked, recorder: remoteRecorder(tf, fake as unknown as ComputePeer) };
  }

  it('from the browser’s worker: the same choice, and a write that failed is not sent twice', async () => {
    const ok = peer(false);
    await ok.recorder.checkpoint(await trained(false), 'last', 1);
    await ok.recorder.checkpoint(await trained(true), 'last', 1);
    await ok.recorder.checkpoint(await trained(false), 'best', 1);
    expect(ok.asked).toEqual([
      { which: 'last', includesOptimizer: true },
      { which: 'last', includesOptimizer: false },
      { which: 'best', includesOptimizer: false },
    ]);

    const full = peer(true);
    await expect(full.recorder.checkpoint(await trained(false), 'last', 1)).rejects.toThrow('The disk is full.');
    expect(full.asked).toHaveLength(1);
  });
});
