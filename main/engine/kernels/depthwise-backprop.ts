import type * as tfjs from '@tensorflow/tfjs';
import { callKernel, release } from './compose';
import { convInfo, dilate, frame, transpose, type ConvAttrs } from './conv-util';

type Backend = tfjs.KernelBackend;
type Info = tfjs.TensorInfo;

/** Sums `x`, seen as `shape`, over `axis`: how a channel multiplier or the examples fold back. */
function sumAxis(tf: typeof tfjs, backend: Backend, x: Info, shape: number[], axis: number, outShape: number[]): Info {
  const shaped = callKernel(tf, 'Reshape', backend, { x }, { shape });
  const summed = callKernel(tf, 'Sum', backend, { x: shaped }, { axis: [axis], keepDims: false });
  const out = callKernel(tf, 'Reshape', backend, { x: summed }, { shape: outShape });
  release(backend, shaped, summed);
  return out;
}

/**
 * The filter gradient of a depthwise convolution (SeparableConv2D's first half) as one depthwise
 * convolution: every (example, channel) pair becomes a channel of a single image, correlated
 * with its own dY map as the filter (the stride becomes the dilation, the dilation the stride),
 * and the examples are summed out.
 */
export function depthwiseBackpropFilter(tf: typeof tfjs): tfjs.KernelConfig {
  return {
    kernelName: 'DepthwiseConv2dNativeBackpropFilter',
    backendName: 'wasm',
    kernelFunc: ({ inputs, backend: b, attrs }) => {
      const backend = b as Backend;
      const { x, dy } = inputs as { x: Info; dy: Info };
      const a = attrs as unknown as ConvAttrs & { filterShape: [number, number, number, number] };
      const [kh, kw, c, m] = a.filterShape;
      const info = convInfo(tf, x.shape, a.filterShape, a, true, 'DepthwiseConv2dNativeBackpropFilter');
      const { strideHeight: sh, strideWidth: sw, dilationHeight: dh, dilationWidth: dw, outHeight: oh, outWidth: ow } = info;
      const n = x.shape[0]!;
      const [needH, needW] = [(oh - 1) * sh + (kh - 1) * dh + 1, (ow - 1) * sw + (kw - 1) * dw + 1];
      const seen = frame(tf, backend, x, info.padInfo.top, info.padInfo.left, needH, needW);
      const xT = transpose(tf, backend, seen, [1, 2, 0, 3]);
      const image = callKernel(tf, 'Reshape', backend, { x: xT }, { shape: [1, needH, needW, n * c] });
      const dyT = transpose(tf, backend, dy, [1, 2, 0, 3]);
      const filter = callKernel(tf, 'Reshape', backend, { x: dyT }, { shape: [oh, ow, n * c, m] });
      const conv = callKernel(
        tf,
        'DepthwiseConv2dNative',
        backend,
        { x: image, filter },
        { strides: [dh, dw], pad: 'valid', dilations: [sh, sw], dataFormat: 'NHWC' },
      );
      const out = sumAxis(tf, backend, conv, [kh, kw, n, c * m], 2, [kh, kw, c, m]);
      release(backend, seen, xT, image, dyT, filter, conv);
      return out;
    },
  };
}

/**
 * The input gradient of a depthwise convolution: dY spread by the stride and framed, convolved
 * depthwise (channel c·M+m by filter [:, :, c, m] turned 180°), then the M multiplier channels of
 * each input channel summed.
 */
export function depthwiseBackpropInput(tf: typeof tfjs): tfjs.KernelConfig {
  return {
    kernelName: 'DepthwiseConv2dNativeBackpropInput',
    backendName: 'wasm',
    kernelFunc: ({ inputs, backend: b, attrs }) => {
      const backend = b as Backend;
      const { dy, filter } = inputs as { dy: Info; filter: Info };
      const a = attrs as unknown as ConvAttrs & { inputShape: [number, number, number, number] };
      const [kh, kw, c, m] = filter.shape as [number, number, number, number];
      const info = convInfo(tf, a.inputShape, filter.shape, a, true, 'DepthwiseConv2dNativeBackpropInput');
      const { strideHeight: sh, strideWidth: sw, dilationHeight: dh, dilationWidth: dw, inHeight: h, inWidth: w } = info;
      const n = dy.shape[0]!;
      const [reachH, reachW] = [(kh - 1) * dh, (kw - 1) * dw];
      const spread = sh > 1 || sw > 1 ? dilate(tf, backend, dy, sh, sw) : null;
      const framed = frame(tf, backend, spread ?? dy, reachH - info.padInfo.top, reachW - info.padInfo.left, h + reachH, w + reachW);
      const turned = callKernel(tf, 'Reverse', backend, { x: filter }, { dims: [0, 1] });
      const perChannel = callKernel(tf, 'Reshape', backend, { x: turned }, { shape: [kh, kw, c * m, 1] });
      const conv = callKernel(
        tf,
        'DepthwiseConv2dNative',
        backend,
        { x: framed, filter: perChannel },
        { strides: [1, 1], pad: 'valid', dilations: [dh, dw], dataFormat: 'NHWC' },
      );
      release(backend, framed, turned, perChannel, ...(spread ? [spread] : []));
      if (m === 1) return conv;
      const out = sumAxis(tf, backend, conv, [n, h, w, c, m], 4, [n, h, w, c]);
      release(backend, conv);
      return out;
    },
  };
}
