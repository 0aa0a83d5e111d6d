import { z } from 'zod';
import { concatShape, MERGE_INPUTS } from './merge';
import { defineLayer } from './types';
import { assign, py } from './emit/python';

export const Concatenate = defineLayer({
  type: 'Concatenate',
  category: 'Merge',
  summary: 'Joins several inputs side by side along one axis.',
  explain: {
    what: 'Glues its inputs together along `axis` (by default the last one, the features or channels), in the order they were connected. All other axes must have the same size. No weights.',
    shapes: '(None, 28, 28, 16) and (None, 28, 28, 32) → (None, 28, 28, 48); (None, 64) and (None, 10) → (None, 74).',
    when: 'Combining branches that saw different things: several inputs (an image and its metadata), Inception-style parallel convolutions, U-Net skip connections, or a conditional GAN joining noise and a label.',
  },
  params: z.object({
    axis: z
      .int()
      .min(-8)
      .max(8)
      .default(-1)
      .meta({ title: 'Axis', description: 'The axis to join along; -1 is the last (features or channels). Axis 0 is the batch and cannot be used.' }),
  }),
  inputs: MERGE_INPUTS,
  outputShape: (p, shapes) => concatShape(p.axis, shapes),
  paramCount: () => 0,
  // The batch is axis 0 in both, so Keras's axis (negative or not) is PyTorch's dim; activations stay channels-last.
  pytorch: ({ params: p }) => ({ init: [], forward: (xs, out) => assign(out, `torch.cat([${xs.join(', ')}], dim=${p.axis})`) }),
  keras: ({ name, params: p }) => ({ layer: `layers.Concatenate(axis=${p.axis}, name=${py(name)})` }),
});
