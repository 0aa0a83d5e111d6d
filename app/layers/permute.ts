import { z } from 'zod';
import { defineLayer, formatDims } from './types';
import { assign, py } from './emit/python';

const isPermutation = (dims: readonly number[]) => [...dims].sort((a, b) => a - b).every((d, i) => d === i + 1);

export const Permute = defineLayer({
  type: 'Permute',
  category: 'Reshape',
  summary: 'Reorders the axes of each example, like a transpose.',
  explain: {
    what: 'Swaps the axes of every example according to `dims`. Axes are numbered from 1 (the batch axis 0 never moves): dims 2, 1 swaps the first two axes. Unlike Reshape, values move together with their axis. No weights.',
    formula: 'output axis i = input axis dims[i]',
    shapes: '(None, d1, d2, …) → the same sizes reordered. (10, 64) with dims 2, 1 → (None, 64, 10); (28, 28, 3) with dims 3, 1, 2 → (None, 3, 28, 28).',
    when: 'To treat features as time steps (or the reverse) before an RNN or Conv1D, or to move the channels axis of data laid out channels-first.',
  },
  params: z.object({
    dims: z
      .array(z.int().min(1).max(8))
      .min(1)
      .max(8)
      .refine(isPermutation, 'dims must list each of 1…n exactly once, e.g. 2, 1')
      .default([2, 1])
      .meta({ title: 'Dims', description: 'New order of the axes, counting from 1 (the batch axis is fixed): 2, 1 swaps the first two.' }),
  }),
  inputs: [{ name: 'input', label: 'input' }],
  outputShape: (p, [shape]) => {
    if (!shape) return { ok: false, message: 'Permute needs an input.' };
    if (p.dims.length !== shape.length) {
      const example = shape.map((_d, i) => shape.length - i).join(', ');
      return {
        ok: false,
        message: `Permute's dims ${p.dims.join(', ')} reorder ${p.dims.length} axes, but its input ${formatDims(shape)} has ${shape.length}.`,
        fix: `List each of 1…${shape.length} once, e.g. ${example} to reverse them.`,
      };
    }
    return { ok: true, shape: p.dims.map((d) => shape[d - 1] ?? null) };
  },
  paramCount: () => 0,
  pytorch: ({ params: p }) => ({ init: [], forward: ([x = 'x'], out) => assign(out, `${x}.permute(0, ${p.dims.join(', ')})`) }),
  keras: ({ name, params: p }) => ({ layer: `layers.Permute(${py(p.dims)}, name=${py(name)})` }),
});
