import { z } from 'zod';
import { subtractShape } from './merge';
import { defineLayer } from './types';
import { mergeEmitter } from './emit/merge';
import { py } from './emit/python';

export const Subtract = defineLayer({
  type: 'Subtract',
  category: 'Merge',
  summary: 'Subtracts its second input from its first, element by element.',
  explain: {
    what: 'Computes a − b value by value; a and b must have the same shape (a size of 1 on an axis is stretched to match). Order matters, so the two inputs have their own handles. No weights.',
    formula: 'y = a − b',
    shapes: '(None, 64) and (None, 64) → (None, 64).',
    when: 'Comparing two things: the difference between two embeddings in a Siamese network, a prediction minus a baseline, or a residual to be learned.',
  },
  params: z.object({}),
  inputs: [
    { name: 'a', label: 'a' },
    { name: 'b', label: 'b (subtracted)' },
  ],
  outputShape: (_p, shapes) => subtractShape(shapes),
  paramCount: () => 0,
  pytorch: (node) => mergeEmitter(node, ([a = 'a', b = 'b']) => `${a} - ${b}`),
  keras: ({ name }) => ({ layer: `layers.Subtract(name=${py(name)})` }),
});
