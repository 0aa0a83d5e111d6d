import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seededRandom } from '../../app/data/synthetic';
import { registerWasmTrainingKernels } from '../../main/engine/kernels/register';
import { collapsePermutation } from '../../main/engine/kernels/transpose';

beforeAll(async () => {
  await tf.setBackend('wasm');
  registerWasmTrainingKernels(tf);
});

function random(shape: readonly number[], seed: number, round = false): tf.Tensor {
  const rand = seededRandom(seed);
  const values = Float32Array.from({ length: shape.reduce((a, d) => a * d, 1) }, () => (round ? Math.round(rand() * 2) : rand() * 2 - 1));
  return tf.tensor(values, [...shape]);
}

/** Runs `fn` on the cpu backend and on wasm (with our kernels) and returns both results. */
async function onBoth(fn: () => tf.Tensor, cpuFn: () => tf.Tensor = fn): Promise<[Float32Array, Float32Array]> {
  await tf.setBackend('cpu');
  const cpu = tf.tidy(cpuFn).dataSync() as Float32Array;
  await tf.setBackend('wasm');
  const wasm = tf.tidy(fn).dataSync() as Float32Array;
  return [cpu, wasm];
}

/** The largest error, as a share of the largest value of the cpu result. */
function maxRelativeError(a: Float32Array, b: Float32Array): number {
  expect(b.length).toBe(a.length);
  let scale = 1e-6;
  let worst = 0;
  for (const v of a) scale = Math.max(scale, Math.abs(v));
  for (let i = 0; i < a.length; i++) worst = Math.max(worst, Math.abs(a[i]! - b[i]!));
  return worst / scale;
}

/** The worst error seen per kernel, printed at the end (bench/README.md quotes them). */
const worst = new Map<string, number>();
async function expectClose(kernel: string, fn: () => tf.Tensor, cpuFn?: () => tf.Tensor): Promise<void> {
  const [cpu, wasm] = await onBoth(fn, cpuFn);
  const error = maxRelativeError(cpu, wasm);
  worst.set(kernel, Math.max(worst.get(kernel) ?? 0, error));
  expect(error).toBeLessThan(1e-4);
}
afterAll(() =>
  console.log(`max relative error per kernel: ${JSON.stringify(Object.fromEntries([...worst].map(([k, v]) => [k, Number(v.toExponential(2))])))}`),
);

const run = (name: string, inputs: Record<string, tf.Tensor>, attrs: Record<string, unknown>) => tf.engine().runKernel<tf.Tensor>(name, inputs, attrs as never);
type Pad = 'valid' | 'same' | number;

