import * as tf from '@tensorflow/tfjs';
import { inflateSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { analyzeGraph } from '../../app/analysis/analyze';
import { seededRandom } from '../../app/data/synthetic';
import { emptyProject } from '../../app/document/schema';
import { selectBackend } from '../../main/engine/backend';
import { buildModel } from '../../main/engine/build-model';
import { reverseDigits } from '../../main/engine/datasets/toy-sequences';
import type { TrainingData } from '../../main/data/training-data';
import { decodeReport, greedyDecode, sequenceText } from '../../main/engine/modes/decode';
import { epochSamples } from '../../main/engine/modes/epoch-samples';
import { reconstructionSamples } from '../../main/engine/modes/reconstructions';
import { edge, node, template } from './helpers';

/** Width, height and the unfiltered rows of a PNG data URL made by our encoder (one IDAT, filter 0). */
function decodeDataUrl(url: string) {
  const png = Buffer.from(url.slice('data:image/png;base64,'.length), 'base64');
  const width = png.readUInt32BE(16);
  const height = png.readUInt32BE(20);
  const idatLength = png.readUInt32BE(33);
  expect(png.toString('latin1', 37, 41)).toBe('IDAT');
  const raw = inflateSync(png.subarray(41, 41 + idatLength));
  const row = (y: number) => raw.subarray(y * (width + 1) + 1, (y + 1) * (width + 1));
  return { width, height, colour: png[25], row };
}

const images = (count: number, seed: number) => Float32Array.from({ length: count * 784 }, seededRandom(seed));

beforeAll(async () => {
  await selectBackend(tf, 'wasm');
});

describe('reconstruction samples', () => {
  const doc = template('conv-autoencoder-mnist');

  it('draws inputs over reconstructions when the target is the input', async () => {
    const model = buildModel(tf, doc, analyzeGraph(doc.graph));
    const x = images(10, 1);
    const before = tf.memory().numTensors;
    const [image, ...rest] = await reconstructionSamples(tf, model, x, x, [28, 28, 1]);
    expect(tf.memory().numTensors).toBe(before);
    expect(rest).toEqual([]);
    expect(image!.caption).toBe('Top: inputs · bottom: reconstructions');
    const png = decodeDataUrl(image!.png);
    // 8 tiles of 28 with 1-pixel gaps across, two rows down.
    expect(png).toMatchObject({ width: 8 * 28 + 7, height: 2 * 28 + 1, colour: 0 });
    expect([...png.row(0).subarray(0, 28)]).toEqual([...x.subarray(0, 28)].map((v) => Math.round(v * 255)));
    expect(png.row(28)[5]).toBe(128);
    model.dispose();
  });

  it('adds the clean targets under the reconstructions of noisy inputs', async () => {
    const model = buildModel(tf, doc, analyzeGraph(doc.graph));
    const clean = images(3, 2);
    const noisy = clean.map((v) => Math.min(1, v + 0.3));
    const [image] = await reconstructionSamples(tf, model, noisy, clean, [28, 28, 1]);
    expect(image!.caption).toBe('Top: noisy inputs · middle: reconstructions · bottom: clean targets');
    const png = decodeDataUrl(image!.png);
    expect(png).toMatchObject({ width: 3 * 28 + 2, height: 3 * 28 + 2 });
    expect([...png.row(2 * 29).subarray(0, 28)]).toEqual([...clean.subarray(0, 28)].map((v) => Math.round(v * 255)));
    model.dispose();
  });

  it('feeds a flat Input the same images', async () => {
    const flat = emptyProject('flat autoencoder');
    flat.graph = {
      nodes: [node('input_1', 'InputLayer', { shape: [784] }), node('dense_1', 'Dense', { units: 784, activation: 'sigmoid' })],
      edges: [edge('input_1', 'dense_1')],
    };
    const model = buildModel(tf, flat, analyzeGraph(flat.graph));
    const x = images(2, 3);
    expect(decodeDataUrl((await reconstructionSamples(tf, model, x, x, [28, 28, 1]))[0]!.png)).toMatchObject({ width: 2 * 28 + 1, height: 2 * 28 + 1 });
    model.dispose();
  });

  it('is what epochSamples makes for the reconstruction task, and nothing for classifiers', async () => {
    const model = buildModel(tf, doc, analyzeGraph(doc.graph));
    const x = images(4, 4);
    const data: TrainingData = { inputs: [{ data: x, shape: [28, 28, 1] }], target: { data: x, shape: [28, 28, 1] }, count: 4 };
    expect(await epochSamples(tf, model, 'reconstruction', data)).toMatchObject({
      kind: 'reconstructions',
      images: [{ png: expect.stringMatching(/^data:image\/png;base64,/) as unknown }],
    });
    expect(await epochSamples(tf, model, 'classification', data)).toBeNull();
    expect(await epochSamples(tf, model, 'reconstruction', null)).toBeNull();
    model.dispose();
  });
});

describe('greedy decoding', () => {
  it('writes tokens as digits', () => {
    expect(sequenceText([2, 11, 1, 0])).toBe('0 9 <s> ·');
  });

  it('reverses digit strings after a short training of the seq2seq template, one position at a time', async () => {
    const doc = template('seq2seq-reverse');
    const model = buildModel(tf, doc, analyzeGraph(doc.graph));
    const T = doc.data.digits;
    const val = reverseDigits({ ...doc.data, samples: 200, seed: 2 });

    const untrained = await decodeReport(tf, model, val);
    expect(untrained.exactMatch).toBeLessThan(0.1);
    expect(untrained.lines[0]).toMatch(/^(\d ){5}\d → .+ ✗ \(want (\d ){5}\d\)$/);

    const train = reverseDigits({ ...doc.data, samples: 2000, seed: 1 });
    const xs = train.inputs.map((c) => tf.tensor2d(c.data as Int32Array, [train.count, T], 'int32'));
    const y = tf.tensor3d(Float32Array.from(train.target.data), [train.count, T, 1]);
    model.compile({ optimizer: tf.train.adam(doc.training.learningRate), loss: 'sparseCategoricalCrossentropy' });
    await model.fit(xs, y, { epochs: 3, batchSize: 64, verbose: 0 });
    tf.dispose([...xs, y]);

    const before = tf.memory().numTensors;
    const report = await decodeReport(tf, model, val, 4);
    expect(tf.memory().numTensors).toBe(before);
    expect(report.evaluated).toBe(200);
    expect(report.exactMatch).toBeGreaterThan(0.5);
    expect(report.tokenAccuracy).toBeGreaterThanOrEqual(report.exactMatch);
    expect(report.lines).toHaveLength(4);
    const [source, rest] = report.lines[0]!.split(' → ');
    expect(rest!.startsWith(source!.split(' ').reverse().join(' ')) || rest!.includes('✗')).toBe(true);

    // The plain function: the decoder only ever sees its own earlier guesses.
    const got = await greedyDecode(tf, model, val.inputs[0]!.data as Int32Array, 1, T);
    expect(got).toHaveLength(T);
    const samples = await epochSamples(tf, model, 'sequence', val);
    expect(samples).toMatchObject({ kind: 'decoded', images: [], lines: expect.arrayContaining([expect.stringContaining(' → ')]) as unknown });
    expect(samples?.exactMatch).toBe(report.exactMatch);
    model.dispose();
  }, 60_000);
});
