import * as tf from '@tensorflow/tfjs';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DIGIT_WORDS, PATCHES, tokenisePrompt } from '../../app/data/prompts';
import { loadMnistTest, loadMnistTrain } from '../../main/engine/datasets/mnist';
import { measureDigit, promptDataset } from '../../main/engine/datasets/mnist-prompts';
import { train } from '../../main/engine/train';
import { loadCheckpoint, openRecorder } from '../../main/record/recorder';
import { template } from './helpers';

/** A 28×28 image with a vertical stroke `width` pixels wide, leaning `lean` pixels right over its height. */
function stroke(width: number, lean: number, from = 4, to = 24): Float32Array {
  const img = new Float32Array(784);
  for (let y = from; y < to; y++) {
    const x0 = Math.round(14 - lean / 2 + (lean * (to - y)) / (to - from));
    for (let x = x0; x < x0 + width; x++) img[y * 28 + x] = 1;
  }
  return img;
}

describe('text-to-image prompts', () => {
  it('measure thickness, size and slant from the pixels', () => {
    expect(measureDigit(stroke(4, 0)).ink).toBeGreaterThan(measureDigit(stroke(1, 0)).ink);
    expect(measureDigit(stroke(2, 0, 2, 26)).height).toBeGreaterThan(measureDigit(stroke(2, 0, 10, 18)).height);
    expect(measureDigit(stroke(2, 10)).slant).toBeGreaterThan(0.3);
    expect(Math.abs(measureDigit(stroke(2, 0)).slant)).toBeLessThan(0.05);
  });

  it('tokenise a typed prompt like the training prompts, marking unknown words', () => {
    const t = tokenisePrompt('A THICK, tilted purple seven');
    expect(t.words.map((w) => w.known)).toEqual([true, true, true, false, true]);
    expect(t.ids[3]).toBe(1);
    expect(t.ids[5]).toBe(0);
  });

  it('describe every digit by its label, and its attributes by where it stands in its class', async () => {
    const data = promptDataset(await loadMnistTrain(), 7, 3000);
    expect(data.count).toBe(3000);
    // "thick" digits carry more ink than "thin" ones of the same kind.
    const labels = (await loadMnistTrain()).labels;
    const x = data.target.data as Float32Array;
    const ink = (word: string, digit: number) => {
      const picked = data.prompts.flatMap((p, i) => (labels[i] === digit && p.split(' ').includes(word) ? [measureDigit(x, i * 784).ink] : []));
      return picked.reduce((a, b) => a + b, 0) / picked.length;
    };
    for (const digit of [1, 3, 7]) expect(ink('thick', digit)).toBeGreaterThan(ink('thin', digit) * 1.3);
    data.prompts.forEach((p, i) => expect(p.split(' ').at(-1)).toBe(DIGIT_WORDS[labels[i]!]));
    expect(Array.from(data.inputs[1]!.data.subarray(0, PATCHES))).toEqual(Array.from({ length: PATCHES }, (_, i) => i));
  });
});

describe('the text-to-image template', () => {
  it('draws, for a prompt, a digit that a classifier reads as the prompt’s digit', { timeout: 600_000 }, async () => {
    const doc = template('text-to-digit');
    doc.data = { ...doc.data, limit: 8000 };
    doc.training = { ...doc.training, epochs: 3, seed: 3 };
    const runDir = mkdtempSync(join(tmpdir(), 'layerlab-t2i-'));
    const losses: number[] = [];
    await train(
      { runId: 't2i', document: doc, backend: 'wasm', runDir },
      { tf, emit: (e) => e.type === 'run.epoch' && losses.push(e.logs.loss), stopRequested: () => false, recorder: openRecorder(runDir) },
    );
    expect(losses.at(-1)).toBeLessThan(losses[0]!);
    const generator = await loadCheckpoint(tf, runDir, 'last');

    // A small classifier trained on real digits is the judge.
    const real = await loadMnistTrain();
    const judge = tf.sequential({
      layers: [tf.layers.dense({ inputShape: [784], units: 128, activation: 'relu' }), tf.layers.dense({ units: 10, activation: 'softmax' })],
    });
    judge.compile({ optimizer: tf.train.adam(0.002), loss: 'sparseCategoricalCrossentropy', metrics: ['accuracy'] });
    const n = 10_000;
    const xs = tf.tensor2d(real.x.subarray(0, n * 784), [n, 784]);
    const ys = tf.tensor1d(Float32Array.from(real.labels.subarray(0, n)));
    await judge.fit(xs, ys, { epochs: 3, batchSize: 128, verbose: 0 });
    const test = await loadMnistTest();
    const judged = tf.tidy(() => (judge.predict(tf.tensor2d(test.x.subarray(0, 1000 * 784), [1000, 784])) as tf.Tensor).argMax(-1).dataSync());
    expect(judged.filter((d, i) => d === test.labels[i]).length / 1000).toBeGreaterThan(0.9);

    const prompts = DIGIT_WORDS.flatMap((w) => [`a ${w}`, `a thick ${w}`, `a small tilted ${w}`]);
    const tokens = tf.tensor2d(Int32Array.from(prompts.flatMap((p) => Array.from(tokenisePrompt(p).ids))), [prompts.length, 6], 'int32');
    const patches = tf.tensor2d(Int32Array.from(prompts.flatMap(() => Array.from({ length: PATCHES }, (_, i) => i))), [prompts.length, PATCHES], 'int32');
    const drawn = tf.tidy(() => (generator.predict([tokens, patches]) as tf.Tensor).reshape([prompts.length, 784]));
    const read = tf.tidy(() => (judge.predict(drawn) as tf.Tensor).argMax(-1).dataSync());
    const right = prompts.filter((_, i) => read[i] === Math.floor(i / 3)).length;
    console.log(`text-to-image: ${right} of ${prompts.length} prompts drawn as their digit`);
    expect(right / prompts.length).toBeGreaterThanOrEqual(0.6);
    tf.dispose([xs, ys, tokens, patches, drawn]);
  });
});
