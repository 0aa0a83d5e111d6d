import { z } from 'zod';
import { elementwiseShape, MERGE_INPUTS } from './merge';
import { defineLayer } from './types';
import { mergeEmitter } from './emit/merge';
import { py } from './emit/python';

export const Average = defineLayer({
  type: 'Average',
  category: 'Merge',
  summary: 'Averages its inputs element by element (ensembles).',
  explain: {
    what: 'Takes the mean of two or more inputs of the same shape, value by value. A size of 1 on an axis is stretched to match the others (broadcasting). No weights.',
    formula: 'y = (x₁ + x₂ + … + xₙ) / n',
    shapes: '(None, 10), (None, 10) and (None, 10) → (None, 10).',
    when: 'Ensembles: average the predictions of several branches or models, which usually beats each one alone.',
  },
  params: z.object({}),
  inputs: MERGE_INPUTS,
  outputShape: (_p, shapes) => elementwiseShape('Average', 'average', shapes),
  paramCount: () => 0,
  pytorch: (node) => mergeEmitter(node, (xs) => `(${xs.join(' + ')}) / ${xs.length}`),
  keras: ({ name }) => ({ layer: `layers.Average(name=${py(name)})` }),
});
