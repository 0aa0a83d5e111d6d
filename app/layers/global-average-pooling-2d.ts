import { z } from 'zod';
import { globalPoolShape } from './pooling';
import { IMAGES, SEQUENCES } from './shape-hints';
import { defineLayer } from './types';
import { assign, py } from './emit/python';

export const GlobalAveragePooling2D = defineLayer({
  type: 'GlobalAveragePooling2D',
  category: 'Pooling',
  summary: 'Averages each feature map into a single number.',
  explain: {
    what: 'Takes the mean of every channel over all pixels, turning a stack of feature maps into one vector: "how much of each feature is in the image?". No weights. Channels-last: images are (height, width, channels).',
    formula: 'y[c] = (1/(H·W)) Σ_i Σ_j x[i, j, c]',
    shapes: '(None, height, width, channels) → (None, channels). (7, 7, 512) → (None, 512), against 25,088 values for Flatten.',
    when: 'Instead of Flatten at the end of a CNN (ResNet, MobileNet, transfer learning heads): far fewer weights in the Dense layer after it, so less overfitting, and any image size works.',
  },
  params: z.object({}),
  inputs: [{ name: 'input', label: 'input' }],
  outputShape: (_p, [shape]) => globalPoolShape('GlobalAveragePooling2D', IMAGES, shape, { type: 'GlobalAveragePooling1D', layout: SEQUENCES }),
  paramCount: () => 0,
  pytorch: () => ({ init: [], forward: ([x = 'x'], out) => assign(out, `torch.mean(${x}, dim=(1, 2))`) }),
  keras: ({ name }) => ({ layer: `layers.GlobalAveragePooling2D(name=${py(name)})` }),
});
