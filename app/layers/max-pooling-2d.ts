import { poolFromKeras, poolParams, poolShape } from './pooling';
import { IMAGES, SEQUENCES } from './shape-hints';
import { defineLayer } from './types';
import { kerasPool, poolEmitter } from './emit/pool';

export const MaxPooling2D = defineLayer({
  type: 'MaxPooling2D',
  category: 'Pooling',
  summary: 'Shrinks an image by keeping the largest value in each window (usually 2×2).',
  explain: {
    what: 'Cuts each feature map into windows (2×2 by default) and keeps only the largest value of each, per channel: "was this feature detected somewhere here?". No weights. Channels-last: images are (height, width, channels).',
    formula: 'y[i, j, c] = max over the window at (i·s, j·s) of x[·, ·, c]; per axis: valid ⌊(n − k)/s⌋ + 1, same ⌈n/s⌉',
    shapes:
      '(None, height, width, channels) → (None, new_height, new_width, channels). (26, 26, 32) with pool size 2, 2 → (None, 13, 13, 32); an odd size rounds down: (13, 13, 64) → (6, 6, 64).',
    when: 'After one or two Conv2D layers in a CNN: it halves height and width, cutting computation, widening what later filters see and making the network tolerant to small shifts.',
  },
  params: poolParams(2),
  inputs: [{ name: 'input', label: 'input' }],
  outputShape: (p, [shape]) => poolShape('MaxPooling2D', IMAGES, p, shape, { type: 'MaxPooling1D', layout: SEQUENCES }),
  paramCount: () => 0,
  pytorch: (node) => poolEmitter(node, 'max', 2),
  keras: ({ name, params: p }) => ({ layer: kerasPool('MaxPooling2D', p, name) }),
  fromKeras: poolFromKeras,
});
