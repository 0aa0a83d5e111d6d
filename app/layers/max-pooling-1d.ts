import { poolFromKeras, poolParams, poolShape } from './pooling';
import { IMAGES, SEQUENCES } from './shape-hints';
import { defineLayer } from './types';
import { kerasPool, poolEmitter } from './emit/pool';

export const MaxPooling1D = defineLayer({
  type: 'MaxPooling1D',
  category: 'Pooling',
  summary: 'Shortens a sequence by keeping the largest value in each window.',
  explain: {
    what: 'Slides a window along the steps and keeps only the maximum of each channel inside it: "was this pattern present somewhere here?". No weights. Channels-last: the last axis holds the channels.',
    formula: 'y[t, c] = max over i < k of x[t·s + i, c]; length: valid ⌊(n − k)/s⌋ + 1, same ⌈n/s⌉',
    shapes: '(None, steps, channels) → (None, new_steps, channels). (96, 32) with pool size 2 → (None, 48, 32).',
    when: 'After Conv1D, to make the sequence shorter (cheaper, wider view for later layers) and tolerant to small shifts in time.',
  },
  params: poolParams(1),
  inputs: [{ name: 'input', label: 'input' }],
  outputShape: (p, [shape]) => poolShape('MaxPooling1D', SEQUENCES, p, shape, { type: 'MaxPooling2D', layout: IMAGES }),
  paramCount: () => 0,
  pytorch: (node) => poolEmitter(node, 'max', 1),
  keras: ({ name, params: p }) => ({ layer: kerasPool('MaxPooling1D', p, name) }),
  fromKeras: poolFromKeras,
});
