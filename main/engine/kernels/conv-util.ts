import type * as tfjs from '@tensorflow/tfjs';
import { callKernel, release } from './compose';

type Backend = tfjs.KernelBackend;
type Info = tfjs.TensorInfo;

export interface ConvAttrs {
  strides: number | [number, number];
  pad: 'valid' | 'same' | number | tfjs.backend_util.ExplicitPadding;
  dilations?: number | [number, number];
  dataFormat?: 'NHWC' | 'NCHW';
  dimRoundingMode?: 'floor' | 'round' | 'ceil';
}

/** Output size, padding, strides and dilations exactly as tfjs computes them for the forward op. */
export function convInfo(
  tf: typeof tfjs,
  xShape: readonly number[],
  filterShape: readonly number[],
  a: ConvAttrs,
  depthwise: boolean,
  kernel: string,
): tfjs.backend_util.Conv2DInfo {
  if ((a.dataFormat ?? 'NHWC') !== 'NHWC') throw new Error(`Kernel '${kernel}' not registered for backend 'wasm' (dataFormat ${a.dataFormat})`);
  const shape4 = xShape as [number, number, number, number];
  const filter4 = filterShape as [number, number, number, number];
  return tf.backend_util.computeConv2DInfo(shape4, filter4, a.strides, a.dilations ?? 1, a.pad, a.dimRoundingMode, depthwise);
}

/** Spreads dy apart by the stride, with zeros between: a strided correlation becomes a stride-1 one. */
export function dilate(tf: typeof tfjs, backend: Backend, dy: Info, sh: number, sw: number): Info {
  const [n, oh, ow, f] = dy.shape as [number, number, number, number];
  const spread = callKernel(tf, 'Reshape', backend, { x: dy }, { shape: [n, oh, 1, ow, 1, f] });
  const padded = callKernel(
    tf,
    'PadV2',
    backend,
    { x: spread },
    {
      paddings: [
        [0, 0],
        [0, 0],
        [0, sh - 1],
        [0, 0],
        [0, sw - 1],
        [0, 0],
      ],
      constantValue: 0,
    },
  );
  const flat = callKernel(tf, 'Reshape', backend, { x: padded }, { shape: [n, oh * sh, ow * sw, f] });
  const out = callKernel(tf, 'Slice', backend, { x: flat }, { begin: [0, 0, 0, 0], size: [n, (oh - 1) * sh + 1, (ow - 1) * sw + 1, f] });
  release(backend, spread, padded, flat);
  return out;
}

/**
 * The NHWC image `x` framed to `height` × `width`: `top`/`left` rows and columns of zeros added
 * before it (cut from it when negative), then zeros added or rows cut after it to reach the size.
 */
export function frame(tf: typeof tfjs, backend: Backend, x: Info, top: number, left: number, height: number, width: number): Info {
  const [n, h, w, c] = x.shape as [number, number, number, number];
  const [cutTop, cutLeft] = [Math.max(-top, 0), Math.max(-left, 0)];
  const [padTop, padLeft] = [Math.max(top, 0), Math.max(left, 0)];
  const padBottom = Math.max(height - (h - cutTop) - padTop, 0);
  const padRight = Math.max(width - (w - cutLeft) - padLeft, 0);
  if (cutTop === 0 && cutLeft === 0 && padTop === 0 && padLeft === 0 && padBottom === 0 && padRight === 0 && h === height && w === width) {
    return callKernel(tf, 'Identity', backend, { x });
  }
  const padded =
    padTop || padLeft || padBottom || padRight
      ? callKernel(
          tf,
          'PadV2',
          backend,
          { x },
          {
            paddings: [
              [0, 0],
              [padTop, padBottom],
              [padLeft, padRight],
              [0, 0],
            ],
            constantValue: 0,
          },
        )
      : null;
  const source = padded ?? x;
  const ph = source.shape[1]!;
  const pw = source.shape[2]!;
  if (cutTop === 0 && cutLeft === 0 && ph === height && pw === width) return padded!;
  const out = callKernel(tf, 'Slice', backend, { x: source }, { begin: [0, cutTop, cutLeft, 0], size: [n, height, width, c] });
  if (padded) release(backend, padded);
  return out;
}

/**
 * `x` framed for a valid convolution, as `frame` frames it. Where the frame only adds zeros they
 * become the convolution's explicit padding, read in place (XNNPACK pads through its indirection
 * buffer); where it cuts rows or columns, a framed copy is made. `made` lists what to release.
 */
export function framedForConv(
  tf: typeof tfjs,
  backend: Backend,
  x: Info,
  top: number,
  left: number,
  height: number,
  width: number,
): { x: Info; pad: 'valid' | number[][]; made: Info[] } {
  const [bottom, right] = [height - x.shape[1]! - top, width - x.shape[2]! - left];
  if (Math.min(top, left, bottom, right) >= 0)
    return {
      x,
      pad: [
        [0, 0],
        [top, bottom],
        [left, right],
        [0, 0],
      ],
      made: [],
    };
  const framed = frame(tf, backend, x, top, left, height, width);
  return { x: framed, pad: 'valid', made: [framed] };
}

export function transpose(tf: typeof tfjs, backend: Backend, x: Info, perm: number[]): Info {
  return callKernel(tf, 'Transpose', backend, { x }, { perm });
}
