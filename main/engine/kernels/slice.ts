import type * as tfjs from '@tensorflow/tfjs';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';

type Info = tfjs.TensorInfo;

/**
 * Copies the block `begin … begin+size` of `x` within the wasm heap. tfjs-backend-wasm 4.22's
 * Slice first copies the whole input out of the heap (readSync) to take any part of it, so an
 * RNN unstacking 200 time steps copies its input 200 times. Axes taken whole merge into their
 * outer neighbour, leaving few, long contiguous runs, each one a heap-to-heap memcpy (set).
 */
export function sliceInHeap(backend: BackendWasm, x: Info, begin: readonly number[], size: readonly number[], shape: readonly number[] = size): Info {
  // The output is made in its final shape: some kernels read a tensor's shape from the backend's records.
  const out = backend.makeOutput([...shape], x.dtype);
  const count = size.reduce((a, d) => a * d, 1);
  if (count === 0) return out;
  const dims: number[] = [x.shape[0]!];
  const from: number[] = [begin[0]!];
  const take: number[] = [size[0]!];
  for (let j = 1; j < size.length; j++) {
    const last = dims.length - 1;
    if (size[j] === x.shape[j]) {
      dims[last]! *= x.shape[j]!;
      from[last]! *= x.shape[j]!;
      take[last]! *= x.shape[j]!;
    } else {
      dims.push(x.shape[j]!);
      from.push(begin[j]!);
      take.push(size[j]!);
    }
  }
  // Views are taken after makeOutput: an allocation may grow (and so replace) the heap's buffer.
  const src = backend.typedArrayFromHeap(x);
  const dst = backend.typedArrayFromHeap(out);
  const rank = dims.length;
  const run = take[rank - 1]!;
  const strides = new Array<number>(rank).fill(1);
  for (let j = rank - 2; j >= 0; j--) strides[j] = strides[j + 1]! * dims[j + 1]!;
  const at = new Array<number>(rank - 1).fill(0);
  let offset = from.reduce((a, b, j) => a + b * strides[j]!, 0);
  for (let o = 0; o < count; o += run) {
    dst.set(src.subarray(offset, offset + run), o);
    // Advance the outer index like an odometer.
    for (let j = rank - 2; j >= 0; j--) {
      at[j]! += 1;
      offset += strides[j]!;
      if (at[j]! < take[j]!) break;
      offset -= take[j]! * strides[j]!;
      at[j] = 0;
    }
  }
  return out;
}

const wasm = (b: unknown) => b as BackendWasm;

export function fastSlice(tf: typeof tfjs, shipped: tfjs.KernelConfig): tfjs.KernelConfig {
  return {
    ...shipped,
    kernelFunc: (args) => {
      const { x } = args.inputs as { x: Info };
      if (x.dtype === 'string') return shipped.kernelFunc(args);
      const { begin, size } = args.attrs as unknown as { begin: number | number[]; size?: number | number[] };
      const [b, s] = tf.slice_util.parseSliceParams(x, begin, size);
      return sliceInHeap(wasm(args.backend), x, b!, s!);
    },
  };
}

/** Strided slices with unit strides (the common case) are plain slices; the rest stay in wasm's C++ kernel. */
export function fastStridedSlice(tf: typeof tfjs, shipped: tfjs.KernelConfig): tfjs.KernelConfig {
  return {
    ...shipped,
    kernelFunc: (args) => {
      const { x } = args.inputs as { x: Info };
      const a = args.attrs as unknown as Record<string, number | number[]>;
      const info = tf.slice_util.sliceInfo(
        x.shape,
        a.begin as number[],
        a.end as number[],
        a.strides as number[],
        a.beginMask as number,
        a.endMask as number,
        a.ellipsisMask as number,
        a.newAxisMask as number,
        a.shrinkAxisMask as number,
      );
      if (x.dtype === 'string' || info.isIdentity || !(info.sliceDim0 || info.isSimpleSlice)) return shipped.kernelFunc(args);
      const sizes = tf.slice_util.computeOutShape(info.begin, info.end, info.strides);
      return sliceInHeap(wasm(args.backend), x, info.begin, sizes, info.finalShape);
    },
  };
}

export function fastUnpack(shipped: tfjs.KernelConfig): tfjs.KernelConfig {
  return {
    ...shipped,
    kernelFunc: (args) => {
      const { value } = args.inputs as { value: Info };
      if (value.dtype === 'string') return shipped.kernelFunc(args);
      const rank = value.shape.length;
      const axis = ((args.attrs as unknown as { axis: number }).axis + rank) % rank;
      const size = value.shape.map((d, i) => (i === axis ? 1 : d));
      const shape = value.shape.filter((_, i) => i !== axis);
      return Array.from({ length: value.shape[axis]! }, (_, i) => {
        return sliceInHeap(
          wasm(args.backend),
          value,
          size.map((_, j) => (j === axis ? i : 0)),
          size,
          shape,
        );
      });
    },
  };
}

export function fastSplitV(tf: typeof tfjs, shipped: tfjs.KernelConfig): tfjs.KernelConfig {
  return {
    ...shipped,
    kernelFunc: (args) => {
      const { x } = args.inputs as { x: Info };
      if (x.dtype === 'string') return shipped.kernelFunc(args);
      const { numOrSizeSplits, axis } = args.attrs as unknown as { numOrSizeSplits: number | number[]; axis: number };
      const at = tf.util.parseAxisParam(axis, x.shape)[0]!;
      const sizes = tf.backend_util.prepareSplitSize(x, numOrSizeSplits, at);
      let start = 0;
      return sizes.map((s) => {
        const begin = x.shape.map((_, j) => (j === at ? start : 0));
        start += s;
        return sliceInHeap(
          wasm(args.backend),
          x,
          begin,
          x.shape.map((d, j) => (j === at ? s : d)),
        );
      });
    },
  };
}