describe('convolution gradients on wasm, checked against the cpu backend', () => {
  const convCases: { x: number[]; k: number[]; s: number | [number, number]; pad: Pad }[] = [
    { x: [2, 9, 9, 3], k: [3, 3, 3, 5], s: 1, pad: 'valid' },
    { x: [2, 9, 9, 3], k: [3, 3, 3, 5], s: 2, pad: 'valid' },
    { x: [1, 10, 7, 2], k: [3, 2, 2, 4], s: 2, pad: 'same' },
    { x: [3, 8, 8, 1], k: [5, 5, 1, 6], s: 1, pad: 'same' },
    { x: [2, 11, 11, 4], k: [3, 3, 4, 2], s: 3, pad: 'valid' },
    { x: [1, 12, 12, 2], k: [4, 4, 2, 3], s: 2, pad: 'same' },
    { x: [2, 9, 8, 3], k: [3, 3, 3, 2], s: [2, 1], pad: 'same' },
    // tfjs sizes a numeric padding from the height's stride and kernel alone, so only square ones are consistent.
    { x: [2, 9, 8, 3], k: [3, 3, 3, 2], s: 2, pad: 1 },
    { x: [2, 6, 6, 3], k: [1, 1, 3, 4], s: 2, pad: 'valid' },
    { x: [8, 28, 28, 1], k: [5, 5, 1, 6], s: 1, pad: 'same' },
    { x: [8, 14, 14, 6], k: [5, 5, 6, 16], s: 1, pad: 'valid' },
    // Past the generated kernel's first tile: taps in two tiles, filters in two, a partial lane.
    { x: [2, 9, 9, 1], k: [7, 7, 1, 5], s: 1, pad: 'same' },
    { x: [2, 7, 7, 8], k: [3, 3, 8, 22], s: 2, pad: 'same' },
    { x: [2, 7, 7, 16], k: [3, 3, 16, 16], s: 1, pad: 'valid' },
    // Many channels: XNNPACK's route.
    { x: [2, 6, 6, 32], k: [3, 3, 32, 8], s: 1, pad: 'same' },
  ];

  it.each(convCases)('Conv2DBackpropFilter: x $x, kernel $k, stride $s, pad $pad', async ({ x, k, s, pad }) => {
    const [input, filter] = [random(x, 1), random(k, 2)];
    await expectClose('Conv2DBackpropFilter', () =>
      tf.grad((f: tf.Tensor) =>
        tf
          .conv2d(input as tf.Tensor4D, f as tf.Tensor4D, s, pad)
          .square()
          .sum(),
      )(filter),
    );
  });

  it.each(convCases)('Conv2DBackpropInput: x $x, kernel $k, stride $s, pad $pad', async ({ x, k, s, pad }) => {
    const [input, filter] = [random(x, 3), random(k, 4)];
    await expectClose('Conv2DBackpropInput', () =>
      tf.grad((v: tf.Tensor) =>
        tf
          .conv2d(v as tf.Tensor4D, filter as tf.Tensor4D, s, pad)
          .square()
          .sum(),
      )(input),
    );
  });

  it.each([
    { x: [2, 4, 4, 3], k: [3, 3, 2, 3], s: 2, pad: 'same' as const, out: [2, 8, 8, 2] },
    { x: [1, 5, 5, 2], k: [3, 3, 4, 2], s: 2, pad: 'valid' as const, out: [1, 11, 11, 4] },
    { x: [2, 3, 3, 4], k: [2, 2, 1, 4], s: 3, pad: 'valid' as const, out: [2, 9, 9, 1] },
  ])('Conv2DTranspose (Conv2DBackpropInput forward): x $x, kernel $k, stride $s, $pad', async ({ x, k, s, pad, out }) => {
    const [input, filter] = [random(x, 5), random(k, 6)];
    await expectClose('Conv2DBackpropInput', () =>
      tf.conv2dTranspose(input as tf.Tensor4D, filter as tf.Tensor4D, out as [number, number, number, number], s, pad),
    );
  });

  const depthwise: { x: number[]; k: number[]; s: number; d: number; pad: Pad }[] = [
    { x: [2, 9, 9, 3], k: [3, 3, 3, 1], s: 1, d: 1, pad: 'valid' },
    { x: [2, 9, 9, 3], k: [3, 3, 3, 2], s: 2, d: 1, pad: 'same' },
    { x: [1, 10, 7, 2], k: [5, 5, 2, 3], s: 2, d: 1, pad: 'valid' },
    { x: [3, 8, 8, 4], k: [3, 2, 4, 1], s: 3, d: 1, pad: 'same' },
    { x: [2, 7, 7, 2], k: [3, 3, 2, 2], s: 1, d: 1, pad: 1 },
    { x: [2, 11, 11, 2], k: [3, 3, 2, 2], s: 1, d: 2, pad: 'valid' },
    { x: [1, 12, 12, 3], k: [3, 3, 3, 1], s: 2, d: 2, pad: 'same' },
  ];

  /**
   * The cpu backend's depthwise gradients ignore dilation (tfjs only asks for dilation 1), so a
   * dilated case is checked against the undilated gradient of the filter with zeros between its taps.
   */
  function spreadFilter(f: tf.Tensor, d: number): tf.Tensor {
    if (d === 1) return f;
    const [kh, kw, c, m] = f.shape as number[];
    const grid = tf.pad(f.reshape([kh!, 1, kw!, 1, c!, m!]), [
      [0, 0],
      [0, d - 1],
      [0, 0],
      [0, d - 1],
      [0, 0],
      [0, 0],
    ]);
    return grid.reshape([kh! * d, kw! * d, c!, m!]).slice([0, 0, 0, 0], [(kh! - 1) * d + 1, (kw! - 1) * d + 1, c!, m!]);
  }

  it.each(depthwise)('DepthwiseConv2dNativeBackpropFilter: x $x, kernel $k, stride $s, dilation $d, pad $pad', async ({ x, k, s, d, pad }) => {
    const input = random(x, 7);
    const spread = [(k[0]! - 1) * d + 1, (k[1]! - 1) * d + 1, k[2]!, k[3]!];
    const dy = random((tf.depthwiseConv2d(input as tf.Tensor4D, spreadFilter(random(k, 8), d) as tf.Tensor4D, s, pad) as tf.Tensor).shape, 9);
    const attrs = { strides: s, pad, dimRoundingMode: undefined };
    const ours = () => run('DepthwiseConv2dNativeBackpropFilter', { x: input, dy }, { ...attrs, dilations: d, filterShape: k });
    const taps = (g: tf.Tensor) => (d === 1 ? g : tf.stridedSlice(g, [0, 0, 0, 0], g.shape, [d, d, 1, 1]));
    await expectClose('DepthwiseConv2dNativeBackpropFilter', ours, () =>
      taps(run('DepthwiseConv2dNativeBackpropFilter', { x: input, dy }, { ...attrs, dilations: 1, filterShape: spread })),
    );
  });

  it.each(depthwise)('DepthwiseConv2dNativeBackpropInput: x $x, kernel $k, stride $s, dilation $d, pad $pad', async ({ x, k, s, d, pad }) => {
    const filter = random(k, 10);
    const dy = random((tf.depthwiseConv2d(random(x, 11) as tf.Tensor4D, spreadFilter(filter, d) as tf.Tensor4D, s, pad) as tf.Tensor).shape, 12);
    const attrs = { strides: s, pad, dimRoundingMode: undefined, inputShape: x };
    await expectClose(
      'DepthwiseConv2dNativeBackpropInput',
      () => run('DepthwiseConv2dNativeBackpropInput', { dy, filter }, { ...attrs, dilations: d }),
      () => run('DepthwiseConv2dNativeBackpropInput', { dy, filter: spreadFilter(filter, d) }, { ...attrs, dilations: 1 }),
    );
  });

  it.each([
    { x: [2, 8, 8, 3], pool: 2, s: 2, pad: 'valid', ties: false },
    { x: [2, 7, 7, 3], pool: 3, s: 2, pad: 'same', ties: false },
    { x: [1, 6, 9, 2], pool: 3, s: 1, pad: 'valid', ties: false },
    { x: [2, 8, 8, 3], pool: 2, s: 2, pad: 'valid', ties: true },
    { x: [2, 9, 9, 2], pool: 3, s: 2, pad: 'same', ties: true },
    { x: [8, 28, 28, 6], pool: 2, s: 2, pad: 'valid', ties: false },
    { x: [2, 9, 7, 3], pool: 2, s: 2, pad: 'valid', ties: true },
    { x: [2, 9, 9, 2], pool: 3, s: 3, pad: 'valid', ties: true },
    { x: [2, 8, 6, 2], pool: 2, s: 2, pad: 'same', ties: true },
  ])('MaxPoolGrad: x $x, pool $pool, stride $s, $pad, ties $ties', async ({ x, pool, s, pad, ties }) => {
    // Negated, tied inputs make all-negative and all-zero windows, which the shipped kernel gets wrong.
    const input = ties ? random(x, 13, true).neg() : random(x, 13);
    await expectClose('MaxPoolGrad', () =>
      tf.grad((v: tf.Tensor) =>
        tf
          .maxPool(v as tf.Tensor4D, pool, s, pad as 'valid')
          .mul(random(tf.maxPool(input as tf.Tensor4D, pool, s, pad as 'valid').shape, 14))
          .sum(),
      )(input),
    );
  });
});

