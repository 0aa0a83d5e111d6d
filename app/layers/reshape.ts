import { z } from 'zod';
import { defineLayer, formatDims, type Shape, type ShapeResult } from './types';
import { assign, py } from './emit/python';

const product = (dims: readonly number[]) => dims.reduce((a, d) => a * d, 1);

/** Suggests a target with the same number of values, preferring square images. */
function suggestTarget(size: number): string {
  const side = Math.round(Math.sqrt(size));
  if (side * side === size) return `(${side}, ${side}, 1)`;
  return `(${size},)`;
}

export function reshapeResult(target: readonly number[], shape: Shape): ShapeResult {
  if (shape.some((d) => d === null)) return { ok: false, message: 'Reshape needs every input dimension known.' };
  const size = product(shape as number[]);
  const unknown = target.filter((d) => d === -1).length;
  if (unknown > 1) return { ok: false, message: 'Only one dimension of the target shape can be -1.', fix: 'Replace all but one -1 with a number.' };
  const known = product(target.filter((d) => d !== -1));
  if (unknown === 1) {
    if (size % known !== 0) {
      return {
        ok: false,
        message: `Can't reshape ${size} values into ${formatDims(target)}: ${size} is not divisible by ${known}.`,
        fix: `Try ${suggestTarget(size)}.`,
      };
    }
    return { ok: true, shape: target.map((d) => (d === -1 ? size / known : d)) };
  }
  if (known !== size) {
    return {
      ok: false,
      message: `Can't reshape ${formatDims(shape)} (${size} values) into ${formatDims(target)} (${known} values).`,
      fix: `Use a target whose sizes multiply to ${size}, e.g. ${suggestTarget(size)}.`,
    };
  }
  return { ok: true, shape: target };
}

export const Reshape = defineLayer({
  type: 'Reshape',
  category: 'Reshape',
  summary: 'Rearranges each example into a new shape with the same number of values.',
  explain: {
    what: 'Reinterprets the values of an example in a new layout. The number of values must stay the same; one dimension may be -1 to be inferred.',
    shapes: '(None, 784) → (None, 28, 28, 1) with target shape 28, 28, 1.',
    when: 'To turn a flat vector back into an image before convolutions, or to split a vector into a sequence.',
  },
  params: z.object({
    targetShape: z
      .array(
        z
          .int()
          .min(-1)
          .refine((d) => d !== 0, 'dimensions cannot be 0'),
      )
      .min(1)
      .max(5)
      .default([-1])
      .meta({ title: 'Target shape', description: 'New shape of one example; -1 means "whatever is left".' }),
  }),
  inputs: [{ name: 'input', label: 'input' }],
  outputShape: (p, [shape]) => (shape ? reshapeResult(p.targetShape, shape) : { ok: false, message: 'Reshape needs an input.' }),
  paramCount: () => 0,
  pytorch: ({ outputShapes: [shape] }) => ({ init: [], forward: ([x = 'x'], out) => assign(out, `${x}.reshape(${x}.shape[0], ${(shape ?? []).join(', ')})`) }),
  keras: ({ name, params: p }) => ({ layer: `layers.Reshape(${py(p.targetShape)}, name=${py(name)})` }),
});
