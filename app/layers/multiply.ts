import { z } from 'zod';
import { elementwiseShape, MERGE_INPUTS } from './merge';
import { defineLayer } from './types';
import { mergeEmitter } from './emit/merge';
import { py } from './emit/python';

export const Multiply = defineLayer({
  type: 'Multiply',
  category: 'Merge',
  summary: 'Multiplies its inputs element by element (gating).',
  explain: {
    what: 'Multiplies two or more inputs of the same shape, value by value. A size of 1 on an axis is stretched to match the others (broadcasting). No weights.',
    formula: 'y = x₁ ⊙ x₂ ⊙ … ⊙ xₙ',
    shapes: '(None, 64) and (None, 64) → (None, 64); (None, 8, 8, 32) and (None, 1, 1, 32) → (None, 8, 8, 32).',
    when: 'Gating: one branch (usually a sigmoid between 0 and 1) decides how much of the other passes, as in LSTM gates, attention masks and squeeze-and-excitation blocks.',
  },
  params: z.object({}),
  inputs: MERGE_INPUTS,
  outputShape: (_p, shapes) => elementwiseShape('Multiply', 'multiply', shapes),
  paramCount: () => 0,
  pytorch: (node) => mergeEmitter(node, (xs) => xs.join(' * ')),
  keras: ({ name }) => ({ layer: `layers.Multiply(name=${py(name)})` }),
});
