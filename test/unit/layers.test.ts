import * as tf from '@tensorflow/tfjs';
import { buildLayer } from '../../app/layers/builders/registry';
import { describe, expect, it } from 'vitest';
import { getLayer, LAYERS } from '../../app/layers/registry';
import type { Shape } from '../../app/layers/types';

interface Case {
  readonly type: string;
  readonly params: Record<string, unknown>;
  readonly inputs: Shape[];
  /** Expected output shape, or a fragment of the error message. */
  readonly out: Shape | string;
  /** Keras's parameter count for the same layer and input. */
  readonly params_: number;
}

const cases: Case[] = [
  { type: 'InputLayer', params: { shape: [784] }, inputs: [], out: [784], params_: 0 },
  { type: 'InputLayer', params: { shape: [28, 28, 1] }, inputs: [], out: [28, 28, 1], params_: 0 },
  { type: 'Dense', params: { units: 128, activation: 'relu' }, inputs: [[784]], out: [128], params_: 100_480 },
  { type: 'Dense', params: { units: 10, activation: 'softmax' }, inputs: [[128]], out: [10], params_: 1_290 },
  { type: 'Dense', params: { units: 5, useBias: false }, inputs: [[10]], out: [5], params_: 50 },
  { type: 'Dense', params: { units: 8 }, inputs: [[3, 4]], out: [3, 8], params_: 40 },
  { type: 'Dense', params: { units: 8 }, inputs: [[null]], out: 'known last dimension', params_: 0 },
  { type: 'Activation', params: { activation: 'gelu' }, inputs: [[7, 3]], out: [7, 3], params_: 0 },
  { type: 'Activation', params: { activation: 'leakyRelu' }, inputs: [[5]], out: [5], params_: 0 },
  { type: 'Dropout', params: { rate: 0.3 }, inputs: [[64]], out: [64], params_: 0 },
  { type: 'Flatten', params: {}, inputs: [[28, 28, 1]], out: [784], params_: 0 },
  { type: 'Flatten', params: {}, inputs: [[784]], out: [784], params_: 0 },
  { type: 'Flatten', params: {}, inputs: [[null, 4]], out: 'every dimension known', params_: 0 },
  { type: 'Reshape', params: { targetShape: [28, 28, 1] }, inputs: [[784]], out: [28, 28, 1], params_: 0 },
  { type: 'Reshape', params: { targetShape: [-1, 7] }, inputs: [[784]], out: [112, 7], params_: 0 },
  { type: 'Reshape', params: { targetShape: [10, 10] }, inputs: [[784]], out: "Can't reshape (784,) (784 values) into (10, 10) (100 values)", params_: 0 },
  { type: 'Reshape', params: { targetShape: [-1, -1] }, inputs: [[784]], out: 'Only one dimension', params_: 0 },
  { type: 'Reshape', params: { targetShape: [-1, 5] }, inputs: [[784]], out: 'not divisible by 5', params_: 0 },
];

describe('layer shape rules and parameter counts', () => {
  it.each(cases)('$type $params on $inputs', ({ type, params, inputs, out, params_ }) => {
    const def = getLayer(type)!;
    const p = def.params.parse(params);
    const result = def.outputShape(p, inputs);
    if (typeof out === 'string') {
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.message).toContain(out);
      return;
    }
    expect(result).toEqual({ ok: true, shape: out });
    expect(def.paramCount(p, inputs)).toBe(params_);
  });

  it.each(cases.filter((c) => typeof c.out !== 'string' && c.type !== 'InputLayer'))(
    'tfjs builds $type with the shape and weight count we predict',
    ({ type, params, inputs, out, params_ }) => {
      const def = getLayer(type)!;
      const input = tf.input({ shape: inputs[0] as number[] });
      const output = buildLayer(tf, def.type, def.params.parse(params), `${type.toLowerCase()}_t`, [input]);
      const model = tf.model({ inputs: input, outputs: output as tf.SymbolicTensor });
      expect(model.countParams()).toBe(params_);
      const result = model.predict(tf.zeros([2, ...(inputs[0] as number[])])) as tf.Tensor;
      expect(result.shape).toEqual([2, ...(out as number[])]);
      tf.dispose(result);
      model.dispose();
    },
  );

  it('every layer has an explanation, a category and defaults that parse', () => {
    for (const def of LAYERS) {
      expect(def.explain.what.length, def.type).toBeGreaterThan(20);
      expect(def.explain.when.length, def.type).toBeGreaterThan(10);
      expect(() => def.params.parse({}), def.type).not.toThrow();
    }
  });

  it('activation layer offers every activation the curriculum names', () => {
    const fields = getLayer('Activation')!.params.shape.activation;
    const options = (fields as unknown as { unwrap(): { options: string[] } }).unwrap().options;
    for (const a of ['relu', 'sigmoid', 'tanh', 'softmax', 'gelu', 'elu', 'selu', 'leakyRelu', 'swish']) expect(options).toContain(a);
  });

  it('builds a Dense after a Reshape whose last dimension is inferred (-1)', () => {
    const input = tf.input({ shape: [784] });
    const reshaped = buildLayer(tf, 'Reshape', { targetShape: [28, -1] }, 'reshape_t', [input]) as tf.SymbolicTensor;
    expect(reshaped.shape).toEqual([null, 28, 28]);
    const dense = buildLayer(tf, 'Dense', getLayer('Dense')!.params.parse({ units: 5 }), 'dense_t', [reshaped]) as tf.SymbolicTensor;
    const model = tf.model({ inputs: input, outputs: dense });
    expect(model.countParams()).toBe(28 * 5 + 5);
    model.dispose();
  });
});
