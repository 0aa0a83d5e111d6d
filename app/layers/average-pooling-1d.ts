import { poolFromKeras, poolParams, poolShape } from './pooling';
import { IMAGES, SEQUENCES } from './shape-hints';
import { defineLayer } from './types';
import { kerasPool, poolEmitter } from './emit/pool';

export const AveragePooling1D = defineLayer({
  type: 'AveragePooling1D',
  category: 'Pooling',
  summary: 'Shortens a sequence by averaging each window.',
  explain: {
    what: 'Slides a window along the steps and replaces it by the mean of each channel inside it, a smoothing downsample. No weights. Channels-last: the last axis holds the channels.',
    formula: 'y[t, c] = (1/k) Σ_{i<k} x[t·s + i, c]; length: valid ⌊(n − k)/s⌋ + 1, same ⌈n/s⌉ (same padding averages only the real values)',
    shapes: '(None, steps, channels) → (None, new_steps, channels). (100, 8) with pool size 4 → (None, 25, 8).',
    when: 'To shorten a sequence while keeping its overall level, e.g. to smooth a noisy time series; MaxPooling1D is the usual choice after Conv1D.',
  },
  params: poolParams(1),
  inputs: [{ name: 'input', label: 'input' }],
  outputShape: (p, [shape]) => poolShape('AveragePooling1D', SEQUENCES, p, shape, { type: 'AveragePooling2D', layout: IMAGES }),
  paramCount: () => 0,
  pytorch: (node) => poolEmitter(node, 'average', 1),
  keras: ({ name, params: p }) => ({ layer: kerasPool('AveragePooling1D', p, name) }),
  fromKeras: poolFromKeras,
});
