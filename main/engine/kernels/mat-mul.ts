import type * as tfjs from '@tensorflow/tfjs';
import { callKernel, release } from './compose';

type Backend = tfjs.KernelBackend;
type Info = tfjs.TensorInfo;
type KernelFunc = tfjs.KernelConfig['kernelFunc'];

/** Moves the last two axes of `x` past each other, as a real copy. */
function swapLast(tf: typeof tfjs, backend: Backend, x: Info): Info {
  const rank = x.shape.length;
  const perm = [...Array(rank).keys()];
  [perm[rank - 2], perm[rank - 1]] = [perm[rank - 1]!, perm[rank - 2]!];
  return callKernel(tf, 'Transpose', backend, { x }, { perm });
}

/** One matrix product per batch entry, each on the fast path, joined back along the batch axis. */
function perBatch(tf: typeof tfjs, shipped: KernelFunc, backend: Backend, a: Info, b: Info, rest: Record<string, Info>, attrs: Record<string, unknown>): Info {
  const [batch, m, k] = a.shape as [number, number, number];
  const n = b.shape[2]!;
  const parts: Info[] = [];
  const made: Info[] = [];
  for (let i = 0; i < batch; i++) {
    const ai = callKernel(tf, 'Slice', backend, { x: a }, { begin: [i, 0, 0], size: [1, m, k] });
    const bi = callKernel(tf, 'Slice', backend, { x: b }, { begin: [i, 0, 0], size: [1, k, n] });
    parts.push(shipped({ inputs: { ...rest, a: ai, b: bi }, backend, attrs: attrs as never }) as Info);
    made.push(ai, bi);
  }
  const out = callKernel(tf, 'Concat', backend, parts as never, { axis: 0 });
  release(backend, ...made, ...parts);
  return out;
}

/**
 * tfjs-backend-wasm 4.22 sends a matrix product to XNNPACK only when neither side is transposed
 * and neither is batched; every other case (all of backpropagation: x^T·dy, dy·W^T) runs a naive
 * triple loop about 10–30× slower. This wraps the shipped kernel: transposes become explicit
 * copies (linear time, wasm's Transpose), a batch against one shared matrix folds into rows,
 * and a batch of matrices runs as one fast product per entry.
 */
export function fastMatMul(tf: typeof tfjs, kernelName: 'BatchMatMul' | '_FusedMatMul', shipped: tfjs.KernelConfig): tfjs.KernelConfig {
  const kernelFunc: KernelFunc = ({ inputs, backend: be, attrs }) => {
    const backend = be as Backend;
    const { a: a0, b: b0, ...rest } = inputs as Record<string, Info> & { a: Info; b: Info };
    const { transposeA, transposeB, ...others } = attrs as unknown as { transposeA: boolean; transposeB: boolean };
    const plain = { ...others, transposeA: false, transposeB: false };
    const made: Info[] = [];
    const a = transposeA ? swapLast(tf, backend, a0) : a0;
    const b = transposeB ? swapLast(tf, backend, b0) : b0;
    if (transposeA) made.push(a);
    if (transposeB) made.push(b);
    const batchA = tf.util.sizeFromShape(a.shape.slice(0, -2));
    const batchB = tf.util.sizeFromShape(b.shape.slice(0, -2));
    const [m, k] = a.shape.slice(-2) as [number, number];
    const n = b.shape.at(-1)!;
    const outer = (batchA >= batchB ? a : b).shape.slice(0, -2);
    let out: Info;
    if (batchB === 1) {
      // Rows of every batch entry against one matrix: a single [batch·m, k] × [k, n] product.
      const a2 = callKernel(tf, 'Reshape', backend, { x: a }, { shape: [1, batchA * m, k] });
      const b2 = callKernel(tf, 'Reshape', backend, { x: b }, { shape: [1, k, n] });
      const flat = shipped.kernelFunc({ inputs: { ...rest, a: a2, b: b2 }, backend, attrs: plain }) as Info;
      out = callKernel(tf, 'Reshape', backend, { x: flat }, { shape: [...outer, m, n] });
      release(backend, a2, b2, flat);
    } else if (batchA === batchB) {
      const a3 = callKernel(tf, 'Reshape', backend, { x: a }, { shape: [batchA, m, k] });
      const b3 = callKernel(tf, 'Reshape', backend, { x: b }, { shape: [batchB, k, n] });
      const joined = perBatch(tf, shipped.kernelFunc, backend, a3, b3, rest, plain);
      out = callKernel(tf, 'Reshape', backend, { x: joined }, { shape: [...outer, m, n] });
      release(backend, a3, b3, joined);
    } else {
      // Broadcast batches (one side batched, the other a different batch shape): rare; the shipped kernel handles them.
      out = shipped.kernelFunc({ inputs: { ...rest, a, b }, backend, attrs: plain }) as Info;
    }
    release(backend, ...made);
    return out;
  };
  return { ...shipped, kernelName, backendName: 'wasm', kernelFunc };
}
