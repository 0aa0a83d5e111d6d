import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import { beforeAll, describe, expect, it } from 'vitest';
import { seededRandom } from '../../app/data/synthetic';
import { filterGradInHeap, filterGradInHeapWins } from '../../main/engine/kernels/conv2d-backprop-filter';
import { registerWasmTrainingKernels } from '../../main/engine/kernels/register';
import { adamInHeap } from '../../main/engine/kernels/simd/adam';
import { columnSumInHeap, columnSumPlan } from '../../main/engine/kernels/simd/column-sum';
import { backendMemory, heapKernel, heapPointer } from '../../main/engine/kernels/simd/heap';
import { maxPoolGradKernel } from '../../main/engine/kernels/simd/max-pool-grad';
import { Code, I32, V128, wasmModule } from '../../main/engine/kernels/simd/wasm-code';

beforeAll(async () => {
  await tf.setBackend('wasm');
  registerWasmTrainingKernels(tf);
});

/** out[i] = a[i] · b[i] + c[i] over `count` f32x4 vectors: loads, stores, a loop, offsets. */
function multiplyAdd(count: number) {
  const code = new Code(4);
  const [a, b, c, out] = [0, 1, 2, 3];
  const v = code.local(V128);
  code.repeat(count, () => {
    code.load(a, 0).load(b, 0).f32x4('mul').load(c, 0).f32x4('add').set(v).store(out, 0, v);
    for (const p of [a, b, c, out]) code.bump(p, 16);
  });
  return { name: 'multiplyAdd', code };
}

describe('the WebAssembly writer', () => {
  it('writes a module that validates and computes on a memory it imports', () => {
    const bytes = wasmModule([multiplyAdd(3)], false);
    expect(WebAssembly.validate(bytes)).toBe(true);
    const memory = new WebAssembly.Memory({ initial: 1 });
    const f32 = new Float32Array(memory.buffer);
    for (let i = 0; i < 12; i++) [f32[i], f32[16 + i], f32[32 + i]] = [i, 2, -i];
    const run = new WebAssembly.Instance(new WebAssembly.Module(bytes), { env: { memory } }).exports.multiplyAdd as (...p: number[]) => void;
    run(0, 64, 128, 192);
    expect([...f32.subarray(48, 60)]).toEqual(Array.from({ length: 12 }, (_, i) => i));
  });

  it('imports a shared memory, as the threaded backend has', () => {
    const bytes = wasmModule([multiplyAdd(1)], true);
    const memory = new WebAssembly.Memory({ initial: 1, maximum: 16, shared: true });
    expect(() => new WebAssembly.Instance(new WebAssembly.Module(bytes), { env: { memory } })).not.toThrow();
  });

  it('encodes constants and offsets past one LEB128 byte', () => {
    const code = new Code(1);
    const big = code.local(I32);
    code
      .i32(-70000)
      .set(big)
      .i32(1 << 20)
      .set(big);
    expect(WebAssembly.validate(wasmModule([{ name: 'f', code }], false))).toBe(true);
    expect(() => new Code(1).load(0, -4)).toThrow(/non-negative/);
  });
});

function values(count: number, seed: number): Float32Array {
  const rand = seededRandom(seed);
  return Float32Array.from({ length: count }, () => rand() * 2 - 1);
}

const size = (shape: readonly number[]) => shape.reduce((a, d) => a * d, 1);

