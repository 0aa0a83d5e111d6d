import { z } from 'zod';
import { expectLayout, IMAGES } from './shape-hints';
import { defineLayer } from './types';
import { borders, bordersFromKeras, bordersParam } from './windows';
import { assign, py } from './emit/python';

export const ZeroPadding2D = defineLayer({
  type: 'ZeroPadding2D',
  category: 'Reshape',
  summary: 'Adds rows and columns of zeros around each image.',
  explain: {
    what: 'Surrounds every feature map with a border of zeros. No weights. Channels-last: images are (height, width, channels).',
    formula: 'new height = top + height + bottom; new width = left + width + right',
    shapes: '(None, height, width, channels) → (None, padded_height, padded_width, channels). (28, 28, 1) with padding 2, 2 → (None, 32, 32, 1).',
    when: 'To control the size exactly before a valid convolution (e.g. 28×28 MNIST to the 32×32 LeNet-5 expects), or to keep border pixels from being under-used.',
  },
  params: z.object({
    padding: bordersParam(1, 'Padding', 'Zeros to add: 2 numbers pad symmetrically (rows, columns); 4 give top, bottom, left, right.'),
  }),
  inputs: [{ name: 'input', label: 'input' }],
  outputShape: (p, [shape]) => {
    const wrong = expectLayout('ZeroPadding2D', IMAGES, shape);
    if (wrong || !shape) return wrong ?? { ok: false, message: 'ZeroPadding2D needs an input.' };
    const [[top, bottom], [left, right]] = borders(p.padding);
    const [h = null, w = null, c = null] = shape;
    return { ok: true, shape: [h === null ? null : h + top + bottom, w === null ? null : w + left + right, c] };
  },
  paramCount: () => 0,
  pytorch: ({ params: p }) => {
    const [[top, bottom], [left, right]] = borders(p.padding);
    return { init: [], forward: ([x = 'x'], out) => assign(out, `F.pad(${x}, (0, 0, ${left}, ${right}, ${top}, ${bottom}))`) };
  },
  keras: ({ name, params: p }) => ({ layer: `layers.ZeroPadding2D(${py(borders(p.padding))}, name=${py(name)})` }),
  fromKeras: (config, read) => {
    const padding = bordersFromKeras(config.padding);
    return 'error' in padding ? padding : { ...read, padding };
  },
});
