import * as tf from '@tensorflow/tfjs';
import { buildLayer } from '../../app/layers/builders/registry';
import { describe, expect, it } from 'vitest';
import { analyzeGraph } from '../../app/analysis/analyze';
import type { EdgeDoc } from '../../app/document/schema';
import { getLayer } from '../../app/layers/registry';
import { outputNames, type Shape } from '../../app/layers/types';
import { registerSequenceLayerClasses } from '../../app/layers/tfjs/register';
import { buildModel } from '../../main/engine/build-model';
import { edge, graph, node, template } from './helpers';

interface Case {
  readonly type: string;
  readonly params: Record<string, unknown>;
  /** Shapes arriving at the connected handles, in handle order. */
  readonly inputs: Shape[];
  /** Expected output shape, or a fragment of the error message. */
  readonly out: Shape | string;
  /** Shapes of the outputs after the first (return state). */
  readonly extra?: Shape[];
  /** Keras's parameter count for the same layer and inputs. */
  readonly count?: number;
  /** The handle an error must point at. */
  readonly handle?: string;
}

/*
 * Counts follow Keras 3 / KerasHub; the large ones are from the summaries of Keras examples: IMDB bidirectional LSTM,
 * the "Working with RNNs" guide, TensorFlow's text-generation GRU, keras.io's Transformer text classifier and
 * KerasHub's English-to-Spanish translator (width 256, 8 heads, intermediate 2048).
 */