describe('matrix products and slices on wasm, checked against the cpu backend', () => {
  it.each([
    { a: [5, 7], b: [7, 3], ta: false, tb: false },
    { a: [7, 5], b: [7, 3], ta: true, tb: false },
    { a: [5, 7], b: [3, 7], ta: false, tb: true },
    { a: [7, 5], b: [3, 7], ta: true, tb: true },
    { a: [4, 5, 7], b: [7, 3], ta: false, tb: false },
    { a: [2, 3, 7, 5], b: [3, 7], ta: true, tb: true },
    { a: [6, 5, 7], b: [6, 7, 3], ta: false, tb: false },
    { a: [6, 7, 5], b: [6, 3, 7], ta: true, tb: true },
    { a: [2, 3, 5, 4], b: [2, 3, 6, 4], ta: false, tb: true },
    { a: [5, 7], b: [4, 7, 3], ta: false, tb: false },
    { a: [64, 784], b: [64, 128], ta: true, tb: false },
  ])('BatchMatMul $a × $b (transposed: $ta, $tb)', async ({ a, b, ta, tb }) => {
    const [x, y] = [random(a, 15), random(b, 16)];
    await expectClose('BatchMatMul', () => tf.matMul(x, y, ta, tb));
  });

  it.each([
    { ta: false, tb: false, activation: 'relu' as const },
    { ta: true, tb: false, activation: 'linear' as const },
    { ta: false, tb: true, activation: 'relu' as const },
  ])('_FusedMatMul with bias and $activation (transposed: $ta, $tb)', async ({ ta, tb, activation }) => {
    const [x, y, bias] = [random(ta ? [7, 5] : [5, 7], 17), random(tb ? [3, 7] : [7, 3], 18), random([3], 19)];
    await expectClose('_FusedMatMul', () => tf.fused.matMul({ a: x, b: y, transposeA: ta, transposeB: tb, bias, activation }));
  });

  it.each([
    { shape: [10], begin: [3], size: [4] },
    { shape: [5, 6], begin: [1, 2], size: [3, 4] },
    { shape: [4, 5, 6], begin: [0, 1, 0], size: [4, 3, 6] },
    { shape: [3, 4, 5, 6], begin: [1, 0, 2, 1], size: [2, 4, 2, 5] },
    { shape: [2, 3, 4, 5, 6], begin: [1, 1, 0, 2, 0], size: [1, 2, 4, 3, 6] },
    { shape: [2, 3, 2, 4, 2, 3], begin: [0, 1, 0, 1, 1, 0], size: [2, 2, 2, 3, 1, 3] },
    { shape: [6, 4], begin: [2, 0], size: [0, 4] },
  ])('Slice $size at $begin of $shape', async ({ shape, begin, size }) => {
    const x = random(shape, 20);
    await expectClose('Slice', () => tf.slice(x, begin, size));
  });

  it('StridedSlice, Unpack and SplitV', async () => {
    const x = random([4, 6, 5], 21);
    await expectClose('StridedSlice', () => tf.stridedSlice(x, [1, 0, 1], [3, 6, 4], [1, 1, 1]));
    await expectClose('StridedSlice', () => tf.stridedSlice(x, [0, 5, 0], [4, 0, 5], [2, -2, 2]));
    await expectClose('StridedSlice', () => tf.stridedSlice(x, [1, 2, 0], [2, 3, 5], [1, 1, 1], 0, 0, 0, 0, 3));
    for (const axis of [0, 1, 2])
      await expectClose('Unpack', () =>
        tf.stack(
          tf.unstack(x, axis).map((t) => t.mul(2)),
          axis,
        ),
      );
    await expectClose('SplitV', () => tf.concat(tf.split(x, [1, 3, 2], 1).reverse(), 1));
    await expectClose('SplitV', () => tf.concat(tf.split(x, 5, 2).reverse(), 2));
  });

  it.each([
    { shape: [40, 7], ids: [[3, 0, 39, 3, 12]], axis: 0, batchDims: 0 },
    { shape: [30, 20], ids: [[29, 1, 1, 0]], axis: 0, batchDims: 0 },
    {
      shape: [4, 9, 5],
      ids: [
        [8, 0, 4],
        [2, 2, 7],
      ],
      axis: 1,
      batchDims: 0,
    },
    {
      shape: [3, 6, 2],
      ids: [
        [5, 0],
        [1, 1],
        [4, 3],
      ],
      axis: 1,
      batchDims: 1,
    },
    { shape: [5, 3], ids: [[2, 1, 0, 2]], axis: 1, batchDims: 0 },
    { shape: [6, 4], ids: [[]], axis: 0, batchDims: 0 },
  ])('GatherV2 of $shape on axis $axis (batchDims $batchDims)', async ({ shape, ids, axis, batchDims }) => {
    const x = random(shape, 22);
    const indices = tf.tensor(ids.flat(), batchDims ? [ids.length, ids[0]!.length] : [ids.flat().length], 'int32');
    await expectClose('GatherV2', () => tf.gather(x, indices, axis, batchDims));
  });

  it('GatherV2 keeps int32 values exact and refuses an index outside the axis', async () => {
    await tf.setBackend('wasm');
    const labels = tf.tensor1d([7, -3, 2 ** 30, 0], 'int32');
    const taken = tf.gather(labels, tf.tensor1d([2, 0, 2, 1], 'int32'));
    expect(taken.dtype).toBe('int32');
    expect(Array.from(taken.dataSync())).toEqual([2 ** 30, 7, 2 ** 30, -3]);
    const before = tf.memory().numTensors;
    expect(() => tf.gather(random([5, 2], 23), tf.tensor1d([1, 5], 'int32'))).toThrow('GatherV2: the index value 5 is not in [0, 4]');
    expect(() => tf.gather(random([5, 2], 23), tf.tensor1d([-1], 'int32'))).toThrow('the index value -1');
    // The two inputs of each refused gather are all that is left; no half-made output leaks.
    expect(tf.memory().numTensors).toBe(before + 4);
  });

  it('Identity shares its input buffer until both tensors are gone', async () => {
    await tf.setBackend('wasm');
    const buffers = tf.memory().numDataBuffers;
    const x = random([300], 24);
    const copy = tf.clone(x);
    expect(tf.memory().numDataBuffers).toBe(buffers + 1);
    const doubled = tf.mul(copy, 2);
    x.dispose();
    // The clone still reads its values after the original is gone.
    expect(copy.dataSync()[5]).toBeCloseTo(doubled.dataSync()[5]! / 2, 6);
    copy.dispose();
    doubled.dispose();
    expect(tf.memory().numDataBuffers).toBe(buffers);
  });
});

