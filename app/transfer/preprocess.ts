/**
 * What a pretrained model expects its pixels to look like, given images scaled to 0–1 as LayerLab loads them.
 * Applied by a fixed 1×1 convolution in front of the model (a channel mix plus an offset), which is exact, is
 * saved with a checkpoint like any layer and needs no custom op.
 */
export const PREPROCESS = ['none', 'scale-1-1', 'caffe'] as const;
export type Preprocess = (typeof PREPROCESS)[number];

/** Keras' "caffe" mode: BGR channel order, 0–255, ImageNet mean per channel subtracted. */
const CAFFE_MEAN_BGR = [103.939, 116.779, 123.68] as const;

/** Kernel (1, 1, 3 in, 3 out) row-major and bias for the preprocessing convolution. */
export function preprocessWeights(p: Exclude<Preprocess, 'none'>): { kernel: number[]; bias: number[] } {
  switch (p) {
    case 'scale-1-1':
      // MobileNetV2: x·2 − 1 per channel.
      return { kernel: [2, 0, 0, 0, 2, 0, 0, 0, 2], bias: [-1, -1, -1] };
    case 'caffe':
      // ResNet50, VGG16: out[c] = 255 · in[2 − c] − mean[c]; the kernel is indexed [in][out].
      return { kernel: [0, 0, 255, 0, 255, 0, 255, 0, 0], bias: [...CAFFE_MEAN_BGR].map((m) => -m) };
  }
}

/** Weights the preprocessing layer adds (all fixed): a 3×3 kernel and 3 biases. */
export function preprocessParams(p: Preprocess): number {
  return p === 'none' ? 0 : 12;
}