const cases: Case[] = [
  { type: 'Embedding', params: { inputDim: 20_000, outputDim: 128 }, inputs: [[200]], out: [200, 128], count: 2_560_000 },
  { type: 'Embedding', params: { inputDim: 1000, outputDim: 64 }, inputs: [[null]], out: [null, 64], count: 64_000 },
  { type: 'Embedding', params: { inputDim: 50, outputDim: 4 }, inputs: [[3, 5]], out: [3, 5, 4], count: 200 },
  { type: 'SimpleRNN', params: { units: 128 }, inputs: [[null, 256]], out: [128], count: 49_280 },
  { type: 'SimpleRNN', params: { units: 8, returnSequences: true }, inputs: [[10, 3]], out: [10, 8], count: 96 },
  { type: 'SimpleRNN', params: { units: 8, returnState: true }, inputs: [[10, 3]], out: [8], extra: [[8]], count: 96 },
  { type: 'SimpleRNN', params: { units: 4 }, inputs: [[6, 2], [4]], out: [4], count: 28 },
  { type: 'LSTM', params: { units: 128 }, inputs: [[null, 64]], out: [128], count: 98_816 },
  { type: 'LSTM', params: { units: 64, returnSequences: true }, inputs: [[100, 128]], out: [100, 64], count: 49_408 },
  { type: 'LSTM', params: { units: 8, returnState: true }, inputs: [[7, 3]], out: [8], extra: [[8], [8]], count: 384 },
  { type: 'LSTM', params: { units: 8, returnSequences: true, returnState: true }, inputs: [[7, 3]], out: [7, 8], extra: [[8], [8]], count: 384 },
  { type: 'LSTM', params: { units: 8 }, inputs: [[5, 4], [8], [8]], out: [8], count: 416 },
  { type: 'GRU', params: { units: 1024, returnSequences: true }, inputs: [[null, 256]], out: [null, 1024], count: 3_938_304 },
  { type: 'GRU', params: { units: 256, returnSequences: true }, inputs: [[null, 64]], out: [null, 256], count: 247_296 },
  { type: 'GRU', params: { units: 8, returnState: true }, inputs: [[5, 3]], out: [8], extra: [[8]], count: 312 },
  { type: 'GRU', params: { units: 8, resetAfter: false }, inputs: [[5, 3]], out: [8], count: 288 },
  { type: 'GRU', params: { units: 4 }, inputs: [[6, 2], [4]], out: [4], count: 96 },
  {
    type: 'LSTM',
    params: { units: 32 },
    inputs: [[784]],
    out: 'LSTM needs a sequence (timesteps, features) per example, but gets (784,): one flat vector. Add a Reshape to (784, 1)',
    handle: 'input',
  },
  { type: 'LSTM', params: { units: 32 }, inputs: [[28, 28, 1]], out: 'but gets (28, 28, 1)', handle: 'input' },
  { type: 'GRU', params: { units: 32 }, inputs: [[10, null]], out: 'known feature size', handle: 'input' },
  { type: 'LSTM', params: { units: 8 }, inputs: [[5, 4], [8]], out: 'starts from 2 states (state_h, state_c), but 1 is connected', handle: 'initial_state' },
  { type: 'SimpleRNN', params: { units: 8 }, inputs: [[5, 4], [16]], out: 'must be (8,) to match units = 8', handle: 'initial_state' },
  { type: 'Bidirectional', params: { layer: 'LSTM', units: 64, returnSequences: true }, inputs: [[null, 128]], out: [null, 128], count: 98_816 },
  { type: 'Bidirectional', params: { layer: 'LSTM', units: 64 }, inputs: [[null, 64]], out: [128], count: 66_048 },
  { type: 'Bidirectional', params: { layer: 'GRU', units: 8, mergeMode: 'sum' }, inputs: [[5, 3]], out: [8], count: 624 },
  { type: 'Bidirectional', params: { layer: 'SimpleRNN', units: 8, mergeMode: 'ave', returnSequences: true }, inputs: [[5, 3]], out: [5, 8], count: 192 },
  { type: 'Bidirectional', params: { layer: 'LSTM', units: 8, mergeMode: 'mul' }, inputs: [[5, 3]], out: [8], count: 768 },
  { type: 'Bidirectional', params: { layer: 'LSTM', units: 8 }, inputs: [[40]], out: 'gets (40,)', handle: 'input' },
  {
    type: 'MultiHeadAttention',
    params: { numHeads: 2, keyDim: 32 },
    inputs: [
      [200, 32],
      [200, 32],
    ],
    out: [200, 32],
    count: 8_416,
  },
  {
    type: 'MultiHeadAttention',
    params: { numHeads: 2, keyDim: 4, useCausalMask: true },
    inputs: [
      [6, 8],
      [6, 8],
    ],
    out: [6, 8],
    count: 288,
  },
  {
    type: 'MultiHeadAttention',
    params: { numHeads: 2, keyDim: 4, valueDim: 3 },
    inputs: [
      [6, 8],
      [9, 5],
    ],
    out: [6, 8],
    count: 212,
  },
  {
    type: 'MultiHeadAttention',
    params: { numHeads: 2, keyDim: 4 },
    inputs: [
      [6, 8],
      [9, 5],
      [9, 7],
    ],
    out: [6, 8],
    count: 256,
  },
  {
    type: 'MultiHeadAttention',
    params: { numHeads: 3, keyDim: 4, useBias: false },
    inputs: [
      [null, 8],
      [null, 8],
    ],
    out: [null, 8],
    count: 384,
  },
  {
    type: 'MultiHeadAttention',
    params: { numHeads: 2, keyDim: 4 },
    inputs: [
      [4, 4, 8],
      [4, 4, 8],
    ],
    out: [4, 4, 8],
    count: 288,
  },
  {
    type: 'MultiHeadAttention',
    params: { numHeads: 2, keyDim: 4 },
    inputs: [
      [6, 8],
      [9, 5],
      [7, 5],
    ],
    out: 'same timesteps as the value',
    handle: 'key',
  },
  {
    type: 'MultiHeadAttention',
    params: { numHeads: 2, keyDim: 4 },
    inputs: [
      [6, 8],
      [4, 4, 8],
    ],
    out: 'same number of axes',
    handle: 'value',
  },
  {
    type: 'MultiHeadAttention',
    params: { numHeads: 2, keyDim: 4 },
    inputs: [[8], [6, 8]],
    out: 'sequence of vectors (timesteps, features) on "query"',
    handle: 'query',
  },
  {
    type: 'MultiHeadAttention',
    params: { numHeads: 2, keyDim: 4 },
    inputs: [
      [6, 8],
      [6, null],
    ],
    out: 'known feature size',
    handle: 'value',
  },
  {
    type: 'MultiHeadAttention',
    params: { numHeads: 2, keyDim: 4, useCausalMask: true },
    inputs: [
      [4, 4, 8],
      [4, 4, 8],
    ],
    out: 'causal mask',
    handle: 'query',
  },
  {
    type: 'TokenAndPositionEmbedding',
    params: { vocabularySize: 20_000, sequenceLength: 200, embeddingDim: 32 },
    inputs: [[200]],
    out: [200, 32],
    count: 646_400,
  },
  {
    type: 'TokenAndPositionEmbedding',
    params: { vocabularySize: 15_000, sequenceLength: 40, embeddingDim: 256 },
    inputs: [[null]],
    out: [null, 256],
    count: 3_850_240,
  },
  {
    type: 'TokenAndPositionEmbedding',
    params: { vocabularySize: 50, sequenceLength: 8, embeddingDim: 4 },
    inputs: [[12]],
    out: 'positions for 8 steps, but the sequence has 12',
    handle: 'input',
  },
  { type: 'PositionEmbedding', params: { sequenceLength: 40 }, inputs: [[40, 64]], out: [40, 64], count: 2_560 },
  { type: 'PositionEmbedding', params: { sequenceLength: 10 }, inputs: [[6, 4]], out: [6, 4], count: 40 },
  { type: 'PositionEmbedding', params: { sequenceLength: 10 }, inputs: [[12, 4]], out: 'sequence length to at least 12', handle: 'input' },
  { type: 'PositionEmbedding', params: { sequenceLength: 10 }, inputs: [[10]], out: 'Put an Embedding', handle: 'input' },
  { type: 'SinePositionEncoding', params: {}, inputs: [[6, 4]], out: [6, 4], count: 0 },
  { type: 'SinePositionEncoding', params: {}, inputs: [[null, 5]], out: [null, 5], count: 0 },
  { type: 'TransformerEncoder', params: { intermediateDim: 2048, numHeads: 8 }, inputs: [[null, 256]], out: [null, 256], count: 1_315_072 },
  { type: 'TransformerEncoder', params: { intermediateDim: 128, numHeads: 4 }, inputs: [[40, 64]], out: [40, 64], count: 33_472 },
  { type: 'TransformerEncoder', params: { intermediateDim: 8, numHeads: 3, normalizeFirst: true }, inputs: [[5, 10]], out: [5, 10], count: 615 },
  { type: 'TransformerEncoder', params: { intermediateDim: 8, numHeads: 2 }, inputs: [[3, 3, 4]], out: [3, 3, 4], count: 172 },
  { type: 'TransformerEncoder', params: { intermediateDim: 8, numHeads: 8 }, inputs: [[5, 4]], out: 'leaves each head with 0 features', handle: 'input' },
  { type: 'TransformerEncoder', params: { intermediateDim: 8, numHeads: 2 }, inputs: [[12]], out: 'Put an Embedding', handle: 'input' },
  {
    type: 'TransformerDecoder',
    params: { intermediateDim: 2048, numHeads: 8 },
    inputs: [
      [null, 256],
      [null, 256],
    ],
    out: [null, 256],
    count: 1_578_752,
  },
  { type: 'TransformerDecoder', params: { intermediateDim: 2048, numHeads: 8 }, inputs: [[null, 256]], out: [null, 256], count: 1_315_072 },
  {
    type: 'TransformerDecoder',
    params: { intermediateDim: 8, numHeads: 2 },
    inputs: [
      [5, 4],
      [7, 6],
    ],
    out: [5, 4],
    count: 276,
  },
  { type: 'TransformerDecoder', params: { intermediateDim: 8, numHeads: 3, activation: 'gelu', dropout: 0.1 }, inputs: [[5, 10]], out: [5, 10], count: 615 },
  { type: 'TransformerDecoder', params: { intermediateDim: 8, numHeads: 2 }, inputs: [[5, 4], [6]], out: 'on "context", but gets (6,)', handle: 'context' },
  { type: 'TransformerDecoder', params: { intermediateDim: 8, numHeads: 2 }, inputs: [[3, 3, 4]], out: 'Reshape it to (timesteps, 4)', handle: 'input' },
];

