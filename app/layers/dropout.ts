import { z } from 'zod';
import { defineLayer } from './types';
import { assign, py } from './emit/python';

export const Dropout = defineLayer({
  type: 'Dropout',
  category: 'Regularization',
  summary: 'Randomly zeroes a fraction of values while training, to fight overfitting.',
  explain: {
    what: 'During training each value is set to 0 with probability `rate`, and the survivors are scaled by 1/(1−rate). At inference it does nothing.',
    shapes: 'Any shape in, the same shape out.',
    when: 'Between large Dense layers when validation loss rises while training loss keeps falling (overfitting). 0.2–0.5 is typical.',
  },
  params: z.object({
    rate: z.number().min(0).max(0.95).default(0.5).meta({ title: 'Rate', description: 'Fraction of values dropped while training.' }),
  }),
  inputs: [{ name: 'input', label: 'input' }],
  outputShape: (_p, [shape]) => (shape ? { ok: true, shape } : { ok: false, message: 'Dropout needs an input.' }),
  paramCount: () => 0,
  pytorch: ({ id, params: p }) => ({ init: [`self.${id} = nn.Dropout(${py(p.rate)})`], forward: ([x = 'x'], out) => assign(out, `self.${id}(${x})`) }),
  keras: ({ name, params: p }) => ({ layer: `layers.Dropout(${py(p.rate)}, name=${py(name)})` }),
});
