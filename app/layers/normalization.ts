import { z } from 'zod';
import { axisIndex, badAxis } from './shape-hints';
import { tfjsGap } from './tfjs-gaps';
import type { FromKerasResult, KerasConfig, Shape, ShapeResult } from './types';

/** Shared params of BatchNormalization and LayerNormalization (Keras defaults). */
export const normAxisParam = z
  .int()
  .min(-8)
  .max(8)
  .default(-1)
  .meta({ title: 'Axis', description: 'The features axis that gets its own γ and β; -1 is the last (the channels). Axis 0 is the batch.' });

export const epsilonParam = z
  .number()
  .min(0)
  .max(1)
  .default(0.001)
  .meta({ title: 'Epsilon', description: 'Small number added to the variance so that it is never divided by 0.' });

export const centerParam = z.boolean().default(true).meta({ title: 'Center', description: 'Learn an offset β added after normalising.' });
export const scaleParam = z.boolean().default(true).meta({ title: 'Scale', description: 'Learn a factor γ multiplied after normalising.' });

/** Normalisation keeps the shape, but its weights are sized by the axis, which must exist and be known. */
export function normalizedShape(layer: string, axis: number, shape: Shape | undefined): ShapeResult {
  if (!shape) return { ok: false, message: `${layer} needs an input.` };
  const i = axisIndex(axis, shape.length);
  if (i === null) return badAxis(layer, axis, shape);
  if (shape[i] === null) {
    return {
      ok: false,
      message: `${layer} needs a known size on axis ${axis} to size γ and β.`,
      fix: 'Give the Input a fixed size on that axis, or choose another axis.',
    };
  }
  return { ok: true, shape };
}

/** The size of the normalised axis (features per γ/β), or 0 when the shape rule has already failed. */
export function featuresAt(axis: number, shape: Shape | undefined): number {
  const i = shape ? axisIndex(axis, shape.length) : null;
  return i === null ? 0 : (shape?.[i] ?? 0);
}

/** tfjs-layers crashes while training a normaliser without γ or β (it reads the missing weight). */
export function missingWeightGap(layer: string, p: { center: boolean; scale: boolean }): ShapeResult | null {
  if (p.center && p.scale) return null;
  return tfjsGap(layer, 'with center or scale off', 'Turn center and scale on: γ starts at 1 and β at 0, so the layer starts out the same.');
}

/** Keras 3 saves `axis` as a list; LayerLab normalises over one axis. */
export function normFromKeras(config: KerasConfig, read: Record<string, unknown>): FromKerasResult {
  const axis = config.axis;
  if (!Array.isArray(axis)) return read;
  if (axis.length !== 1) return { error: `normalises over the axes ${JSON.stringify(axis)} together; LayerLab normalises over one axis` };
  return { ...read, axis: axis[0] };
}