const valid = cases.filter((c): c is Case & { out: Shape; count: number } => typeof c.out !== 'string');

describe('sequence layer shape rules and parameter counts', () => {
  it.each(cases)('$type $params on $inputs', ({ type, params, inputs, out, extra, count, handle }) => {
    const def = getLayer(type)!;
    const p = def.params.parse(params);
    const result = def.outputShape(p, inputs);
    if (typeof out === 'string') {
      expect(result.ok).toBe(false);
      if (!result.ok) {
        expect(result.message + ' ' + (result.fix ?? '')).toContain(out);
        expect(result.handle).toBe(handle);
        expect(result.fix, 'errors say how to fix them').toBeTruthy();
      }
      return;
    }
    expect(result).toEqual(extra ? { ok: true, shape: out, extra } : { ok: true, shape: out });
    expect(def.paramCount(p, inputs)).toBe(count);
  });

  it('names the state outputs so a decoder can take them', () => {
    const names = (type: string, params: Record<string, unknown>) => outputNames(getLayer(type)!, getLayer(type)!.params.parse(params));
    const all = [names('LSTM', { returnState: true }), names('GRU', { returnState: true }), names('SimpleRNN', { returnState: true }), names('LSTM', {})];
    expect(all).toEqual([['output', 'state_h', 'state_c'], ['output', 'state_h'], ['output', 'state_h'], ['output']]);
    expect(getLayer('LSTM')!.inputs[1]).toMatchObject({ name: 'initial_state', optional: true, multiple: true });
    expect(getLayer('MultiHeadAttention')!.inputs.map((h) => [h.name, h.optional ?? false])).toEqual([
      ['query', false],
      ['value', false],
      ['key', true],
    ]);
  });
});

