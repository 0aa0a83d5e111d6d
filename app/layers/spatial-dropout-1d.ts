import { z } from 'zod';
import { expectLayout, SEQUENCES } from './shape-hints';
import { defineLayer } from './types';
import { assign, py } from './emit/python';

export const SpatialDropout1D = defineLayer({
  type: 'SpatialDropout1D',
  category: 'Regularization',
  summary: 'Dropout that drops whole channels of a sequence at once.',
  explain: {
    what: 'While training, each channel (feature) is switched off for the whole sequence with probability `rate`, and the survivors are scaled by 1/(1−rate). Neighbouring steps are strongly correlated, so plain Dropout on single values hardly regularises; dropping entire channels does. At inference it does nothing.',
    shapes: '(None, steps, channels) → the same shape. (100, 64) with rate 0.2 drops about 13 of the 64 channels per example.',
    when: 'After an Embedding or a Conv1D in text and time-series models, when the model overfits.',
  },
  params: z.object({
    rate: z.number().min(0).max(0.95).default(0.2).meta({ title: 'Rate', description: 'Fraction of channels dropped while training.' }),
  }),
  inputs: [{ name: 'input', label: 'input' }],
  outputShape: (_p, [shape]) => expectLayout('SpatialDropout1D', SEQUENCES, shape) ?? { ok: true, shape: shape ?? [] },
  paramCount: () => 0,
  // Drops whole channels: PyTorch's Dropout1d reads (batch, channels, steps).
  pytorch: ({ id, params: p }) => ({
    init: [`self.${id} = nn.Dropout1d(${py(p.rate)})`],
    forward: ([x = 'x'], out) => assign(out, `self.${id}(${x}.transpose(1, 2)).transpose(1, 2)`),
  }),
  keras: ({ name, params: p }) => ({ layer: `layers.SpatialDropout1D(${py(p.rate)}, name=${py(name)})` }),
});
