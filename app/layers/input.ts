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
  // tfjs and Keras 2 save the shape with its batch axis (batch_input_shape), Keras 3 as batch_shape.
  fromKeras: (config, read) => {
    const batch = config.batch_input_shape ?? config.batch_shape;
    const shape = Array.isArray(batch) ? batch.slice(1) : config.shape;
    if (!Array.isArray(shape)) return { error: 'has no shape' };
    if (shape.some((d) => d === null)) return { error: `has a dimension unknown until run time ${JSON.stringify(shape)}; LayerLab's Inputs have fixed sizes` };
    return { ...read, shape };
  },
});
