import { z } from 'zod';
import { activationParam } from './activations';
import { channelsOf, convInputError, filtersParam, useBiasParam, windowArea } from './conv';
import { IMAGES } from './shape-hints';
import { defineLayer } from './types';
import { paddingParam, perAxis, transposeOutput } from './windows';
import { convTransposeEmitter, kerasConv } from './emit/conv';

export const Conv2DTranspose = defineLayer({
  type: 'Conv2DTranspose',
  category: 'Convolution',
  summary: 'A learned upsampling: runs a convolution backwards to make an image larger.',
  explain: {
    what: 'Every input pixel stamps a learned kernel (scaled by the pixel’s value) onto a larger output grid, `strides` pixels apart; overlapping stamps add up. It is the transpose of a Conv2D (what a Conv2D does to gradients during backpropagation), and is sometimes loosely called "deconvolution". Channels-last: images are (height, width, channels).',
    formula: 'per axis: valid n·s + max(k − s, 0) (that is (n − 1)·s + k when k ≥ s), same n·s',
    shapes:
      '(None, height, width, channels) → (None, new_height, new_width, filters). (7, 7, 64), 32 filters 3×3, strides 2, same → (None, 14, 14, 32); weights: 3·3·32·64 + 32 = 18,464. With valid padding: (None, 15, 15, 32).',
    when: 'Decoders that grow a small code back into an image: autoencoders, GAN generators, segmentation (U-Net). Strides 2 with padding same doubles height and width. UpSampling2D + Conv2D does the same with fewer checkerboard artefacts.',
  },
  params: z.object({
    filters: filtersParam,
    kernelSize: perAxis(2, 3, 1, 'Kernel size', 'Height and width of the stamped kernel.'),
    strides: perAxis(2, 1, 1, 'Strides', 'Spacing of the stamps in the output: 2, 2 doubles height and width.'),
    padding: paddingParam,
    activation: activationParam,
    useBias: useBiasParam,
  }),
  inputs: [{ name: 'input', label: 'input' }],
  outputShape: (p, [shape]) => {
    const wrong = convInputError('Conv2DTranspose', IMAGES, shape);
    if (wrong || !shape) return wrong ?? { ok: false, message: 'Conv2DTranspose needs an input.' };
    const spatial = shape.slice(0, -1).map((n, i) => transposeOutput(n, p.kernelSize[i] ?? 1, p.strides[i] ?? 1, p.padding));
    return { ok: true, shape: [...spatial, p.filters] };
  },
  paramCount: (p, [shape]) => windowArea(p.kernelSize) * p.filters * channelsOf(shape) + (p.useBias ? p.filters : 0),
  pytorch: (node) => convTransposeEmitter(node),
  keras: ({ name, params: p }) => ({ layer: kerasConv('Conv2DTranspose', p, name) }),
});
