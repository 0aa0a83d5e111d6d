import { poolFromKeras, poolParams, poolShape } from './pooling';
import { IMAGES, SEQUENCES } from './shape-hints';
import { defineLayer } from './types';
import { kerasPool, poolEmitter } from './emit/pool';

export const AveragePooling2D = defineLayer({
  type: 'AveragePooling2D',
  category: 'Pooling',
  summary: 'Shrinks an image by averaging each window (usually 2×2).',
  explain: {
    what: 'Cuts each feature map into windows and replaces each window by the mean of its values, per channel: a blur followed by downsampling. No weights. Channels-last: images are (height, width, channels).',
    formula: 'y[i, j, c] = mean of the window at (i·s, j·s) of x[·, ·, c]; per axis: valid ⌊(n − k)/s⌋ + 1, same ⌈n/s⌉',
    shapes: '(None, height, width, channels) → (None, new_height, new_width, channels). (28, 28, 6) with pool size 2, 2 → (None, 14, 14, 6).',
    when: 'Classic LeNet-style CNNs, or when the overall intensity of a region matters more than its strongest response; MaxPooling2D is the more common choice.',
  },
  params: poolParams(2),
  inputs: [{ name: 'input', label: 'input' }],
  outputShape: (p, [shape]) => poolShape('AveragePooling2D', IMAGES, p, shape, { type: 'AveragePooling1D', layout: SEQUENCES }),
  paramCount: () => 0,
  pytorch: (node) => poolEmitter(node, 'average', 2),
  keras: ({ name, params: p }) => ({ layer: kerasPool('AveragePooling2D', p, name) }),
  fromKeras: poolFromKeras,
});
