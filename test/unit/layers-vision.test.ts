import * as tf from '@tensorflow/tfjs';
import { buildLayer } from '../../app/layers/builders/registry';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { analyzeGraph } from '../../app/analysis/analyze';
import { VISION_LAYERS } from '../../app/layers/catalog-vision';
import { fieldsOf } from '../../app/layers/fields';
import { getLayer } from '../../app/layers/registry';
import type { Shape } from '../../app/layers/types';
import { transposeOutput, windowOutput } from '../../app/layers/windows';
import { edge, graph, node } from './helpers';

interface Case {
  readonly type: string;
  readonly params: Record<string, unknown>;
  readonly inputs: Shape[];
  /** Expected output shape, or a fragment of the error message. */
  readonly out: Shape | string;
  /** Keras's parameter count for the same layer and input (all weights). */
  readonly keras: number;
  /** Keras's non-trainable part of `keras`. */
  readonly frozen?: number;
  /** For errors: a fragment of the fix, and the handle the error points at. */
  readonly fix?: string;
  readonly handle?: string;
}

const ok = (type: string, params: Record<string, unknown>, inputs: Shape[], out: Shape, keras = 0, frozen = 0): Case => ({
  type,
  params,
  inputs,
  out,
  keras,
  frozen,
});
const bad = (type: string, params: Record<string, unknown>, inputs: Shape[], out: string, fix?: string, handle?: string): Case => ({
  type,
  params,
  inputs,
  out,
  keras: 0,
  ...(fix ? { fix } : {}),
  ...(handle ? { handle } : {}),
});

const NEEDS_IMAGES = 'needs images shaped (height, width, channels)';

