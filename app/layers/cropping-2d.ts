import { z } from 'zod';
import { expectLayout, IMAGES } from './shape-hints';
import { tfjsGap } from './tfjs-gaps';
import { defineLayer, formatDims } from './types';
import { borders, bordersFromKeras, bordersParam } from './windows';
import { assign, py } from './emit/python';

/** Keras refuses a crop that leaves nothing (cropping ≥ size). */
function crop(n: number, before: number, after: number): number | 'empty' {
  return before + after >= n ? 'empty' : n - before - after;
}

export const Cropping2D = defineLayer({
  type: 'Cropping2D',
  category: 'Reshape',
  summary: 'Cuts rows and columns off the edges of each image.',
  explain: {
    what: 'Removes a border from every feature map: rows from the top and bottom, columns from the left and right. No weights. Channels-last: images are (height, width, channels).',
    formula: 'new height = height − top − bottom; new width = width − left − right',
    shapes:
      '(None, height, width, channels) → (None, cropped_height, cropped_width, channels). (32, 32, 3) with cropping 2, 2 → (None, 28, 28, 3); with 4, 0, 0, 0 (top only) → (None, 28, 32, 3).',
    when: 'To make two branches the same size before a merge (U-Net skip connections), or to drop borders that carry no information.',
  },
  params: z.object({
    cropping: bordersParam(0, 'Cropping', 'Pixels to remove: 2 numbers crop symmetrically (rows, columns); 4 give top, bottom, left, right.'),
  }),
  inputs: [{ name: 'input', label: 'input' }],
  outputShape: (p, [shape]) => {
    const wrong = expectLayout('Cropping2D', IMAGES, shape);
    if (wrong || !shape) return wrong ?? { ok: false, message: 'Cropping2D needs an input.' };
    const [[top, bottom], [left, right]] = borders(p.cropping);
    const [h = null, w = null, c = null] = shape;
    // tfjs-layers subtracts from null and reports a negative size, which then breaks training.
    if (h === null || w === null) return tfjsGap('Cropping2D', 'on an image of unknown height or width', 'Give the Input a fixed image size.');
    const height = crop(h, top, bottom);
    const width = crop(w, left, right);
    if (height === 'empty' || width === 'empty') {
      const [axis, removed, size] = height === 'empty' ? ['rows', top + bottom, h] : ['columns', left + right, w];
      return {
        ok: false,
        message: `Cropping2D removes ${removed} ${axis}, but its ${formatDims(shape)} input has only ${size}.`,
        fix: `Crop fewer than ${size} ${axis} in total.`,
      };
    }
    return { ok: true, shape: [height, width, c] };
  },
  paramCount: () => 0,
  pytorch: ({ params: p, inputShapes: [shape] }) => {
    const [[top, bottom], [left, right]] = borders(p.cropping);
    const [h = 0, w = 0] = (shape ?? []).map((d) => d ?? 0);
    return { init: [], forward: ([x = 'x'], out) => assign(out, `${x}[:, ${top}:${h - bottom}, ${left}:${w - right}, :]`) };
  },
  keras: ({ name, params: p }) => ({ layer: `layers.Cropping2D(${py(borders(p.cropping))}, name=${py(name)})` }),
  fromKeras: (config, read) => {
    const cropping = bordersFromKeras(config.cropping);
    return 'error' in cropping ? cropping : { ...read, cropping };
  },
});
