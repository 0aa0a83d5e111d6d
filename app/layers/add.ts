import { z } from 'zod';
import { elementwiseShape, MERGE_INPUTS } from './merge';
import { defineLayer } from './types';
import { mergeEmitter } from './emit/merge';
import { py } from './emit/python';

export const Add = defineLayer({
  type: 'Add',
  category: 'Merge',
  summary: 'Adds its inputs element by element (residual / skip connections).',
  explain: {
    what: 'Sums two or more inputs of the same shape, value by value. A size of 1 on an axis is stretched to match the others (broadcasting). No weights.',
    formula: 'y = x₁ + x₂ + … + xₙ',
    shapes: '(None, 28, 28, 32) and (None, 28, 28, 32) → (None, 28, 28, 32).',
    when: 'Residual connections (ResNet, Transformers): add a block’s input to its output so gradients flow straight through deep networks. Also to add positional encodings to token embeddings.',
  },
  params: z.object({}),
  inputs: MERGE_INPUTS,
  outputShape: (_p, shapes) => elementwiseShape('Add', 'add', shapes),
  paramCount: () => 0,
  pytorch: (node) => mergeEmitter(node, (xs) => xs.join(' + ')),
  keras: ({ name }) => ({ layer: `layers.Add(name=${py(name)})` }),
});
