import { z } from 'zod';
import { expectLayout, type Alternative, type Layout } from './shape-hints';
import type { Shape, ShapeResult } from './types';
import { dilationGap } from './tfjs-gaps';
import { slide, strideDilationClash, type Padding } from './windows';

export const filtersParam = z
  .int()
  .min(1)
  .max(4096)
  .default(32)
  .meta({ title: 'Filters', description: 'Number of kernels, i.e. output channels: each learns to detect one pattern.' });

export const useBiasParam = z.boolean().default(true).meta({ title: 'Use bias', description: 'Add a learned bias to each output channel.' });

export interface ConvWindow {
  readonly filters: number;
  readonly kernelSize: readonly number[];
  readonly strides: readonly number[];
  readonly padding: Padding;
  readonly dilationRate?: readonly number[];
}

/**
 * The error a convolution raises before it slides anything: wrong rank, or unknown channels
 * (Keras sizes the kernel from them). null when the input is usable.
 */
export function convInputError(layer: string, layout: Layout, shape: Shape | undefined, alternative?: Alternative): ShapeResult | null {
  const wrong = expectLayout(layer, layout, shape, alternative);
  if (wrong || !shape) return wrong;
  if (shape[shape.length - 1] === null) {
    return {
      ok: false,
      message: `${layer} needs a known number of channels (the last axis) to size its kernels.`,
      fix: 'Give the Input a fixed number of channels.',
    };
  }
  return null;
}

/** Output of Conv1D, Conv2D and SeparableConv2D: the slid spatial axes, then one channel per filter. */
export function convShape(layer: string, layout: Layout, p: ConvWindow, shape: Shape | undefined, alternative?: Alternative): ShapeResult {
  const wrong = convInputError(layer, layout, shape, alternative);
  if (wrong || !shape) return wrong ?? { ok: false, message: `${layer} needs an input.` };
  const clash = strideDilationClash(layer, p.strides, p.dilationRate ?? []);
  if (clash) return clash;
  const slid = slide(layer, 'kernel', shape.slice(0, -1), { kernel: p.kernelSize, strides: p.strides, padding: p.padding, dilation: p.dilationRate ?? [] });
  if (!slid.ok) return slid;
  return dilationGap(layer, p.dilationRate) ?? { ok: true, shape: [...slid.dims, p.filters] };
}

/** The number of input channels, which the schemas and shape rule guarantee is known by the time weights are counted. */
export function channelsOf(shape: Shape | undefined): number {
  return shape?.[shape.length - 1] ?? 0;
}

export const windowArea = (kernel: readonly number[]) => kernel.reduce((a, k) => a * k, 1);
