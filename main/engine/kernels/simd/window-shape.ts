import type * as tfjs from '@tensorflow/tfjs';

/**
 * A window sliding over an NHWC input, every tap in bounds (a framed input, or one no window
 * reaches past): what the generated convolution and pooling kernels are built for.
 */
export interface WindowShape {
  readonly n: number;
  readonly height: number;
  readonly width: number;
  readonly channels: number;
  readonly outHeight: number;
  readonly outWidth: number;
  readonly windowHeight: number;
  readonly windowWidth: number;
  readonly strideHeight: number;
  readonly strideWidth: number;
}

/** The rows and columns tfjs's windows cover, from the first tap of the first to the last of the last. */
export function windowSpan(info: tfjs.backend_util.Conv2DInfo): { height: number; width: number } {
  return {
    height: (info.outHeight - 1) * info.strideHeight + info.filterHeight,
    width: (info.outWidth - 1) * info.strideWidth + info.filterWidth,
  };
}

/** The windows tfjs's Conv2DInfo describes (dilation 1), over an input `height` × `width`. */
export function windowShape(info: tfjs.backend_util.Conv2DInfo, height: number, width: number): WindowShape {
  return {
    n: info.batchSize,
    height,
    width,
    channels: info.inChannels,
    outHeight: info.outHeight,
    outWidth: info.outWidth,
    windowHeight: info.filterHeight,
    windowWidth: info.filterWidth,
    strideHeight: info.strideHeight,
    strideWidth: info.strideWidth,
  };
}
