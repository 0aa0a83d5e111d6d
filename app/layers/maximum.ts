import { z } from 'zod';
import { elementwiseShape, MERGE_INPUTS } from './merge';
import { defineLayer } from './types';
import { mergeEmitter } from './emit/merge';
import { py } from './emit/python';

export const Maximum = defineLayer({
  type: 'Maximum',
  category: 'Merge',
  summary: 'Keeps the largest of its inputs, element by element.',
  explain: {
    what: 'For each position, outputs the largest value found in any of its inputs, which must have the same shape. A size of 1 on an axis is stretched to match the others (broadcasting). No weights.',
    formula: 'y = max(x₁, x₂, …, xₙ), value by value',
    shapes: '(None, 64) and (None, 64) → (None, 64).',
    when: 'Combining branches where the strongest response should win, e.g. maxout units, or merging feature maps computed at different scales.',
  },
  params: z.object({}),
  inputs: MERGE_INPUTS,
  outputShape: (_p, shapes) => elementwiseShape('Maximum', 'compare', shapes),
  paramCount: () => 0,
  pytorch: (node) => mergeEmitter(node, (xs) => xs.slice(1).reduce((acc, x) => `torch.maximum(${acc}, ${x})`, xs[0] ?? 'x')),
  keras: ({ name }) => ({ layer: `layers.Maximum(name=${py(name)})` }),
});