describe('the generated filter-gradient kernel', () => {
  it('runs on the backend heap for the shapes it wins, and matches the cpu backend', async () => {
    for (const [xShape, kShape, stride, pad] of [
      [[4, 28, 28, 1], [5, 5, 1, 6], 1, 'same'],
      [[4, 14, 14, 6], [5, 5, 6, 16], 1, 'valid'],
      [[3, 11, 9, 3], [3, 3, 3, 10], 2, 'same'],
    ] as const) {
      expect(filterGradInHeapWins(xShape[3], kShape[3])).toBe(true);
      const info = tf.backend_util.computeConv2DInfo([...xShape] as never, [...kShape] as never, stride, 1, pad);
      const dyShape = [info.batchSize, info.outHeight, info.outWidth, info.outChannels];
      const [xs, dys] = [values(size(xShape), 1), values(size(dyShape), 2)];
      await tf.setBackend('cpu');
      const attrs = { strides: stride, pad, dataFormat: 'NHWC', filterShape: kShape } as never;
      const expected = tf
        .engine()
        .runKernel<tf.Tensor>('Conv2DBackpropFilter', { x: tf.tensor(xs, [...xShape]), dy: tf.tensor(dys, dyShape) }, attrs)
        .dataSync();
      await tf.setBackend('wasm');
      const backend = tf.backend() as BackendWasm;
      const [x, dy] = [tf.tensor(xs, [...xShape]), tf.tensor(dys, dyShape)];
      const made = filterGradInHeap(tf, backend, x, dy, info);
      expect(made).not.toBeNull();
      const ours = tf.engine().makeTensorFromTensorInfo(made!);
      expect(ours.shape).toEqual([...kShape]);
      const got = ours.dataSync();
      let [scale, worst] = [0, 0];
      for (let i = 0; i < expected.length; i++) {
        scale = Math.max(scale, Math.abs(expected[i]!));
        worst = Math.max(worst, Math.abs(expected[i]! - got[i]!));
      }
      expect(worst / scale).toBeLessThan(1e-5);
      tf.dispose([x, dy, ours]);
    }
  });

  it("instantiates on the backend's own memory", () => {
    const backend = tf.backend() as BackendWasm;
    expect(backendMemory(backend)).toBeDefined();
    expect(heapKernel(backend, 'test multiplyAdd', () => multiplyAdd(1))).not.toBeNull();
  });

  it('leaves wide layers to XNNPACK', () => {
    expect(filterGradInHeapWins(32, 8)).toBe(false);
    expect(filterGradInHeapWins(16, 32)).toBe(false);
    expect(filterGradInHeapWins(3, 128)).toBe(true);
  });
});

describe('the generated Adam step', () => {
  it('gives bit for bit what tfjs’s operations give, sizes with and without a tail of 4', () => {
    const backend = tf.backend() as BackendWasm;
    const shapes = [[7], [2, 2], [1], [3, 5]];
    const total = shapes.reduce((a, s) => a + size(s), 0);
    const grads = shapes.map((s, i) => tf.tensor(values(size(s), 10 + i), s));
    const weights = shapes.map((s, i) => tf.tensor(values(size(s), 20 + i), s));
    const [first, second] = [tf.tensor(values(total, 30)), tf.tensor(values(total, 31)).abs()];
    const c = {
      beta1: 0.9,
      beta2: 0.999,
      oneMinusPower1: 1 - Math.fround(0.9 ** 3),
      oneMinusPower2: 1 - Math.fround(0.999 ** 3),
      epsilon: 1e-7,
      learningRate: 0.01,
    };
    const done = adamInHeap(backend, grads, weights, first, second, c);
    expect(done).not.toBeNull();
    const read = (info: tf.TensorInfo) => tf.engine().makeTensorFromTensorInfo(info);
    const expected = tf.tidy(() => {
      const g = tf.concat(grads.map((t) => t.reshape([-1])));
      const m = tf.add(tf.mul(first, c.beta1), tf.mul(g, 1 - c.beta1));
      const v = tf.add(tf.mul(second, c.beta2), tf.mul(tf.square(g), 1 - c.beta2));
      const step = tf.mul(tf.div(tf.div(m, c.oneMinusPower1), tf.add(tf.sqrt(tf.div(v, c.oneMinusPower2)), c.epsilon)), -c.learningRate);
      const parts = tf.split(step, shapes.map(size));
      return [m, v, ...weights.map((w, i) => tf.add(parts[i]!.reshape(w.shape), w))].map((t) => [...t.dataSync()]);
    });
    const got = [done!.first, done!.second, ...done!.values].map((info) => {
      const t = read(info);
      const data = [...t.dataSync()];
      t.dispose();
      return data;
    });
    expect(got).toEqual(expected);
    tf.dispose([...grads, ...weights, first, second]);
  });
});