/** Token-id inputs get integers below the vocabulary; everything else gets noise. Unknown dims run as 5. */
function sample(type: string, params: Record<string, unknown>, shape: Shape, batch: number): tf.Tensor {
  const dims = [batch, ...shape.map((d) => d ?? 5)];
  const vocab = type === 'Embedding' ? params.inputDim : type === 'TokenAndPositionEmbedding' ? params.vocabularySize : null;
  return typeof vocab === 'number' ? tf.randomUniform(dims, 0, vocab, 'int32').toFloat() : tf.randomNormal(dims);
}

function buildCase(c: Case, name: string) {
  const def = getLayer(c.type)!;
  const inputs = c.inputs.map((s) => tf.input({ shape: [...s] }));
  const out = buildLayer(tf, def.type, def.params.parse(c.params), name, inputs);
  const outputs = Array.isArray(out) ? [...out] : [out as tf.SymbolicTensor];
  const model = tf.model({ inputs, outputs });
  const batch = (n: number) => c.inputs.map((s) => sample(c.type, c.params, s, n));
  return { model, outputs, batch };
}

const predictAll = (model: tf.LayersModel, xs: tf.Tensor[]) => [model.predict(xs)].flat();

/** One epoch on a batch; true when the loss is a finite number. */
async function fitOnce(model: tf.LayersModel, xs: tf.Tensor[], ys: tf.Tensor, loss: string): Promise<boolean> {
  model.compile({ optimizer: 'adam', loss });
  const history = await model.fit(xs, ys, { epochs: 1, verbose: 0 });
  return Number.isFinite(history.history.loss![0]);
}

/** Small configs only: tfjs on the cpu backend is slow, and Keras's large examples are counted above without building. */
const small = valid.filter((c) => c.count < 100_000);