const cases: Case[] = [
  ok('Conv1D', { filters: 32, kernelSize: [5] }, [[100, 1]], [96, 32], 192),
  ok('Conv1D', { filters: 16, padding: 'same' }, [[50, 8]], [50, 16], 400),
  ok('Conv1D', { filters: 8, strides: [2] }, [[11, 4]], [5, 8], 104),
  ok('Conv1D', { filters: 8, strides: [2], padding: 'same' }, [[11, 4]], [6, 8], 104),
  bad('Conv1D', { filters: 4, dilationRate: [2] }, [[10, 1]], 'Conv1D with dilationRate > 1 is valid Keras, but TensorFlow.js', 'Set dilationRate to 1'),
  ok('Conv1D', { filters: 8 }, [[null, 3]], [null, 8], 80),
  bad('Conv1D', {}, [[100]], 'Conv1D needs sequences shaped (steps, channels) but gets (100,).', 'Insert a Reshape to (100, 1) before it.'),
  bad(
    'Conv1D',
    {},
    [[28, 28, 1]],
    'but gets (28, 28, 1).',
    'Use Conv2D for images shaped (height, width, channels), or insert a Reshape to (28, 28) before it.',
  ),
  bad('Conv1D', { kernelSize: [5] }, [[3, 1]], "Conv1D's kernel (5) is larger than its input (3).", "Use padding 'same'"),
  bad('Conv1D', {}, [[10, null]], 'known number of channels'),

  ok('Conv2D', { filters: 32, activation: 'relu' }, [[28, 28, 1]], [26, 26, 32], 320),
  ok('Conv2D', { filters: 64, padding: 'same' }, [[13, 13, 32]], [13, 13, 64], 18_496),
  ok('Conv2D', { filters: 8, strides: [2, 2] }, [[28, 28, 3]], [13, 13, 8], 224),
  ok('Conv2D', { filters: 8, strides: [2, 2], padding: 'same' }, [[7, 7, 3]], [4, 4, 8], 224),
  ok('Conv2D', { filters: 4, kernelSize: [1, 5] }, [[10, 20, 2]], [10, 16, 4], 44),
  bad('Conv2D', { filters: 4, dilationRate: [2, 2] }, [[10, 10, 1]], 'cannot train it yet', 'Set dilationRate to 1'),
  ok('Conv2D', { filters: 8 }, [[null, null, 3]], [null, null, 8], 224),
  ok('Conv2D', { filters: 16, useBias: false }, [[8, 8, 4]], [6, 6, 16], 576),
  bad('Conv2D', {}, [[784]], 'Conv2D needs images shaped (height, width, channels) but gets (784,).', 'Insert a Reshape to (28, 28, 1) before it.'),
  bad('Conv2D', {}, [[10]], NEEDS_IMAGES, 'Insert a Reshape to (10, 1, 1) before it.'),
  bad('Conv2D', {}, [[28, 28]], NEEDS_IMAGES, 'Use Conv1D for sequences shaped (steps, channels), or insert a Reshape to (28, 28, 1) before it.'),
  bad('Conv2D', {}, [[4, 28, 28, 1]], NEEDS_IMAGES, 'Reshape to (4, 28, 28)'),
  bad('Conv2D', { kernelSize: [5, 5] }, [[3, 3, 1]], "Conv2D's kernel (5×5) is larger than its input (3×3)."),
  bad('Conv2D', { dilationRate: [2, 2] }, [[4, 4, 1]], 'kernel (3×3, dilated to 5×5) is larger than its input (4×4)'),
  bad('Conv2D', { strides: [2, 2], dilationRate: [2, 2] }, [[28, 28, 1]], 'cannot combine strides > 1 with dilationRate > 1', 'Set strides to 1'),
  bad('Conv2D', {}, [[8, 8, null]], 'known number of channels'),

  ok('Conv2DTranspose', { filters: 32, strides: [2, 2], padding: 'same' }, [[7, 7, 64]], [14, 14, 32], 18_464),
  ok('Conv2DTranspose', { filters: 32, strides: [2, 2] }, [[7, 7, 64]], [15, 15, 32], 18_464),
  ok('Conv2DTranspose', { filters: 1 }, [[5, 5, 2]], [7, 7, 1], 19),
  ok('Conv2DTranspose', { filters: 2, kernelSize: [2, 2], strides: [3, 3] }, [[4, 4, 1]], [12, 12, 2], 10),
  ok('Conv2DTranspose', { filters: 4, strides: [2, 2] }, [[null, 7, 3]], [null, 15, 4], 112),
  bad('Conv2DTranspose', {}, [[784]], 'Conv2DTranspose needs images', 'Reshape to (28, 28, 1)'),

  ok('SeparableConv2D', { filters: 32 }, [[32, 32, 16]], [30, 30, 32], 688),
  ok('SeparableConv2D', { filters: 64, depthMultiplier: 2, padding: 'same', strides: [2, 2] }, [[16, 16, 8]], [8, 8, 64], 1_232),
  ok('SeparableConv2D', { filters: 8, useBias: false }, [[5, 5, 3]], [3, 3, 8], 51),
  bad('SeparableConv2D', { filters: 8, dilationRate: [2, 2] }, [[9, 9, 3]], 'cannot train it yet'),
  bad('SeparableConv2D', {}, [[28, 28]], NEEDS_IMAGES, 'Reshape to (28, 28, 1)'),
  bad('SeparableConv2D', {}, [[2, 2, 3]], 'kernel (3×3) is larger than its input (2×2)'),

  ok('MaxPooling1D', {}, [[96, 32]], [48, 32]),
  ok('MaxPooling1D', { poolSize: [3], strides: [1] }, [[10, 4]], [8, 4]),
  ok('MaxPooling1D', { padding: 'same' }, [[7, 3]], [4, 3]),
  ok('MaxPooling1D', { poolSize: [3], strides: [2] }, [[null, 5]], [null, 5]),
  bad('MaxPooling1D', {}, [[100]], 'MaxPooling1D needs sequences shaped (steps, channels) but gets (100,).', 'Reshape to (100, 1)'),
  bad('MaxPooling1D', {}, [[28, 28, 1]], 'but gets (28, 28, 1)', 'Use MaxPooling2D for images'),
  bad('MaxPooling1D', { poolSize: [5] }, [[3, 2]], "MaxPooling1D's pool window (5) is larger than its input (3).", 'smaller pool window'),
  ok('AveragePooling1D', {}, [[100, 8]], [50, 8]),
  ok('AveragePooling1D', { poolSize: [4] }, [[100, 8]], [25, 8]),
  ok('AveragePooling1D', { poolSize: [3], padding: 'same' }, [[10, 2]], [4, 2]),
  bad('AveragePooling1D', {}, [[100]], 'needs sequences'),

  ok('MaxPooling2D', {}, [[26, 26, 32]], [13, 13, 32]),
  ok('MaxPooling2D', {}, [[13, 13, 64]], [6, 6, 64]),
  ok('MaxPooling2D', { poolSize: [3, 3], strides: [2, 2] }, [[13, 13, 8]], [6, 6, 8]),
  ok('MaxPooling2D', { padding: 'same' }, [[7, 7, 4]], [4, 4, 4]),
  ok('MaxPooling2D', { strides: [1, 0] }, [[4, 6, 1]], [3, 3, 1]),
  ok('MaxPooling2D', {}, [[null, 8, 3]], [null, 4, 3]),
  bad('MaxPooling2D', {}, [[784]], 'MaxPooling2D needs images shaped (height, width, channels) but gets (784,).', 'Insert a Reshape to (28, 28, 1) before it.'),
  bad('MaxPooling2D', {}, [[100, 8]], NEEDS_IMAGES, 'Use MaxPooling1D for sequences'),
  bad('MaxPooling2D', {}, [[1, 1, 8]], "MaxPooling2D's pool window (2×2) is larger than its input (1×1)."),
  ok('AveragePooling2D', {}, [[28, 28, 6]], [14, 14, 6]),
  ok('AveragePooling2D', { poolSize: [3, 3], strides: [1, 1], padding: 'same' }, [[5, 5, 2]], [5, 5, 2]),
  bad('AveragePooling2D', {}, [[10, 10]], NEEDS_IMAGES, 'Use AveragePooling1D'),

  ok('GlobalAveragePooling1D', {}, [[200, 16]], [16]),
  ok('GlobalAveragePooling1D', {}, [[null, 16]], [16]),
  bad('GlobalAveragePooling1D', {}, [[16]], 'needs sequences shaped (steps, channels) but gets (16,)'),
  bad('GlobalAveragePooling1D', {}, [[7, 7, 3]], 'needs sequences', 'Use GlobalAveragePooling2D'),
  ok('GlobalMaxPooling1D', {}, [[96, 64]], [64]),
  bad('GlobalMaxPooling1D', {}, [[7, 7, 3]], 'needs sequences', 'Use GlobalMaxPooling2D'),
  ok('GlobalAveragePooling2D', {}, [[7, 7, 512]], [512]),
  ok('GlobalAveragePooling2D', {}, [[null, null, 3]], [3]),
  bad('GlobalAveragePooling2D', {}, [[10, 4]], NEEDS_IMAGES, 'Use GlobalAveragePooling1D'),
  ok('GlobalMaxPooling2D', {}, [[5, 5, 64]], [64]),
  bad('GlobalMaxPooling2D', {}, [[64]], NEEDS_IMAGES, 'Reshape to (8, 8, 1)'),

  ok('UpSampling2D', {}, [[7, 7, 64]], [14, 14, 64]),
  ok('UpSampling2D', { size: [3, 1] }, [[2, 5, 1]], [6, 5, 1]),
  ok('UpSampling2D', { interpolation: 'bilinear' }, [[4, 4, 2]], [8, 8, 2]),
  ok('UpSampling2D', {}, [[null, 4, 2]], [null, 8, 2]),
  bad('UpSampling2D', {}, [[64]], NEEDS_IMAGES, 'Reshape to (8, 8, 1)'),
  ok('ZeroPadding2D', {}, [[28, 28, 1]], [30, 30, 1]),
  ok('ZeroPadding2D', { padding: [2, 2] }, [[28, 28, 1]], [32, 32, 1]),
  ok('ZeroPadding2D', { padding: [1, 2, 3, 4] }, [[5, 5, 1]], [8, 12, 1]),
  ok('ZeroPadding2D', {}, [[null, 4, 2]], [null, 6, 2]),
  bad('ZeroPadding2D', {}, [[784]], NEEDS_IMAGES, 'Reshape to (28, 28, 1)'),
  ok('Cropping2D', {}, [[28, 28, 1]], [28, 28, 1]),
  ok('Cropping2D', { cropping: [2, 2] }, [[32, 32, 3]], [28, 28, 3]),
  ok('Cropping2D', { cropping: [4, 0, 0, 0] }, [[32, 32, 3]], [28, 32, 3]),
  ok('Cropping2D', { cropping: [1, 1, 2, 3] }, [[10, 10, 1]], [8, 5, 1]),
  bad('Cropping2D', { cropping: [1, 1] }, [[null, 10, 1]], 'Cropping2D on an image of unknown height or width is valid Keras', 'fixed image size'),
  bad('Cropping2D', { cropping: [14, 0] }, [[28, 28, 1]], 'Cropping2D removes 28 rows, but its (28, 28, 1) input has only 28.', 'Crop fewer than 28 rows'),
  bad('Cropping2D', { cropping: [0, 0, 10, 20] }, [[28, 28, 1]], 'removes 30 columns'),
  ok('Permute', {}, [[10, 64]], [64, 10]),
  ok('Permute', { dims: [3, 1, 2] }, [[28, 28, 3]], [3, 28, 28]),
  ok('Permute', { dims: [1] }, [[5]], [5]),
  ok('Permute', {}, [[null, 4]], [4, null]),
  bad('Permute', {}, [[28, 28, 1]], "Permute's dims 2, 1 reorder 2 axes, but its input (28, 28, 1) has 3.", 'e.g. 3, 2, 1'),
  ok('RepeatVector', { n: 10 }, [[64]], [10, 64]),
  ok('RepeatVector', { n: 3 }, [[null]], [3, null]),
  bad('RepeatVector', {}, [[28, 28]], 'RepeatVector needs flat vectors shaped (features,) but gets (28, 28).', 'Insert a Flatten before it.'),
  ok('TimeDistributed', { units: 10 }, [[20, 64]], [20, 10], 650),
  ok('TimeDistributed', { units: 4, useBias: false }, [[null, 8]], [null, 4], 32),
  ok('TimeDistributed', { units: 5, activation: 'relu' }, [[6, 4, 3]], [6, 4, 5], 20),
  bad('TimeDistributed', {}, [[100]], 'TimeDistributed needs a sequence shaped (steps, features) but gets (100,).', 'Insert a Reshape to (100, 1) before it.'),
  bad('TimeDistributed', {}, [[10, null]], 'known last dimension'),

  ok('BatchNormalization', {}, [[26, 26, 32]], [26, 26, 32], 128, 64),
  ok('BatchNormalization', {}, [[64]], [64], 256, 128),
  bad('BatchNormalization', { center: false, scale: false }, [[10]], 'BatchNormalization with center or scale off is valid Keras', 'Turn center and scale on'),
  bad('BatchNormalization', { axis: 1 }, [[5, 3]], 'on an axis other than the last', 'Use axis -1'),
  ok('BatchNormalization', {}, [[null, 6]], [null, 6], 24, 12),
  bad('BatchNormalization', { axis: 3 }, [[10, 4]], "BatchNormalization's axis 3 does not exist on an input shaped (10, 4).", 'Use an axis in 1…2 or -1…-2'),
  bad('BatchNormalization', { axis: 0 }, [[10]], 'axis 0 does not exist', 'axis 0 is the batch'),
  bad('BatchNormalization', {}, [[4, null]], 'needs a known size on axis -1'),
  ok('LayerNormalization', {}, [[20, 64]], [20, 64], 128),
  ok('LayerNormalization', {}, [[10]], [10], 20),
  bad('LayerNormalization', { center: false }, [[8]], 'with center or scale off'),
  ok('LayerNormalization', { axis: 1 }, [[5, 3]], [5, 3], 10),
  bad('LayerNormalization', { axis: -3 }, [[5, 3]], 'axis -3 does not exist'),

  ok('SpatialDropout1D', { rate: 0.2 }, [[100, 64]], [100, 64]),
  bad('SpatialDropout1D', {}, [[64]], 'SpatialDropout1D needs sequences shaped (steps, channels) but gets (64,).', 'Reshape to (64, 1)'),
  ok('GaussianNoise', { stddev: 0.1 }, [[28, 28, 1]], [28, 28, 1]),
  ok('GaussianNoise', {}, [[5]], [5]),

  ok(
    'Concatenate',
    {},
    [
      [28, 28, 16],
      [28, 28, 32],
    ],
    [28, 28, 48],
  ),
  ok('Concatenate', {}, [[64], [10]], [74]),
  ok('Concatenate', {}, [[4], [5], [6]], [15]),
  ok(
    'Concatenate',
    { axis: 1 },
    [
      [3, 5],
      [4, 5],
    ],
    [7, 5],
  ),
  ok(
    'Concatenate',
    { axis: -2 },
    [
      [3, 5],
      [4, 5],
    ],
    [7, 5],
  ),
  ok(
    'Concatenate',
    {},
    [
      [null, 5],
      [null, 3],
    ],
    [null, 8],
  ),
  ok(
    'Concatenate',
    { axis: 1 },
    [
      [null, 5],
      [4, 5],
    ],
    [null, 5],
  ),
  bad('Concatenate', {}, [[64]], 'Concatenate needs at least two inputs to join; it has 1.', "Connect another layer's output", 'inputs'),
  bad(
    'Concatenate',
    {},
    [[28, 28, 1], [784]],
    'Concatenate needs inputs with the same number of axes, but input 1 is (28, 28, 1) and input 2 is (784,).',
    undefined,
    'inputs',
  ),
  bad(
    'Concatenate',
    {},
    [
      [28, 28, 16],
      [14, 14, 16],
    ],
    'Concatenate joins along axis -1, so every other axis must match, but input 2 has 14 on axis 1 where input 1 has 28.',
    'Resize input 2 to 28 on axis 1',
    'inputs',
  ),
  bad(
    'Concatenate',
    {},
    [
      [4, 8],
      [4, 8],
      [5, 8],
    ],
    'input 3 has 5 on axis 1 where input 1 has 4',
    undefined,
    'inputs',
  ),
  bad(
    'Concatenate',
    { axis: 3 },
    [
      [4, 5],
      [4, 5],
    ],
    "Concatenate's axis 3 does not exist",
    undefined,
    'inputs',
  ),
  ok(
    'Add',
    {},
    [
      [28, 28, 32],
      [28, 28, 32],
    ],
    [28, 28, 32],
  ),
  ok('Add', {}, [[10], [10], [10]], [10]),
  ok('Add', {}, [[4, 8], [8]], [4, 8]),
  ok(
    'Add',
    {},
    [
      [4, 1],
      [1, 8],
    ],
    [4, 8],
  ),
  ok(
    'Add',
    {},
    [
      [null, 8],
      [1, 8],
    ],
    [null, 8],
  ),
  bad('Add', {}, [[10]], 'Add needs at least two inputs to add; it has 1.', undefined, 'inputs'),
  bad(
    'Add',
    {},
    [
      [28, 28, 16],
      [28, 28, 32],
    ],
    'Add needs inputs of the same shape, but input 1 is (28, 28, 16) and input 2 is (28, 28, 32): they differ on axis 3 (16 vs 32).',
    'or use Concatenate',
    'inputs',
  ),
  bad('Add', {}, [[10], [10], [5]], 'inputs 1–2 give (10,) and input 3 is (5,)', undefined, 'inputs'),
  ok('Subtract', {}, [[64], [64]], [64]),
  ok('Subtract', {}, [[4, 8], [8]], [4, 8]),
  ok('Subtract', {}, [[8], [4, 8]], [4, 8]),
  bad(
    'Subtract',
    {},
    [[64], [32]],
    'Subtract needs a and b of the same shape, but a is (64,) and b is (32,): they differ on axis 1 (64 vs 32).',
    undefined,
    'b',
  ),
  ok('Multiply', {}, [[64], [64]], [64]),
  ok(
    'Multiply',
    {},
    [
      [8, 8, 32],
      [1, 1, 32],
    ],
    [8, 8, 32],
  ),
  bad(
    'Multiply',
    {},
    [
      [8, 8, 32],
      [8, 8, 16],
    ],
    'Multiply needs inputs of the same shape',
    undefined,
    'inputs',
  ),
  ok('Average', {}, [[10], [10], [10]], [10]),
  bad('Average', {}, [[10]], 'Average needs at least two inputs', undefined, 'inputs'),
  ok('Maximum', {}, [[64], [64]], [64]),
  bad('Maximum', {}, [[64], [65]], 'differ on axis 1 (64 vs 65)', undefined, 'inputs'),
];

