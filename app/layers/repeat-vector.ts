import { z } from 'zod';
import { expectLayout, VECTORS } from './shape-hints';
import { defineLayer } from './types';
import { assign, py } from './emit/python';

export const RepeatVector = defineLayer({
  type: 'RepeatVector',
  category: 'Reshape',
  summary: 'Repeats a vector n times to make a sequence.',
  explain: {
    what: 'Copies the input vector `n` times, producing a sequence whose every step is the same vector. No weights.',
    shapes: '(None, features) → (None, n, features). (64,) with n 10 → (None, 10, 64).',
    when: 'Sequence-to-sequence models and LSTM autoencoders: the encoder squeezes a sequence into one vector, RepeatVector feeds that vector to every step of the decoder LSTM.',
  },
  params: z.object({
    n: z.int().min(1).max(100_000).default(10).meta({ title: 'n', description: 'Number of repetitions: the length of the output sequence.' }),
  }),
  inputs: [{ name: 'input', label: 'input' }],
  outputShape: (p, [shape]) => expectLayout('RepeatVector', VECTORS, shape) ?? { ok: true, shape: [p.n, shape?.[0] ?? null] },
  paramCount: () => 0,
  pytorch: ({ params: p }) => ({ init: [], forward: ([x = 'x'], out) => assign(out, `${x}.unsqueeze(1).expand(-1, ${p.n}, -1)`) }),
  keras: ({ name, params: p }) => ({ layer: `layers.RepeatVector(${p.n}, name=${py(name)})` }),
});
