import { z } from 'zod';
import { globalPoolShape } from './pooling';
import { IMAGES, SEQUENCES } from './shape-hints';
import { defineLayer } from './types';
import { assign, py } from './emit/python';

export const GlobalMaxPooling1D = defineLayer({
  type: 'GlobalMaxPooling1D',
  category: 'Pooling',
  summary: 'Keeps the largest value of each channel over a whole sequence.',
  explain: {
    what: 'Takes the maximum of every channel over all steps: "did this pattern occur anywhere in the sequence, and how strongly?". No weights. Channels-last: the last axis holds the channels.',
    formula: 'y[c] = max_t x[t, c]',
    shapes: '(None, steps, channels) → (None, channels). (96, 64) → (None, 64); the number of steps may be unknown (None).',
    when: 'After Conv1D layers in a text or signal classifier, when the presence of a pattern matters more than where it occurs.',
  },
  params: z.object({}),
  inputs: [{ name: 'input', label: 'input' }],
  outputShape: (_p, [shape]) => globalPoolShape('GlobalMaxPooling1D', SEQUENCES, shape, { type: 'GlobalMaxPooling2D', layout: IMAGES }),
  paramCount: () => 0,
  pytorch: () => ({ init: [], forward: ([x = 'x'], out) => assign(out, `torch.amax(${x}, dim=1)`) }),
  keras: ({ name }) => ({ layer: `layers.GlobalMaxPooling1D(name=${py(name)})` }),
});
