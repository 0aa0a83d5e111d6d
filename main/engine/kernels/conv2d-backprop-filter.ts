import type * as tfjs from '@tensorflow/tfjs';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import { callKernel, release } from './compose';
import { convInfo, frame, framedForConv, transpose, type ConvAttrs } from './conv-util';
import { filterGradKernel, paddedFilters, type FilterGradShape } from './simd/filter-grad';
import { backendMemory, heapKernel, heapPointer } from './simd/heap';
import { windowShape, windowSpan } from './simd/window-shape';

type Backend = tfjs.KernelBackend;
type Info = tfjs.TensorInfo;
type Attrs = ConvAttrs & { filterShape: [number, number, number, number] };

/**
 * Where the generated SIMD kernel beats XNNPACK's route: few input channels. Each pass over the
 * output positions reads one channel's values of X, so with many channels it reads most of every
 * cache line for one value, while XNNPACK's copies pay most where dY, as its "filter", is large
 * and thin. Measured per layer shape in bench/README.md (LeNet's first layer 4.7 → 1.9 ms).
 */
export function filterGradInHeapWins(channels: number, filters: number): boolean {
  return channels <= 8 || (channels <= 16 && filters <= 16);
}

/**
 * dW by the generated kernel, reading X (framed, so every tap is in bounds) and dY where they lie
 * in the heap; null where the kernel cannot run here.
 */
export function filterGradInHeap(tf: typeof tfjs, backend: BackendWasm, x: Info, dy: Info, info: tfjs.backend_util.Conv2DInfo): Info | null {
  const { filterHeight: kh, filterWidth: kw, inChannels, outChannels } = info;
  const span = windowSpan(info);
  const shape: FilterGradShape = { ...windowShape(info, span.height, span.width), filters: outChannels };
  if (!filterGradInHeapWins(inChannels, outChannels) || x.dtype !== 'float32' || dy.dtype !== 'float32') return null;
  const key = `filterGrad ${Object.values(shape).join(' ')}`;
  const kernel = heapKernel(backend, key, () => filterGradKernel(shape));
  if (!kernel) return null;
  const dyPointer = heapPointer(backend, dy);
  // The last lanes of a partial f32x4 read up to 12 bytes past dY (never stored). The heap only
  // grows, so what is in it now stays in it.
  if (dyPointer + tf.util.sizeFromShape(dy.shape) * 4 + 16 > backendMemory(backend)!.buffer.byteLength) return null;
  const framed = frame(tf, backend, x, info.padInfo.top, info.padInfo.left, shape.height, shape.width);
  const f4 = paddedFilters(outChannels);
  const out = backend.makeOutput([kh, kw, inChannels, outChannels], 'float32');
  const scratch = f4 === outChannels ? out : backend.makeOutput([kh * kw * inChannels, f4], 'float32');
  backend.typedArrayFromHeap(scratch).fill(0);
  kernel(heapPointer(backend, framed), dyPointer, heapPointer(backend, scratch));
  if (scratch !== out) {
    const from = backend.typedArrayFromHeap(scratch);
    const to = backend.typedArrayFromHeap(out);
    for (let row = 0, rows = kh * kw * inChannels; row < rows; row++) to.set(from.subarray(row * f4, row * f4 + outChannels), row * outChannels);
    release(backend, scratch);
  }
  release(backend, framed);
  return out;
}

/**
 * The filter gradient of a 2-D convolution as a forward convolution, which wasm runs in XNNPACK:
 * dW[i,j,c,f] = Σ_n,y,x X[n, y·s+i, x·s+j, c] · dY[n,y,x,f] is the (valid, stride 1) convolution of
 * X with channels and batch swapped, [C, H, W, N], by dY laid out as a filter [OH, OW, N, F]
 * dilated by the stride; the result [C, KH, KW, F] is transposed to [KH, KW, C, F].
 */
function filterGradViaConv(tf: typeof tfjs, backend: Backend, x: Info, dy: Info, info: tfjs.backend_util.Conv2DInfo): Info {
  const span = windowSpan(info);
  const seen = framedForConv(tf, backend, x, info.padInfo.top, info.padInfo.left, span.height, span.width);
  const xT = transpose(tf, backend, seen.x, [3, 1, 2, 0]);
  const dyT = transpose(tf, backend, dy, [1, 2, 0, 3]);
  const conv = callKernel(
    tf,
    'Conv2D',
    backend,
    { x: xT, filter: dyT },
    { strides: [1, 1], pad: seen.pad, dilations: [info.strideHeight, info.strideWidth], dataFormat: 'NHWC' },
  );
  const out = transpose(tf, backend, conv, [1, 2, 0, 3]);
  release(backend, xT, dyT, conv, ...seen.made);
  return out;
}

/**
 * Conv2DBackpropFilter, which tfjs-backend-wasm 4.22 lacks: the generated SIMD kernel where it
 * wins, else the XNNPACK convolution above. (Its Conv3DBackpropFilterV2 is a naive loop and
 * wrong for strides > 1.)
 */
export function conv2dBackpropFilterViaConv(tf: typeof tfjs): tfjs.KernelConfig {
  return {
    kernelName: 'Conv2DBackpropFilter',
    backendName: 'wasm',
    kernelFunc: ({ inputs, backend: b, attrs }) => {
      const backend = b as Backend;
      const { x, dy } = inputs as { x: Info; dy: Info };
      const a = attrs as unknown as Attrs;
      const info = convInfo(tf, x.shape, a.filterShape, { ...a, dilations: 1 }, false, 'Conv2DBackpropFilter');
      return filterGradInHeap(tf, backend as BackendWasm, x, dy, info) ?? filterGradViaConv(tf, backend, x, dy, info);
    },
  };
}
