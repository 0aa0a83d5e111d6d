import { z } from 'zod';
import { expectLayout, IMAGES } from './shape-hints';
import { defineLayer } from './types';
import { perAxis } from './windows';
import { assign, py } from './emit/python';

export const UpSampling2D = defineLayer({
  type: 'UpSampling2D',
  category: 'Reshape',
  summary: 'Enlarges each image by repeating pixels (or interpolating).',
  explain: {
    what: 'Makes every feature map `size` times taller and wider: with nearest, each pixel is copied into a size×size block; with bilinear, new pixels blend their neighbours. No weights. Channels-last: images are (height, width, channels).',
    formula: 'new height = height · size_h; new width = width · size_w',
    shapes: '(None, height, width, channels) → (None, height·size_h, width·size_w, channels). (7, 7, 64) with size 2, 2 → (None, 14, 14, 64).',
    when: 'Decoders (autoencoders, GAN generators, segmentation): UpSampling2D followed by a Conv2D is a simple alternative to Conv2DTranspose.',
  },
  params: z.object({
    size: perAxis(2, 2, 1, 'Size', 'How many times to repeat rows and columns.'),
    interpolation: z
      .enum(['nearest', 'bilinear'])
      .default('nearest')
      .meta({ title: 'Interpolation', description: 'nearest copies pixels (blocky); bilinear blends neighbours (smooth).' }),
  }),
  inputs: [{ name: 'input', label: 'input' }],
  outputShape: (p, [shape]) => {
    const wrong = expectLayout('UpSampling2D', IMAGES, shape);
    if (wrong || !shape) return wrong ?? { ok: false, message: 'UpSampling2D needs an input.' };
    const [h = null, w = null, c = null] = shape;
    const [sh = 1, sw = 1] = p.size;
    return { ok: true, shape: [h === null ? null : h * sh, w === null ? null : w * sw, c] };
  },
  paramCount: () => 0,
  pytorch: ({ params: p }) => ({
    init: [],
    forward: ([x = 'x'], out) =>
      assign(out, `F.interpolate(${x}.permute(0, 3, 1, 2), scale_factor=${py(p.size)}, mode=${py(p.interpolation)}).permute(0, 2, 3, 1)`),
  }),
  keras: ({ name, params: p }) => ({ layer: `layers.UpSampling2D(size=${py(p.size)}, interpolation=${py(p.interpolation)}, name=${py(name)})` }),
});
