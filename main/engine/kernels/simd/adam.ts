import type * as tfjs from '@tensorflow/tfjs';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import { heapKernel, heapPointer } from './heap';
import { Code, F32, V128, type WasmFunction } from './wasm-code';

/** Adam's constants for one step, in the order the kernel reads them, each as float32. */
export interface AdamConstants {
  readonly beta1: number;
  readonly beta2: number;
  /** 1 − β1^t and 1 − β2^t, from the float32 powers tfjs keeps. */
  readonly oneMinusPower1: number;
  readonly oneMinusPower2: number;
  readonly epsilon: number;
  readonly learningRate: number;
}

const CONSTANTS = 8;

/**
 * Generates one pass of Adam over every weight: for each value, m' = m·β1 + g·(1−β1),
 * v' = v·β2 + g²·(1−β2), w' = (m'/(1−β1^t)) / (√(v'/(1−β2^t)) + ε) · (−lr) + w — tfjs's Adam's
 * float32 operations in its order, four lanes at a time (the last size mod 4 one at a time), so
 * the weights come out bit for bit as its ~14 kernels per weight leave them. The moments are
 * flat, weight after weight; each gradient and weight is read where it lies.
 * Params: first, second, newFirst, newSecond, constants, then (gradient, weight, out) per weight.
 */
export function adamKernel(sizes: readonly number[]): WasmFunction {
  const code = new Code(5 + sizes.length * 3);
  const [first, second, newFirst, newSecond, constants] = [0, 1, 2, 3, 4];
  const lanes = Array.from({ length: CONSTANTS }, () => code.local(V128));
  const ones = Array.from({ length: CONSTANTS }, () => code.local(F32));
  const [b1, omb1, b2, omb2, oma1, oma2, eps, nlr] = [0, 1, 2, 3, 4, 5, 6, 7];
  for (let k = 0; k < CONSTANTS; k++)
    code
      .loadSplat(constants, k * 4)
      .set(lanes[k]!)
      .loadF32(constants, k * 4)
      .set(ones[k]!);
  const vector = { g: code.local(V128), m: code.local(V128), v: code.local(V128) };
  const scalar = { g: code.local(F32), m: code.local(F32), v: code.local(F32) };

  /** One update of 4 values (SIMD) or 1, at `offset` bytes past each pointer. */
  const update = (simd: boolean, grad: number, weight: number, out: number, offset: number) => {
    const c = simd ? lanes : ones;
    const { g, m, v } = simd ? vector : scalar;
    const load = (p: number) => (simd ? code.load(p, offset) : code.loadF32(p, offset));
    const store = (p: number, value: number) => (simd ? code.store(p, offset, value) : code.storeF32(p, offset, value));
    const op = (o: Parameters<Code['f32']>[0]) => (simd ? code.f32x4(o) : code.f32(o));
    load(grad).set(g);
    load(first).get(c[b1]!);
    op('mul').get(g).get(c[omb1]!);
    op('mul');
    op('add').set(m);
    store(newFirst, m);
    load(second).get(c[b2]!);
    op('mul').get(g).get(g);
    op('mul').get(c[omb2]!);
    op('mul');
    op('add').set(v);
    store(newSecond, v);
    code.get(m).get(c[oma1]!);
    op('div').get(v).get(c[oma2]!);
    op('div');
    op('sqrt').get(c[eps]!);
    op('add');
    op('div').get(c[nlr]!);
    op('mul');
    load(weight);
    op('add').set(g);
    store(out, g);
  };

  sizes.forEach((size, i) => {
    const [grad, weight, out] = [5 + i * 3, 6 + i * 3, 7 + i * 3];
    code.repeat(Math.floor(size / 4), () => {
      update(true, grad, weight, out, 0);
      for (const p of [first, second, newFirst, newSecond, grad, weight, out]) code.bump(p, 16);
    });
    const tail = size % 4;
    for (let t = 0; t < tail; t++) update(false, grad, weight, out, t * 4);
    for (const p of [first, second, newFirst, newSecond]) code.bump(p, tail * 4);
  });
  return { name: 'adam', code };
}

type Info = tfjs.TensorInfo;

/**
 * One Adam step on the wasm heap: new moments and new weights as fresh tensors' data (nothing is
 * written in place: a buffer may be shared). Null where the kernel cannot run here.
 */
export function adamInHeap(
  backend: BackendWasm,
  grads: readonly Info[],
  values: readonly Info[],
  first: Info,
  second: Info,
  c: AdamConstants,
): { first: Info; second: Info; values: Info[] } | null {
  const sizes = values.map((v) => v.shape.reduce((a, d) => a * d, 1));
  if ([...grads, ...values, first, second].some((t) => t.dtype !== 'float32')) return null;
  const kernel = heapKernel(backend, `adam ${sizes.join(' ')}`, () => adamKernel(sizes));
  if (!kernel) return null;
  const total = sizes.reduce((a, s) => a + s, 0);
  const constants = backend.makeOutput([CONSTANTS], 'float32');
  const out = {
    first: backend.makeOutput([total], 'float32'),
    second: backend.makeOutput([total], 'float32'),
    values: values.map((v) => backend.makeOutput([...v.shape], 'float32')),
  };
  backend.typedArrayFromHeap(constants).set([c.beta1, 1 - c.beta1, c.beta2, 1 - c.beta2, c.oneMinusPower1, c.oneMinusPower2, c.epsilon, -c.learningRate]);
  const pointer = (t: Info) => heapPointer(backend, t);
  kernel(
    pointer(first),
    pointer(second),
    pointer(out.first),
    pointer(out.second),
    pointer(constants),
    ...grads.flatMap((g, i) => [pointer(g), pointer(values[i]!), pointer(out.values[i]!)]),
  );
  backend.disposeData(constants.dataId);
  return out;
}
