import type * as tfjs from '@tensorflow/tfjs';
import { callKernel, release } from './compose';
import { convInfo, framedForConv, transpose, type ConvAttrs } from './conv-util';

type Backend = tfjs.KernelBackend;
type Info = tfjs.TensorInfo;

/**
 * The filter gradient of a 2-D convolution as a forward convolution, which wasm runs in XNNPACK:
 * dW[i,j,c,f] = Σ_n,y,x X[n, y·s+i, x·s+j, c] · dY[n,y,x,f] is the (valid, stride 1) convolution of
 * X with channels and batch swapped, [C, H, W, N], by dY laid out as a filter [OH, OW, N, F]
 * dilated by the stride; the result [C, KH, KW, F] is transposed to [KH, KW, C, F].
 * (tfjs-backend-wasm 4.22's Conv3DBackpropFilterV2 is a naive loop and wrong for strides > 1.)
 */
export function conv2dBackpropFilterViaConv(tf: typeof tfjs): tfjs.KernelConfig {
  return {
    kernelName: 'Conv2DBackpropFilter',
    backendName: 'wasm',
    kernelFunc: ({ inputs, backend: b, attrs }) => {
      const backend = b as Backend;
      const { x, dy } = inputs as { x: Info; dy: Info };
      const a = attrs as unknown as ConvAttrs & { filterShape: [number, number, number, number] };
      const info = convInfo(tf, x.shape, a.filterShape, { ...a, dilations: 1 }, false, 'Conv2DBackpropFilter');
      const { strideHeight: sh, strideWidth: sw, outHeight: oh, outWidth: ow, filterHeight: kh, filterWidth: kw } = info;
      const seen = framedForConv(tf, backend, x, info.padInfo.top, info.padInfo.left, (oh - 1) * sh + kh, (ow - 1) * sw + kw);
      const xT = transpose(tf, backend, seen.x, [3, 1, 2, 0]);
      const dyT = transpose(tf, backend, dy, [1, 2, 0, 3]);
      const conv = callKernel(tf, 'Conv2D', backend, { x: xT, filter: dyT }, { strides: [1, 1], pad: seen.pad, dilations: [sh, sw], dataFormat: 'NHWC' });
      const out = transpose(tf, backend, conv, [1, 2, 0, 3]);
      release(backend, xT, dyT, conv, ...seen.made);
      return out;
    },
  };
}
