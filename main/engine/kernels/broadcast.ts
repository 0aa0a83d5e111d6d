import type * as tfjs from '@tensorflow/tfjs';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import { callKernel, release } from './compose';

type Backend = tfjs.KernelBackend;
type Info = tfjs.TensorInfo;

/** Longest row the widened operand is tiled to. */
const ROW = 2048;

/** Whether `small` broadcasts against `big` only along big's leading axes (a bias [C] against [N, H, W, C]). */
function trailing(big: readonly number[], small: readonly number[]): boolean {
  const dims = small.slice(small.findIndex((d) => d !== 1));
  if (small.every((d) => d === 1) || dims.length > big.length) return false;
  return dims.every((d, i) => d === big[big.length - dims.length + i]);
}

/** The largest divisor of `rows` that keeps `k · width` within a row of ROW values. */
function widening(rows: number, width: number): number {
  for (let k = Math.min(rows, Math.floor(ROW / width)); k > 1; k--) if (rows % k === 0) return k;
  return 1;
}

/**
 * `x` repeated k times as one row, by doubling copies inside the heap (wasm's Tile runs a
 * per-element loop ~10× slower, and joining k copies pays per copy).
 */
function repeat(backend: BackendWasm, x: Info, width: number, k: number): Info {
  const out = backend.makeOutput([k * width], 'float32');
  // Views are taken after makeOutput: an allocation may grow (and so replace) the heap's buffer.
  const row = backend.typedArrayFromHeap(out);
  row.set(backend.typedArrayFromHeap(x));
  for (let filled = width; filled < row.length; filled *= 2) row.copyWithin(filled, 0, Math.min(filled, row.length - filled));
  return out;
}

/**
 * An element-wise kernel whose second operand repeats along leading axes (a bias [C] added to
 * [N, H, W, C], a per-feature scale) runs wasm's broadcast loop once per row of C values, which
 * for a short row costs ~10× the arithmetic (0.6 ms for a [50176, 6] + [6] add, against 0.05 ms
 * for two tensors of one shape). The same sum on wider rows is nearly free: the short operand is
 * tiled k times and the long one read as [rows / k, k·C], so the rows are k times longer and k
 * times fewer. The values and their order are unchanged.
 */
export function fastBroadcast(tf: typeof tfjs, shipped: tfjs.KernelConfig): tfjs.KernelConfig {
  return {
    ...shipped,
    kernelFunc: (args) => {
      const backend = args.backend as Backend;
      const { a, b } = args.inputs as { a: Info; b: Info };
      if (a.dtype !== 'float32' || b.dtype !== 'float32') return shipped.kernelFunc(args);
      const size = tf.util.sizeFromShape;
      const smallIsB = size(b.shape) < size(a.shape);
      const [big, small] = smallIsB ? [a, b] : [b, a];
      const width = size(small.shape);
      const rows = size(big.shape) / Math.max(width, 1);
      if (width === 0 || width >= ROW / 2 || !trailing(big.shape, small.shape)) return shipped.kernelFunc(args);
      const k = widening(rows, width);
      if (k === 1) return shipped.kernelFunc(args);
      const row = repeat(backend as BackendWasm, small, width, k);
      const wide = callKernel(tf, 'Reshape', backend, { x: big }, { shape: [rows / k, k * width] });
      const inputs = smallIsB ? { a: wide, b: row } : { a: row, b: wide };
      const result = shipped.kernelFunc({ ...args, inputs: inputs }) as Info;
      const out = callKernel(tf, 'Reshape', backend, { x: result }, { shape: tf.backend_util.assertAndGetBroadcastShape(a.shape, b.shape) });
      release(backend, row, wide, result);
      return out;
    },
  };
}