const working = cases.filter((c) => typeof c.out !== 'string');
/** Unknown sizes are fed as this many when a case runs through tfjs. */
const FED = 6;
const concrete = (shape: Shape) => shape.map((d) => d ?? FED);

function buildModel(c: Case, name: string): { model: tf.LayersModel; output: tf.SymbolicTensor } {
  const def = getLayer(c.type)!;
  const inputs = c.inputs.map((s) => tf.input({ shape: [...s] as number[] }));
  const output = buildLayer(tf, def.type, def.params.parse(c.params), name, inputs) as tf.SymbolicTensor;
  return { model: tf.model({ inputs, outputs: output }), output };
}

/** tfjs-layers' SeparableConv2D.getConfig leaves out depthMultiplier, so such a model reloads with the wrong kernel shape. */
const tfjsDropsOnSave = (c: Case) => c.type === 'SeparableConv2D' && Number(c.params.depthMultiplier ?? 1) > 1;

const randomInputs = (c: Case) => c.inputs.map((s) => tf.randomUniform([2, ...concrete(s)]));

describe('vision layer shape rules and parameter counts', () => {
  it.each(cases)('$type $params on $inputs', ({ type, params, inputs, out, keras, frozen, fix, handle }) => {
    const def = getLayer(type)!;
    const p = def.params.parse(params);
    const result = def.outputShape(p, inputs);
    if (typeof out === 'string') {
      expect(result.ok).toBe(false);
      if (result.ok) return;
      expect(result.message).toContain(out);
      expect(result.fix ?? '').toContain(fix ?? '');
      if (handle) expect(result.handle).toBe(handle);
      return;
    }
    expect(result).toEqual({ ok: true, shape: out });
    expect(def.paramCount(p, inputs)).toBe(keras);
    expect(def.nonTrainableCount?.(p, inputs) ?? 0).toBe(frozen ?? 0);
  });

  it('counts Keras weights and sizes Keras windows even where tfjs cannot train the configuration', () => {
    const count = (type: string, params: Record<string, unknown>, shape: Shape) => {
      const def = getLayer(type)!;
      const p = def.params.parse(params);
      return [def.paramCount(p, [shape]), def.nonTrainableCount?.(p, [shape]) ?? 0];
    };
    expect(count('BatchNormalization', { center: false, scale: false }, [10])).toEqual([20, 20]);
    expect(count('BatchNormalization', { scale: false }, [10])).toEqual([30, 20]);
    expect(count('BatchNormalization', { axis: 1 }, [5, 3])).toEqual([20, 10]);
    expect(count('LayerNormalization', { center: false }, [8])).toEqual([8, 0]);
    expect(count('Conv2D', { filters: 4, dilationRate: [2, 2] }, [10, 10, 1])).toEqual([40, 0]);
    expect(count('SeparableConv2D', { filters: 8, dilationRate: [2, 2] }, [9, 9, 3])).toEqual([59, 0]);
    // Keras's conv_output_length: a 3-wide kernel dilated by 2 spans 5.
    expect(windowOutput(10, 3, 1, 'valid', 2)).toBe(6);
    expect(windowOutput(9, 3, 1, 'valid', 2)).toBe(5);
    expect(windowOutput(20, 3, 1, 'same', 2)).toBe(20);
    expect(windowOutput(null, 3, 2, 'valid')).toBeNull();
    // Keras's deconv_output_length: n·s + max(k − s, 0), which is (n − 1)·s + k only when k ≥ s.
    expect(transposeOutput(4, 2, 3, 'valid')).toBe(12);
    expect(transposeOutput(7, 3, 2, 'valid')).toBe(15);
    expect(transposeOutput(7, 3, 2, 'same')).toBe(14);
  });

  it('rejects malformed list params with a readable message', () => {
    const issue = (type: string, params: Record<string, unknown>) => getLayer(type)!.params.safeParse(params).error?.issues[0]?.message;
    expect(issue('Conv2D', { kernelSize: [3] })).toBe('give two numbers: height, width');
    expect(issue('Conv1D', { kernelSize: [3, 3] })).toBe('give one number (steps)');
    expect(issue('Cropping2D', { cropping: [1, 2, 3] })).toContain('give 2 numbers (height, width) or 4');
    expect(issue('Permute', { dims: [1, 1] })).toContain('each of 1…n exactly once');
    expect(issue('MaxPooling2D', { strides: [-1, 2] })).toBeDefined();
  });
});