describe('sequence layers in tfjs', () => {
  it.each(small)('builds $type $params with the shapes and weight count we predict', (c) => {
    const { model, batch } = buildCase(c, `${c.type.toLowerCase()}_fwd`);
    expect(model.countParams()).toBe(c.count);
    const results = predictAll(model, batch(2));
    const expected = [c.out, ...(c.extra ?? [])].map((s) => [2, ...s.map((d) => d ?? 5)]);
    expect(results.map((r) => r.shape)).toEqual(expected);
    for (const r of results) expect(Array.from(r.dataSync()).every(Number.isFinite)).toBe(true);
    tf.dispose(results);
    model.dispose();
  });

  it.each(small.filter((c) => c.count > 0))('trains $type $params for one epoch and saves/loads it', async (c) => {
    const { model, outputs, batch } = buildCase(c, `${c.type.toLowerCase()}_fit`);
    // tfjs 4.22 cannot fit outputs of different ranks together (it adds their unreduced losses), and LayerLab's
    // models only ever output the first output of their last layers, so train on that one.
    const trained = tf.model({ inputs: model.inputs, outputs: outputs[0]! });
    const xs = batch(4);
    const ys = tf.randomNormal((trained.predict(xs) as tf.Tensor).shape);
    expect(await fitOnce(trained, xs, ys, 'meanSquaredError')).toBe(true);
    let artifacts: tf.io.ModelArtifacts | undefined;
    await model.save(tf.io.withSaveHandler(async (a) => ((artifacts = a), { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON' } })));
    const loaded = await tf.loadLayersModel(tf.io.fromMemory(artifacts!));
    expect(loaded.countParams()).toBe(c.count);
    const probe = batch(2);
    const [before, after] = [predictAll(model, probe), predictAll(loaded, probe)];
    for (const [i, t] of before.entries()) expect(Array.from(after[i]!.dataSync())).toEqual(Array.from(t.dataSync()));
    tf.dispose([...xs, ys, ...probe, ...before, ...after]);
    [model, loaded].forEach((m) => m.dispose());
  });
});

/** A fresh model around one layer, for the behaviour tests below. */
function single(type: string, params: Record<string, unknown>, shapes: number[][], name: string) {
  const def = getLayer(type)!;
  const inputs = shapes.map((s) => tf.input({ shape: s }));
  const out = buildLayer(tf, def.type, def.params.parse(params), name, inputs);
  return tf.model({ inputs, outputs: (Array.isArray(out) ? out[0] : out) as tf.SymbolicTensor });
}

async function lossCurve(model: tf.LayersModel, xs: tf.Tensor | tf.Tensor[], ys: tf.Tensor, epochs = 20): Promise<number[]> {
  model.compile({ optimizer: tf.train.adam(0.02), loss: 'meanSquaredError' });
  const history = await model.fit(xs, ys, { epochs, batchSize: 8, verbose: 0 });
  return history.history.loss as number[];
}

describe('sequence layers learn', () => {
  // Toy target for the recurrent layers: the running mean of the first feature, which needs memory across steps.
  const seqX = tf.randomNormal([8, 6, 3], 0, 1, 'float32', 1);
  const meanTarget = tf.tidy(() => tf.mean(seqX.slice([0, 0, 0], [8, 6, 1]), 1));

  it.each([
    ['SimpleRNN', { units: 8 }],
    ['LSTM', { units: 8 }],
    ['GRU', { units: 8 }],
    ['GRU', { units: 8, resetAfter: false }],
    ['Bidirectional', { layer: 'GRU', units: 8 }],
  ])('%s %o lowers the loss over 20 steps', async (type, params) => {
    const seq = single(type, params, [[6, 3]], `${type.toLowerCase()}_learn`);
    const head = tf.layers.dense({ units: 1 }).apply(seq.outputs[0]!) as tf.SymbolicTensor;
    const losses = await lossCurve(tf.model({ inputs: seq.inputs, outputs: head }), seqX, meanTarget);
    expect(losses.every(Number.isFinite)).toBe(true);
    expect(losses.at(-1)!).toBeLessThan(losses[0]! * 0.7);
  });

  // Toy target for attention: copy each position's features shifted by one step, which needs mixing across positions.
  const attX = tf.randomNormal([8, 5, 8], 0, 1, 'float32', 2);
  const shifted = tf.tidy(() => tf.concat([attX.slice([0, 1, 0], [8, 4, 8]), tf.zeros([8, 1, 8])], 1));

  it.each([
    ['MultiHeadAttention', { numHeads: 2, keyDim: 4 }],
    ['TransformerEncoder', { numHeads: 2, intermediateDim: 16 }],
    ['TransformerEncoder', { numHeads: 2, intermediateDim: 16, normalizeFirst: true, dropout: 0.1 }],
    ['TransformerDecoder', { numHeads: 2, intermediateDim: 16 }],
  ])('%s %o lowers the loss over 20 steps', async (type, params) => {
    const shapes =
      type === 'MultiHeadAttention'
        ? [
            [5, 8],
            [5, 8],
          ]
        : [[5, 8]];
    const model = single(type, params, shapes, `${type.toLowerCase()}_learn`);
    const losses = await lossCurve(model, shapes.length > 1 ? [attX, attX] : attX, shifted);
    expect(losses.every(Number.isFinite)).toBe(true);
    expect(losses.at(-1)!).toBeLessThan(losses[0]! * 0.8);
  });

  it('trains the learned position tables and passes gradients around the sine encoding', async () => {
    const x = tf.input({ shape: [5, 4] });
    const projected = tf.layers.dense({ units: 4 }).apply(x) as tf.SymbolicTensor;
    const sine = getLayer('SinePositionEncoding')!;
    const pe = getLayer('PositionEmbedding')!;
    const s = buildLayer(tf, sine.type, sine.params.parse({}), 'sine_learn', [projected]) as tf.SymbolicTensor;
    const p = buildLayer(tf, pe.type, pe.params.parse({ sequenceLength: 5 }), 'pos_learn', [projected]) as tf.SymbolicTensor;
    const model = tf.model({ inputs: x, outputs: tf.layers.add().apply([projected, s, p]) as tf.SymbolicTensor });
    expect(model.countParams()).toBe(20 + 20);
    const losses = await lossCurve(model, tf.randomNormal([8, 5, 4]), tf.randomNormal([8, 5, 4]));
    expect(losses.at(-1)!).toBeLessThan(losses[0]!);
  });
});

describe('sequence layers compute what Keras computes', () => {
  it('the causal mask keeps every position blind to later ones', () => {
    const layers = [
      ['MultiHeadAttention', { numHeads: 2, keyDim: 4, useCausalMask: true }],
      ['TransformerDecoder', { numHeads: 2, intermediateDim: 8 }],
    ] as const;
    for (const [type, params] of layers) {
      const shapes =
        type === 'MultiHeadAttention'
          ? [
              [5, 8],
              [5, 8],
            ]
          : [[5, 8]];
      const model = single(type, params, shapes, `${type.toLowerCase()}_causal`);
      const a = tf.randomNormal([1, 5, 8]);
      const b = tf.concat([a.slice([0, 0, 0], [1, 3, 8]), tf.randomNormal([1, 2, 8])], 1);
      const run = (x: tf.Tensor) => model.predict(shapes.length > 1 ? [x, x] : x) as tf.Tensor;
      const [ya, yb] = [run(a), run(b)];
      const head = (y: tf.Tensor) => Array.from(y.slice([0, 0, 0], [1, 3, 8]).dataSync());
      expect(
        head(yb)
          .map((v, i) => Math.abs(v - head(ya)[i]!))
          .every((d) => d < 1e-5),
        type,
      ).toBe(true);
      expect(Array.from(yb.dataSync())).not.toEqual(Array.from(ya.dataSync()));
    }
  });

  it('the reset-after GRU cell follows the Keras 3 equations', () => {
    const model = single('GRU', { units: 2 }, [[2, 3]], 'gru_math');
    // Non-zero biases, so that where the recurrent bias enters (inside r ⊙ (U·h + b′)) matters.
    model.setWeights(model.getWeights().map((w, i) => (i === 2 ? tf.randomNormal(w.shape, 0, 1, 'float32', 3) : w)));
    const [kernel, recurrent, bias] = model.getWeights().map((w) => w.arraySync() as number[][]);
    expect(bias!.length).toBe(2);
    const xs = [
      [0.5, -1, 2],
      [1, 0.25, -0.5],
    ];
    const dot = (v: number[], m: number[][], col: number) => v.reduce((a, vi, i) => a + vi * m[i]![col]!, 0);
    const sig = (z: number) => 1 / (1 + Math.exp(-z));
    let h = [0, 0];
    for (const x of xs) {
      const fromX = (g: number, j: number) => dot(x, kernel!, g * 2 + j) + bias![0]![g * 2 + j]!;
      const fromH = (g: number, j: number) => dot(h, recurrent!, g * 2 + j) + bias![1]![g * 2 + j]!;
      h = [0, 1].map((j) => {
        const z = sig(fromX(0, j) + fromH(0, j));
        const r = sig(fromX(1, j) + fromH(1, j));
        const candidate = Math.tanh(fromX(2, j) + r * fromH(2, j));
        return z * h[j]! + (1 - z) * candidate;
      });
    }
    const y = Array.from((model.predict(tf.tensor3d([xs])) as tf.Tensor).dataSync());
    for (const j of [0, 1]) expect(y[j]).toBeCloseTo(h[j]!, 5);
  });

  it('the sine encoding is sin on even features and cos on odd ones', () => {
    const model = single('SinePositionEncoding', {}, [[3, 4]], 'sine_math');
    const y = (model.predict(tf.zeros([1, 3, 4])) as tf.Tensor).arraySync() as number[][][];
    expect(y[0]![0]).toEqual([0, 1, 0, 1]);
    expect(y[0]![2]![0]).toBeCloseTo(Math.sin(2), 5);
    expect(y[0]![2]![1]).toBeCloseTo(Math.cos(2), 5);
    expect(y[0]![2]![2]).toBeCloseTo(Math.sin(2 / 100), 5);
  });

  it('drops attention weights only while training', () => {
    const model = single(
      'MultiHeadAttention',
      { numHeads: 2, keyDim: 4, dropout: 0.5 },
      [
        [5, 8],
        [5, 8],
      ],
      'mha_dropout',
    );
    const x = tf.randomNormal([2, 5, 8]);
    const run = (training: boolean) => Array.from((model.apply([x, x], { training }) as tf.Tensor).dataSync());
    expect(run(false)).toEqual(run(false));
    expect(run(true)).not.toEqual(run(false));
  });

  it('registers every custom class a saved model may name', () => {
    const names = registerSequenceLayerClasses(tf);
    const known = tf.serialization.SerializationMap.getMap().classNameMap;
    for (const name of names) expect(known[name], name).toBeDefined();
    expect(names).toEqual(
      expect.arrayContaining(['GRUResetAfter', 'MultiHeadAttention', 'TransformerEncoder', 'TransformerDecoder', 'TokenAndPositionEmbedding']),
    );
  });

  it('recurrent kernels start orthogonal, and fast', () => {
    const started = Date.now();
    const model = single('LSTM', { units: 128 }, [[4, 16]], 'lstm_ortho');
    expect(Date.now() - started).toBeLessThan(3000);
    const recurrent = model.getWeights()[1]!;
    expect(recurrent.shape).toEqual([128, 512]);
    expect(tf.max(tf.abs(tf.sub(tf.matMul(recurrent, recurrent, false, true), tf.eye(128)))).dataSync()[0]).toBeLessThan(1e-4);
  });
});

/** An edge from a named output (state_h, state_c, …) or a second edge between the same two nodes. */
function wire(source: string, sourceHandle: string, target: string, targetHandle: string): EdgeDoc {
  return { id: `${source}.${sourceHandle}->${target}.${targetHandle}`, source, sourceHandle, target, targetHandle };
}

function project(nodes: Parameters<typeof graph>[0], edges: EdgeDoc[]) {
  const doc = { ...template('mlp-spirals'), graph: graph(nodes, edges) };
  return { doc, analysis: analyzeGraph(doc.graph) };
}

/**
 * For an encoder–decoder on a [7, 3] source and a [5, 4] target: the decoder really starts from the
 * encoder's state, since a different source changes its [5, 4] output. Returns the inputs used.
 */
function expectSourceMatters(model: tf.LayersModel, analysis: ReturnType<typeof analyzeGraph>): tf.Tensor[] {
  const inputs = analysis.inputs.map((id) => (id === 'source' ? tf.randomNormal([4, 7, 3]) : tf.randomNormal([4, 5, 4])));
  const other = analysis.inputs.map((id, i) => (id === 'source' ? tf.randomNormal([4, 7, 3]) : inputs[i]!));
  const [a, b] = [model.predict(inputs) as tf.Tensor, model.predict(other) as tf.Tensor];
  expect(a.shape).toEqual([4, 5, 4]);
  expect(Array.from(a.dataSync())).not.toEqual(Array.from(b.dataSync()));
  return inputs;
}

describe('sequence graphs analyse and build', () => {
  it('self-attention: one node feeds both query and value', () => {
    const { doc, analysis } = project(
      [node('tokens', 'InputLayer', { shape: [10, 8] }), node('attn', 'MultiHeadAttention', { numHeads: 2, keyDim: 4 }), node('head', 'Dense', { units: 3 })],
      [wire('tokens', 'output', 'attn', 'query'), wire('tokens', 'output', 'attn', 'value'), edge('attn', 'head')],
    );
    expect(analysis.issues).toEqual([]);
    expect(analysis.nodes.get('attn')!.shape).toEqual([10, 8]);
    expect(analysis.totalParams).toBe(288 + 27);
    const model = buildModel(tf, doc, analysis);
    expect(model.countParams()).toBe(analysis.totalParams);
    expect((model.predict(tf.randomNormal([2, 10, 8])) as tf.Tensor).shape).toEqual([2, 10, 3]);
  });

  it('Transformer encoder–decoder: the encoder output is the decoder’s context', async () => {
    const { doc, analysis } = project(
      [
        ...[
          node('source', 'InputLayer', { shape: [12] }),
          node('source_embed', 'TokenAndPositionEmbedding', { vocabularySize: 50, sequenceLength: 12, embeddingDim: 16 }),
        ],
        ...[
          node('target', 'InputLayer', { shape: [10] }),
          node('target_embed', 'TokenAndPositionEmbedding', { vocabularySize: 60, sequenceLength: 10, embeddingDim: 16 }),
        ],
        node('encoder', 'TransformerEncoder', { numHeads: 2, intermediateDim: 32 }),
        node('decoder', 'TransformerDecoder', { numHeads: 2, intermediateDim: 32 }),
        node('next_token', 'Dense', { units: 60, activation: 'softmax' }),
      ],
      [edge('source', 'source_embed'), edge('source_embed', 'encoder'), edge('target', 'target_embed'), edge('target_embed', 'decoder')].concat([
        edge('encoder', 'decoder', 'context'),
        edge('decoder', 'next_token'),
      ]),
    );
    expect(analysis.issues).toEqual([]);
    expect(analysis.nodes.get('encoder')!.shape).toEqual([12, 16]);
    expect(analysis.nodes.get('decoder')!.shape).toEqual([10, 16]);
    // Embeddings (50+12)·16 and (60+10)·16; encoder 1,088 + 64 + 1,072; decoder adds cross-attention 1,088 + 32; Dense 16·60+60.
    expect(analysis.nodes.get('encoder')!.params).toBe(2_224);
    expect(analysis.nodes.get('decoder')!.params).toBe(3_344);
    expect(analysis.totalParams).toBe(992 + 2_224 + 1_120 + 3_344 + 1_020);
    const model = buildModel(tf, doc, analysis);
    expect(model.countParams()).toBe(analysis.totalParams);
    const ids = (vocab: number, length: number) => tf.randomUniform([4, length], 0, vocab, 'int32').toFloat();
    const inputs = analysis.inputs.map((id) => (id === 'source' ? ids(50, 12) : ids(60, 10)));
    expect((model.predict(inputs) as tf.Tensor).shape).toEqual([4, 10, 60]);
    expect(await fitOnce(model, inputs, tf.randomUniform([4, 10, 1], 0, 60, 'int32').toFloat(), 'sparseCategoricalCrossentropy')).toBe(true);
  });

  it('LSTM encoder–decoder: state_h and state_c start the decoder', async () => {
    const { doc, analysis } = project(
      [
        node('source', 'InputLayer', { shape: [7, 3] }),
        node('encoder', 'LSTM', { units: 8, returnState: true }),
        node('target', 'InputLayer', { shape: [5, 4] }),
      ].concat([node('decoder', 'LSTM', { units: 8, returnSequences: true }), node('out', 'Dense', { units: 4 })]),
      [edge('source', 'encoder'), edge('target', 'decoder'), edge('decoder', 'out')]
        // Order matters, as in Keras's initial_state=[h, c]: state_h first, then state_c.
        .concat([wire('encoder', 'state_h', 'decoder', 'initial_state'), wire('encoder', 'state_c', 'decoder', 'initial_state')]),
    );
    expect(analysis.issues).toEqual([]);
    expect(analysis.nodes.get('encoder')!.outputNames).toEqual(['output', 'state_h', 'state_c']);
    expect(analysis.nodes.get('encoder')!.outputShapes).toEqual([[8], [8], [8]]);
    expect(analysis.nodes.get('decoder')!.shape).toEqual([5, 8]);
    expect(analysis.totalParams).toBe(384 + 416 + 36);
    const model = buildModel(tf, doc, analysis);
    expect(model.countParams()).toBe(analysis.totalParams);
    const inputs = expectSourceMatters(model, analysis);
    expect(await fitOnce(model, inputs, tf.randomNormal([4, 5, 4]), 'meanSquaredError')).toBe(true);
  });

  it.each([true, false])('GRU encoder–decoder (reset after %s): the encoder’s state_h starts the decoder, and both train', async (resetAfter) => {
    const { doc, analysis } = project(
      [
        node('source', 'InputLayer', { shape: [7, 3] }),
        node('encoder', 'GRU', { units: 6, returnState: true, resetAfter }),
        node('target', 'InputLayer', { shape: [5, 4] }),
      ].concat([node('decoder', 'GRU', { units: 6, returnSequences: true, resetAfter }), node('out', 'Dense', { units: 4 })]),
      [edge('source', 'encoder'), edge('target', 'decoder'), edge('decoder', 'out'), wire('encoder', 'state_h', 'decoder', 'initial_state')],
    );
    expect(analysis.issues).toEqual([]);
    expect(analysis.nodes.get('encoder')!.outputNames).toEqual(['output', 'state_h']);
    const model = buildModel(tf, doc, analysis);
    expect(model.countParams()).toBe(analysis.totalParams);
    const inputs = expectSourceMatters(model, analysis);
    // The encoder learns through the state it hands over: its weights move in one step.
    const before = model
      .getLayer('encoder')
      .getWeights()
      .map((w) => w.dataSync().slice());
    expect(await fitOnce(model, inputs, tf.randomNormal([4, 5, 4]), 'meanSquaredError')).toBe(true);
    const after = model
      .getLayer('encoder')
      .getWeights()
      .map((w) => w.dataSync());
    expect(after.some((w, i) => w.some((v, j) => v !== before[i]![j]))).toBe(true);
  });

  it('says which state is missing when only state_h reaches an LSTM decoder', () => {
    const { analysis } = project(
      [
        node('source', 'InputLayer', { shape: [7, 3] }),
        node('encoder', 'LSTM', { units: 8, returnState: true }),
        node('target', 'InputLayer', { shape: [5, 4] }),
        node('decoder', 'LSTM', { units: 8 }),
      ],
      [edge('source', 'encoder'), edge('target', 'decoder'), wire('encoder', 'state_h', 'decoder', 'initial_state')],
    );
    expect(analysis.issues).toEqual([expect.objectContaining({ nodeId: 'decoder', handle: 'initial_state', message: expect.stringContaining('2 states') })]);
  });
});
