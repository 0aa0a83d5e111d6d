import { z } from 'zod';
import { globalPoolShape } from './pooling';
import { IMAGES, SEQUENCES } from './shape-hints';
import { defineLayer } from './types';
import { assign, py } from './emit/python';

export const GlobalMaxPooling2D = defineLayer({
  type: 'GlobalMaxPooling2D',
  category: 'Pooling',
  summary: 'Keeps the largest value of each feature map.',
  explain: {
    what: 'Takes the maximum of every channel over all pixels: "was this feature detected anywhere in the image, and how strongly?". No weights. Channels-last: images are (height, width, channels).',
    formula: 'y[c] = max over i, j of x[i, j, c]',
    shapes: '(None, height, width, channels) → (None, channels). (5, 5, 64) → (None, 64).',
    when: 'At the end of a CNN, like GlobalAveragePooling2D, when a feature matters if it appears anywhere (a small object in a large image).',
  },
  params: z.object({}),
  inputs: [{ name: 'input', label: 'input' }],
  outputShape: (_p, [shape]) => globalPoolShape('GlobalMaxPooling2D', IMAGES, shape, { type: 'GlobalMaxPooling1D', layout: SEQUENCES }),
  paramCount: () => 0,
  pytorch: () => ({ init: [], forward: ([x = 'x'], out) => assign(out, `torch.amax(${x}, dim=(1, 2))`) }),
  keras: ({ name }) => ({ layer: `layers.GlobalMaxPooling2D(name=${py(name)})` }),
});
