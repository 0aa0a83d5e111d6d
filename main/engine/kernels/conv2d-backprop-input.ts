import type * as tfjs from '@tensorflow/tfjs';
import { callKernel, release } from './compose';
import { convInfo, dilate, framedForConv, transpose, type ConvAttrs } from './conv-util';

type Backend = tfjs.KernelBackend;
type Info = tfjs.TensorInfo;

/**
 * The input gradient of a 2-D convolution (also Conv2DTranspose's forward pass) as a forward
 * convolution in XNNPACK: dY spread by the stride and framed by kernel − 1 − padding, convolved
 * with the filter turned 180° and its channel axes swapped. Replaces wasm's shipped kernel, a
 * naive loop several times slower.
 */
export function conv2dBackpropInputViaConv(tf: typeof tfjs): tfjs.KernelConfig {
  return {
    kernelName: 'Conv2DBackpropInput',
    backendName: 'wasm',
    kernelFunc: ({ inputs, backend: b, attrs }) => {
      const backend = b as Backend;
      const { dy, filter } = inputs as { dy: Info; filter: Info };
      const a = attrs as unknown as ConvAttrs & { inputShape: [number, number, number, number] };
      const info = convInfo(tf, a.inputShape, filter.shape, { ...a, dilations: 1 }, false, 'Conv2DBackpropInput');
      const { strideHeight: sh, strideWidth: sw, filterHeight: kh, filterWidth: kw, inHeight: h, inWidth: w } = info;
      const spread = sh > 1 || sw > 1 ? dilate(tf, backend, dy, sh, sw) : null;
      const framed = framedForConv(tf, backend, spread ?? dy, kh - 1 - info.padInfo.top, kw - 1 - info.padInfo.left, h + kh - 1, w + kw - 1);
      const turned = callKernel(tf, 'Reverse', backend, { x: filter }, { dims: [0, 1] });
      const swapped = transpose(tf, backend, turned, [0, 1, 3, 2]);
      const out = callKernel(
        tf,
        'Conv2D',
        backend,
        { x: framed.x, filter: swapped },
        { strides: [1, 1], pad: framed.pad, dilations: [1, 1], dataFormat: 'NHWC' },
      );
      release(backend, turned, swapped, ...framed.made, ...(spread ? [spread] : []));
      return out;
    },
  };
}