describe('transposes, leading-axis sums and bias broadcasts on wasm, checked against the cpu backend', () => {
  it('merges axes that move together', () => {
    expect(collapsePermutation([64, 28, 28, 6], [1, 2, 0, 3])).toEqual({ shape: [64, 784, 6], perm: [1, 0, 2] });
    expect(collapsePermutation([64, 28, 28, 1], [3, 1, 2, 0])).toEqual({ shape: [64, 784], perm: [1, 0] });
    expect(collapsePermutation([2, 2, 896, 14, 6], [2, 0, 3, 1, 4])).toEqual({ shape: [2, 2, 896, 14, 6], perm: [2, 0, 3, 1, 4] });
    expect(collapsePermutation([3, 1, 4], [1, 0, 2])).toEqual({ shape: [12], perm: [0] });
  });

  it.each([
    { shape: [4, 5, 6, 3], perm: [1, 2, 0, 3] },
    { shape: [4, 5, 6, 1], perm: [3, 1, 2, 0] },
    { shape: [2, 3, 2, 4, 2, 3], perm: [0, 1, 3, 5, 2, 4] },
    { shape: [2, 2, 6, 3, 2], perm: [2, 0, 3, 1, 4] },
    { shape: [3, 1, 4], perm: [1, 0, 2] },
    { shape: [2, 3, 4], perm: [0, 1, 2] },
  ])('Transpose $shape by $perm', async ({ shape, perm }) => {
    const x = random(shape, 40);
    await expectClose('Transpose', () => tf.transpose(x, perm).mul(1));
  });

  it.each([
    { shape: [4, 5, 6, 3], axes: [0, 1, 2], keepDims: false },
    { shape: [4, 5, 6, 3], axes: [0, 1], keepDims: true },
    { shape: [7, 3], axes: [0], keepDims: false },
    { shape: [4, 5, 6], axes: [2, 0], keepDims: false },
    { shape: [4, 5, 6], axes: [1], keepDims: true },
    // The generated column sum: widths a multiple of 4 (one pass, then several), others read as
    // blocks of lcm(width, 4) with the rows after the last block, and a width past its registers.
    { shape: [3, 7, 8], axes: [0, 1], keepDims: false },
    { shape: [9, 60], axes: [0], keepDims: true },
    { shape: [5, 7, 6], axes: [0, 1], keepDims: false },
    { shape: [11, 13], axes: [0], keepDims: false },
    { shape: [9, 14], axes: [0], keepDims: false },
    { shape: [6, 30], axes: [0], keepDims: false },
  ])('Sum of $shape over $axes (keepDims $keepDims)', async ({ shape, axes, keepDims }) => {
    const x = random(shape, 41);
    await expectClose('Sum', () => tf.sum(x, axes, keepDims));
  });

  const ops = { Add: tf.add, Sub: tf.sub, Multiply: tf.mul, RealDiv: tf.div } as const;
  it.each([
    { big: [64, 7, 7, 6], small: [6] },
    { big: [32, 10, 16], small: [1, 16] },
    { big: [50, 12], small: [12] },
    { big: [9, 4, 5], small: [4, 5] },
    { big: [97, 3], small: [3] },
  ])('Add, Sub, Multiply and RealDiv of $big and $small, either way round', async ({ big, small }) => {
    const [a, b] = [random(big, 42), random(small, 43).add(2)];
    for (const [name, op] of Object.entries(ops)) {
      await expectClose(name, () => op(a, b));
      await expectClose(name, () => op(b, a));
    }
  });
});

