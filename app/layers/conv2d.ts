import { z } from 'zod';
import { activationParam } from './activations';
import { channelsOf, convShape, filtersParam, useBiasParam, windowArea } from './conv';
import { IMAGES, SEQUENCES } from './shape-hints';
import { defineLayer } from './types';
import { paddingParam, perAxis } from './windows';
import { convEmitter, kerasConv } from './emit/conv';

export const Conv2D = defineLayer({
  type: 'Conv2D',
  category: 'Convolution',
  summary: 'Slides small learned filters over an image to detect edges, textures and shapes.',
  explain: {
    what: 'Each of the `filters` kernels is a small window (e.g. 3×3) that slides over the image. At every position it multiplies the pixels under it, across all channels, by its weights, adds a bias and applies the activation, giving one number of a feature map. The same kernel is reused everywhere, so an edge is detected wherever it appears, with far fewer weights than a Dense layer. Channels-last: images are (height, width, channels).',
    formula:
      'y[i, j, f] = σ(b_f + Σ_u Σ_v Σ_c W[u, v, c, f] · x[i·s + u·d, j·s + v·d, c]); per axis: valid ⌊(n − k_eff)/s⌋ + 1 with k_eff = (k − 1)·d + 1, same ⌈n/s⌉',
    shapes:
      '(None, height, width, channels) → (None, new_height, new_width, filters). (28, 28, 1), 32 filters 3×3, valid → (None, 26, 26, 32); weights: 3·3·1·32 + 32 = 320. With padding same: (None, 28, 28, 32); with strides 2: (None, 13, 13, 32).',
    when: 'The workhorse of image models: stack Conv2D (relu) → MaxPooling2D blocks, doubling the filters as the image shrinks, then Flatten → Dense. Early layers find edges, deeper ones shapes and objects.',
  },
  params: z.object({
    filters: filtersParam,
    kernelSize: perAxis(2, 3, 1, 'Kernel size', 'Height and width of each filter window; 3, 3 is the usual choice.'),
    strides: perAxis(2, 1, 1, 'Strides', 'Step between window positions; 2, 2 halves height and width.'),
    padding: paddingParam,
    dilationRate: perAxis(
      2,
      1,
      1,
      'Dilation rate',
      'Gap between the pixels a kernel reads: 2, 2 widens its view without extra weights. Needs strides 1; TensorFlow.js cannot train values above 1 yet.',
    ),
    activation: activationParam,
    useBias: useBiasParam,
  }),
  inputs: [{ name: 'input', label: 'input' }],
  outputShape: (p, [shape]) => convShape('Conv2D', IMAGES, p, shape, { type: 'Conv1D', layout: SEQUENCES }),
  paramCount: (p, [shape]) => windowArea(p.kernelSize) * channelsOf(shape) * p.filters + (p.useBias ? p.filters : 0),
  pytorch: (node) => convEmitter(node, 2),
  keras: ({ name, params: p }) => ({ layer: kerasConv('Conv2D', p, name) }),
});
