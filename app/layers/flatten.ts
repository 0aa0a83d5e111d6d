import { z } from 'zod';
import { defineLayer } from './types';
import { assign, py } from './emit/python';

export const Flatten = defineLayer({
  type: 'Flatten',
  category: 'Reshape',
  summary: 'Unrolls each example into one long vector.',
  explain: {
    what: 'Lays out all values of an example in one row, keeping the batch axis. No weights.',
    shapes: '(None, d1, d2, …) → (None, d1·d2·…). A (28, 28, 1) image becomes 784 values.',
    when: 'Between convolution/pooling layers and the Dense classifier head.',
  },
  params: z.object({}),
  inputs: [{ name: 'input', label: 'input' }],
  outputShape: (_p, [shape]) => {
    if (!shape) return { ok: false, message: 'Flatten needs an input.' };
    if (shape.some((d) => d === null)) {
      return { ok: false, message: 'Flatten needs every dimension known; this input has a variable-size axis.', fix: 'Use a fixed-size Input.' };
    }
    return { ok: true, shape: [shape.reduce<number>((a, d) => a * (d ?? 1), 1)] };
  },
  paramCount: () => 0,
  // Activations stay channels-last in the exported module, so flattening keeps Keras's order and the next Dense's weights fit.
  pytorch: () => ({ init: [], forward: ([x = 'x'], out) => assign(out, `torch.flatten(${x}, 1)`) }),
  keras: ({ name }) => ({ layer: `layers.Flatten(name=${py(name)})` }),
});
