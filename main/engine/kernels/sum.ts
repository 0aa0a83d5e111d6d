import type * as tfjs from '@tensorflow/tfjs';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import { callKernel, release } from './compose';
import { columnSumInHeap } from './simd/column-sum';

type Backend = tfjs.KernelBackend;
type Info = tfjs.TensorInfo;

/**
 * A sum over the leading axes (a bias gradient: dY [N, H, W, C] summed to [C]). wasm's Sum only
 * reduces innermost axes, so it first transposes the tensor to put the summed axes last, with
 * its own 4-axis transpose (0.46 ms for LeNet's first bias gradient). Read as a matrix
 * [rows, rest], the same transpose has two axes, and the sum then runs on the transposed rows
 * in the order it always does (0.25 ms). Where the generated column sum can take it, one pass
 * over the values in the heap does it all (0.05 ms). Other reductions go to the shipped kernel.
 */
export function fastSum(tf: typeof tfjs, shipped: tfjs.KernelConfig): tfjs.KernelConfig {
  return {
    ...shipped,
    kernelFunc: (args) => {
      const backend = args.backend as Backend;
      const { x } = args.inputs as { x: Info };
      const { axis, keepDims } = args.attrs as unknown as { axis: number | number[]; keepDims: boolean };
      const axes = [...tf.util.parseAxisParam(axis, x.shape)].sort((a, b) => a - b);
      const leading = axes.length > 0 && axes.length < x.shape.length && axes.every((a, i) => a === i);
      const rows = tf.util.sizeFromShape(x.shape.slice(0, axes.length));
      const kept = x.shape.slice(axes.length);
      const rest = tf.util.sizeFromShape(kept);
      if (!leading || rows < 2 || rest < 2) return shipped.kernelFunc(args);
      const shape = keepDims ? [...axes.map(() => 1), ...kept] : kept;
      const inHeap = columnSumInHeap(backend as BackendWasm, x, rows, rest);
      if (inHeap) {
        const out = callKernel(tf, 'Reshape', backend, { x: inHeap }, { shape });
        release(backend, inHeap);
        return out;
      }
      const matrix = callKernel(tf, 'Reshape', backend, { x }, { shape: [rows, rest] });
      const turned = callKernel(tf, 'Transpose', backend, { x: matrix }, { perm: [1, 0] });
      const summed = shipped.kernelFunc({ ...args, inputs: { x: turned }, attrs: { axis: [1], keepDims: false } }) as Info;
      const out = callKernel(tf, 'Reshape', backend, { x: summed }, { shape });
      release(backend, matrix, turned, summed);
      return out;
    },
  };
}
