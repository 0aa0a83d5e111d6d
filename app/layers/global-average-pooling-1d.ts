import { z } from 'zod';
import { globalPoolShape } from './pooling';
import { IMAGES, SEQUENCES } from './shape-hints';
import { defineLayer } from './types';
import { assign, py } from './emit/python';

export const GlobalAveragePooling1D = defineLayer({
  type: 'GlobalAveragePooling1D',
  category: 'Pooling',
  summary: 'Averages a whole sequence into one vector: one value per channel.',
  explain: {
    what: 'Takes the mean of every channel over all steps, turning a sequence of any length into a fixed-size vector. No weights. Channels-last: the last axis holds the channels.',
    formula: 'y[c] = (1/n) Σ_t x[t, c]',
    shapes: '(None, steps, channels) → (None, channels). (200, 16) → (None, 16); the number of steps may be unknown (None).',
    when: 'Text classification after an Embedding (the classic "bag of embeddings" model), or after Conv1D layers, before the Dense classifier.',
  },
  params: z.object({}),
  inputs: [{ name: 'input', label: 'input' }],
  outputShape: (_p, [shape]) => globalPoolShape('GlobalAveragePooling1D', SEQUENCES, shape, { type: 'GlobalAveragePooling2D', layout: IMAGES }),
  paramCount: () => 0,
  pytorch: () => ({ init: [], forward: ([x = 'x'], out) => assign(out, `torch.mean(${x}, dim=1)`) }),
  keras: ({ name }) => ({ layer: `layers.GlobalAveragePooling1D(name=${py(name)})` }),
});
