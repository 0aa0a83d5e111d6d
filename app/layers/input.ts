import { z } from 'zod';
import { defineLayer } from './types';
import { py } from './emit/python';

export const InputLayer = defineLayer({
  type: 'InputLayer',
  category: 'Input',
  summary: 'Where data enters the network; sets the shape of one example.',
  explain: {
    what: 'Declares the shape of a single example (without the batch dimension). Every network starts with one.',
    shapes: 'No input. Output: (None, *shape), where None is the batch size.',
    when: 'Always: one per data source. 784 for a flattened 28×28 image, 2 for a point in the plane, 4 for Iris measurements.',
  },
  params: z.object({
    shape: z
      .array(z.int().min(1).max(1_000_000))
      .min(1)
      .max(5)
      .default([2])
      .meta({ title: 'Shape', description: 'Size of one example, e.g. 784 or 28, 28, 1.' }),
  }),
  inputs: [],
  outputShape: (p) => ({ ok: true, shape: p.shape }),
  paramCount: () => 0,
  // The Input's variable is the forward argument itself.
  pytorch: () => ({ init: [], forward: () => [] }),
  keras: ({ name, params: p }) => ({ layer: `keras.Input(shape=${py(p.shape)}, name=${py(name)})`, call: (layer) => layer }),
});