describe('the generated column sum', () => {
  it('sums a bias gradient over its rows in the heap, tail rows included', () => {
    const backend = tf.backend() as BackendWasm;
    for (const [rows, width] of [
      [64 * 28 * 28, 6],
      [25, 6],
      [7, 16],
      [3, 100],
    ] as const) {
      const data = values(rows * width, 50);
      const x = tf.tensor(data, [rows, width]);
      const made = columnSumInHeap(backend, x, rows, width);
      expect(made).not.toBeNull();
      const sums = tf.engine().makeTensorFromTensorInfo(made!);
      const got = sums.dataSync();
      for (let c = 0; c < width; c++) {
        let expected = 0;
        for (let r = 0; r < rows; r++) expected += data[r * width + c]!;
        expect(Math.abs(got[c]! - expected)).toBeLessThan(1e-6 * rows);
      }
      tf.dispose([x, sums]);
    }
  });

  it('leaves widths past its registers, and fewer values than one block, to the composed sum', () => {
    expect(columnSumPlan(100, 30)).toBeNull();
    expect(columnSumPlan(1, 6)).toBeNull();
    expect(columnSumPlan(2, 6)).toEqual({ block: 12, blocks: 1 });
  });
});

describe('the generated max-pool gradient', () => {
  it('routes dY to the first maximum of each window, overlapping windows and ties included', async () => {
    for (const [xShape, pool, stride] of [
      [[2, 8, 8, 3], 2, 2],
      [[1, 7, 9, 2], 3, 1],
    ] as const) {
      // Values in {-1, 0, 1}: many windows hold their maximum more than once.
      const xs = values(size(xShape), 60).map((v) => Math.round(v));
      const run = (x: tf.Tensor) => {
        const y = tf.maxPool(x as tf.Tensor4D, pool, stride, 'valid');
        return { y, dy: tf.tensor(values(y.size, 61), y.shape) };
      };
      await tf.setBackend('cpu');
      const onCpu = run(tf.tensor(xs, [...xShape]));
      const expected = tf
        .engine()
        .runKernel<tf.Tensor>(
          'MaxPoolGrad',
          { dy: onCpu.dy, input: tf.tensor(xs, [...xShape]), output: onCpu.y },
          {
            filterSize: pool,
            strides: stride,
            pad: 'valid',
          },
        )
        .dataSync();
      await tf.setBackend('wasm');
      const backend = tf.backend() as BackendWasm;
      const x = tf.tensor(xs, [...xShape]);
      const { y, dy } = run(x);
      const shape = {
        n: xShape[0],
        height: xShape[1],
        width: xShape[2],
        channels: xShape[3],
        outHeight: y.shape[1],
        outWidth: y.shape[2],
        windowHeight: pool,
        windowWidth: pool,
        strideHeight: stride,
        strideWidth: stride,
      };
      const kernel = heapKernel(backend, `test maxPoolGrad ${JSON.stringify(shape)}`, () => maxPoolGradKernel(shape));
      expect(kernel).not.toBeNull();
      const dx = tf.zeros([...xShape]);
      kernel!(heapPointer(backend, x), heapPointer(backend, y), heapPointer(backend, dy), heapPointer(backend, dx));
      // Overlapping windows add several dY values to one input, in another order than cpu's.
      const got = dx.dataSync();
      expect(got.length).toBe(expected.length);
      for (let i = 0; i < got.length; i++) expect(Math.abs(got[i]! - expected[i]!)).toBeLessThan(1e-6);
      tf.dispose([x, y, dy, dx]);
    }
  });
});