describe('vision layers in tfjs', () => {
  it.each(working)('$type $params on $inputs: tfjs shape, weights and save/load match', async (c) => {
    const def = getLayer(c.type)!;
    const { model, output } = buildModel(c, `${c.type.toLowerCase()}_t`);
    expect(output.shape).toEqual([null, ...(c.out as Shape)]);
    expect(model.countParams()).toBe(c.keras);
    const trainable = model.trainableWeights.reduce((a, w) => a + w.shape.reduce<number>((x, d) => x * (d ?? 1), 1), 0);
    expect(trainable).toBe(c.keras - (c.frozen ?? 0));

    // Run on zeros with unknown sizes made concrete; our rule must predict the size tfjs really produces.
    const fed = def.outputShape(def.params.parse(c.params), c.inputs.map(concrete));
    const zeros = c.inputs.map((s) => tf.zeros([2, ...concrete(s)]));
    const predicted = model.predict(zeros) as tf.Tensor;
    expect(fed.ok && predicted.shape).toEqual(fed.ok && [2, ...fed.shape]);
    tf.dispose([...zeros, predicted]);

    if (!tfjsDropsOnSave(c)) {
      let saved: tf.io.ModelArtifacts | undefined;
      await model.save(
        tf.io.withSaveHandler(async (artifacts) => ((saved = artifacts), { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON' } })),
      );
      const loaded = await tf.loadLayersModel(tf.io.fromMemory(saved!));
      const xs = randomInputs(c);
      const before = model.predict(xs) as tf.Tensor;
      const after = loaded.predict(xs) as tf.Tensor;
      expect(after.shape).toEqual(before.shape);
      expect(tf.max(tf.abs(tf.sub(before, after))).dataSync()[0]).toBeLessThan(1e-5);
      tf.dispose([...xs, before, after]);
      loaded.dispose();
    }
    model.dispose();
  });

  // A trainable Dense in front of every input (where its size is known) makes the gradient flow back through the layer.
  it.each(working.filter((c) => c.keras > 0 || c.inputs.every((s) => s[s.length - 1] !== null)))(
    '$type $params on $inputs: one training step gives a finite loss',
    async (c) => {
      const def = getLayer(c.type)!;
      const inputs = c.inputs.map((s) => tf.input({ shape: [...s] as number[] }));
      const fed = inputs.map((x, i) => {
        const last = c.inputs[i]![c.inputs[i]!.length - 1];
        return last ? (tf.layers.dense({ units: last, name: `pre_${i}` }).apply(x) as tf.SymbolicTensor) : x;
      });
      const output = buildLayer(tf, def.type, def.params.parse(c.params), `${c.type.toLowerCase()}_fit`, fed) as tf.SymbolicTensor;
      const model = tf.model({ inputs, outputs: output });
      model.compile({ optimizer: 'sgd', loss: 'meanSquaredError' });
      const xs = randomInputs(c);
      const target = tf.zerosLike(model.predict(xs) as tf.Tensor);
      const history = await model.fit(xs, target, { epochs: 1, batchSize: 2, verbose: 0 });
      const loss = history.history.loss?.[0] as number;
      expect(Number.isFinite(loss)).toBe(true);
      tf.dispose([...xs, target]);
      model.dispose();
    },
  );
});

describe('vision layers in documents', () => {
  it("analyses Keras's MNIST convnet example to its 34,826 parameters", () => {
    const ids = ['in', 'c1', 'p1', 'c2', 'p2', 'flat', 'drop', 'out'];
    const g = graph(
      [
        node('in', 'InputLayer', { shape: [28, 28, 1] }),
        node('c1', 'Conv2D', { filters: 32, kernelSize: [3, 3], activation: 'relu' }),
        node('p1', 'MaxPooling2D', { poolSize: [2, 2] }),
        node('c2', 'Conv2D', { filters: 64, kernelSize: [3, 3], activation: 'relu' }),
        node('p2', 'MaxPooling2D', { poolSize: [2, 2] }),
        node('flat', 'Flatten'),
        node('drop', 'Dropout', { rate: 0.5 }),
        node('out', 'Dense', { units: 10, activation: 'softmax' }),
      ],
      ids.slice(1).map((id, i) => edge(ids[i]!, id)),
    );
    const a = analyzeGraph(g);
    expect(a.issues).toEqual([]);
    expect(a.ok).toBe(true);
    expect(a.totalParams).toBe(34_826);
    expect(a.trainableParams).toBe(34_826);
    expect(ids.map((id) => a.nodes.get(id)?.shape)).toEqual([[28, 28, 1], [26, 26, 32], [13, 13, 32], [11, 11, 64], [5, 5, 64], [1600], [1600], [10]]);
    expect(ids.map((id) => a.nodes.get(id)?.params)).toEqual([0, 320, 0, 18_496, 0, 0, 0, 16_010]);
  });

  it('explains a Conv2D fed a flat vector, and counts BatchNormalization statistics as non-trainable', () => {
    const a = analyzeGraph(
      graph([node('in', 'InputLayer', { shape: [784] }), node('c', 'Conv2D'), node('bn', 'BatchNormalization')], [edge('in', 'c'), edge('in', 'bn')]),
    );
    expect(a.issues).toContainEqual(
      expect.objectContaining({
        nodeId: 'c',
        message: 'Conv2D needs images shaped (height, width, channels) but gets (784,).',
        fix: 'Insert a Reshape to (28, 28, 1) before it.',
      }),
    );
    expect(a.nodes.get('bn')?.params).toBe(3_136);
    expect(a.nodes.get('bn')?.nonTrainable).toBe(1_568);
    expect(a.nonTrainableParams).toBe(1_568);
  });

  it('merges every connection of the inputs handle, and Subtract takes a and b', () => {
    const a = analyzeGraph(
      graph(
        [
          node('x', 'InputLayer', { shape: [16] }),
          node('d1', 'Dense', { units: 8 }),
          node('d2', 'Dense', { units: 8 }),
          node('d3', 'Dense', { units: 4 }),
        ].concat([node('add', 'Add'), node('cat', 'Concatenate'), node('sub', 'Subtract')]),
        [
          edge('x', 'd1'),
          edge('x', 'd2'),
          edge('x', 'd3'),
          edge('d1', 'add', 'inputs'),
          edge('d2', 'add', 'inputs'),
          edge('add', 'cat', 'inputs'),
          edge('d3', 'cat', 'inputs'),
          edge('cat', 'sub', 'a'),
          edge('d3', 'sub', 'b'),
        ],
      ),
    );
    expect(a.nodes.get('add')?.shape).toEqual([8]);
    expect(a.nodes.get('cat')?.shape).toEqual([12]);
    expect(a.nodes.get('sub')?.issues).toContainEqual(expect.objectContaining({ handle: 'b', message: expect.stringContaining('a is (12,) and b is (4,)') }));
  });
});

describe('vision catalog', () => {
  it('lists each layer once, with inspector fields that all have a title and a description', () => {
    const types = VISION_LAYERS.map((l) => l.type);
    expect(new Set(types).size).toBe(types.length);
    expect(types).toHaveLength(28);
    for (const def of VISION_LAYERS) {
      expect(getLayer(def.type), def.type).toBe(def);
      expect(
        cases.some((c) => c.type === def.type && typeof c.out !== 'string'),
        `${def.type} has a working case`,
      ).toBe(true);
      for (const [key, schema] of Object.entries(def.params.shape)) {
        const meta = (schema as z.ZodType).meta();
        expect(meta?.title, `${def.type}.${key}`).toBeTruthy();
        expect(String(meta?.description).length, `${def.type}.${key}`).toBeGreaterThan(10);
      }
      expect(fieldsOf(def.params).map((f) => f.key)).toEqual(Object.keys(def.params.shape));
    }
  });
});