describe('embedding gradients on wasm', () => {
  it.each([
    { rows: 50, width: 8, segments: 10 },
    { rows: 7, width: 1, segments: 3 },
  ])('UnsortedSegmentSum matches cpu with repeated ids ($rows rows into $segments)', async ({ rows, width, segments }) => {
    const rand = seededRandom(5);
    const ids = tf.tensor1d(
      Int32Array.from({ length: rows }, () => Math.floor(rand() * segments)),
      'int32',
    );
    const x = random([rows, width], 6);
    await expectClose('UnsortedSegmentSum', () => tf.unsortedSegmentSum(x, ids, segments));
  });

  it('an Embedding gradient (gather) matches cpu', async () => {
    const table = random([20, 4], 7);
    const ids = tf.tensor2d(
      [
        [1, 3, 3, 0],
        [19, 3, 2, 2],
      ],
      [2, 4],
      'int32',
    );
    await expectClose('UnsortedSegmentSum', () => tf.grad((w: tf.Tensor) => tf.gather(w, ids).square().sum())(table));
  });
});

describe('models train on wasm', () => {
  it('a small CNN and an Embedding model train with falling loss, leaking no tensors', async () => {
    await tf.setBackend('wasm');
    const cnn = tf.sequential({
      layers: [
        tf.layers.conv2d({ inputShape: [12, 12, 1], filters: 4, kernelSize: 3, strides: 2, activation: 'relu' }),
        tf.layers.flatten(),
        tf.layers.dense({ units: 2, activation: 'softmax' }),
      ],
    });
    cnn.compile({ optimizer: tf.train.adam(0.01), loss: 'categoricalCrossentropy' });
    const xs = random([32, 12, 12, 1], 8);
    const ys = tf.oneHot(
      tf.tensor1d(
        Int32Array.from({ length: 32 }, (_, i) => i % 2),
        'int32',
      ),
      2,
    );
    await cnn.fit(xs, ys, { epochs: 1, batchSize: 8, verbose: 0 });
    const before = tf.memory().numTensors;
    const h = await cnn.fit(xs, ys, { epochs: 15, batchSize: 8, verbose: 0 });
    expect(tf.memory().numTensors).toBe(before);
    expect(h.history.loss!.at(-1)!).toBeLessThan(h.history.loss![0]! as number);

    const emb = tf.sequential({
      layers: [tf.layers.embedding({ inputDim: 30, outputDim: 4, inputLength: 5 }), tf.layers.flatten(), tf.layers.dense({ units: 1, activation: 'sigmoid' })],
    });
    emb.compile({ optimizer: tf.train.adam(0.05), loss: 'binaryCrossentropy' });
    const ids = tf.tensor2d(
      Int32Array.from({ length: 40 * 5 }, (_, i) => (i * 7) % 30),
      [40, 5],
      'int32',
    );
    const labels = tf.tensor2d(
      Float32Array.from({ length: 40 }, (_, i) => i % 2),
      [40, 1],
    );
    const h2 = await emb.fit(ids, labels, { epochs: 15, batchSize: 8, verbose: 0 });
    expect(h2.history.loss!.at(-1)!).toBeLessThan(h2.history.loss![0]! as number);
  });
});
