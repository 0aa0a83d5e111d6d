import { z } from 'zod';
import { formatWindow } from './shape-hints';
import type { Dim, Shape } from './types';

/** Window sizes above this are a typo, not a model; the cap keeps the inspector's number fields sane. */
const MAX_WINDOW = 1024;

export type Padding = 'valid' | 'same';

const AXIS_WORDS: Record<1 | 2, string> = { 1: 'one number (steps)', 2: 'two numbers: height, width' };

/**
 * A param holding one integer per spatial axis, as Keras stores kernel_size, strides, pool_size…
 * Kept as a list (not a single int) so a document maps one-to-one onto a Keras config.
 */
export function perAxis(rank: 1 | 2, value: number, min: number, title: string, description: string) {
  return z
    .array(z.int().min(min).max(MAX_WINDOW))
    .length(rank, `give ${AXIS_WORDS[rank]}`)
    .default(Array<number>(rank).fill(value))
    .meta({ title, description });
}

export const paddingParam = z.enum(['valid', 'same']).default('valid').meta({
  title: 'Padding',
  description:
    "'valid': no padding; windows stay inside the input, so the output shrinks. 'same': pad the edges so that, at stride 1, the output keeps the input's size.",
});

/** Keras's conv_output_length: the number of window positions along one axis. */
export function windowOutput(n: Dim, kernel: number, stride: number, padding: Padding, dilation = 1): Dim {
  if (n === null) return null;
  const span = (kernel - 1) * dilation + 1;
  return padding === 'valid' ? Math.floor((n - span) / stride) + 1 : Math.ceil(n / stride);
}

/** Keras's deconv_output_length without output_padding (Conv2DTranspose). */
export function transposeOutput(n: Dim, kernel: number, stride: number, padding: Padding): Dim {
  if (n === null) return null;
  return padding === 'valid' ? n * stride + Math.max(kernel - stride, 0) : n * stride;
}

export interface Window {
  readonly kernel: readonly number[];
  readonly strides: readonly number[];
  readonly padding: Padding;
  readonly dilation?: readonly number[];
}

export type Slide = { ok: true; dims: Dim[] } | { ok: false; message: string; fix: string };

const at = (list: readonly number[] | undefined, i: number) => list?.[i] ?? 1;

/**
 * Slides the window over the spatial axes. With 'valid' padding a window wider than its axis has
 * no position at all, which Keras rejects ("negative output size"); say so in plain words.
 */
export function slide(layer: string, noun: 'kernel' | 'pool window', spatial: Shape, w: Window): Slide {
  const spans = w.kernel.map((k, i) => (k - 1) * at(w.dilation, i) + 1);
  const tooBig = spatial.some((n, i) => n !== null && w.padding === 'valid' && at(spans, i) > n);
  if (tooBig) {
    const dilated = spans.some((s, i) => s !== w.kernel[i]) ? `, dilated to ${formatWindow(spans)}` : '';
    return {
      ok: false,
      message: `${layer}'s ${noun} (${formatWindow(w.kernel)}${dilated}) is larger than its input (${formatWindow(spatial)}).`,
      fix: `Use padding 'same', a smaller ${noun}, or less downsampling before this layer.`,
    };
  }
  return { ok: true, dims: spatial.map((n, i) => windowOutput(n, at(w.kernel, i), at(w.strides, i), w.padding, at(w.dilation, i))) };
}

/** Keras and TensorFlow refuse a convolution that both strides and dilates; null when the pair is fine. */
export function strideDilationClash(
  layer: string,
  strides: readonly number[],
  dilation: readonly number[],
): { ok: false; message: string; fix: string } | null {
  if (!strides.some((s) => s > 1) || !dilation.some((d) => d > 1)) return null;
  return { ok: false, message: `${layer} cannot combine strides > 1 with dilationRate > 1.`, fix: 'Set strides to 1, or dilationRate to 1.' };
}

/** Pools default their stride to the pool size; 0 in a strides param stands for that default. */
export function poolStrides(poolSize: readonly number[], strides: readonly number[]): number[] {
  return poolSize.map((k, i) => {
    const stride = strides[i] ?? 0;
    return stride > 0 ? stride : k;
  });
}

/** tfjs types 2-D window args as pairs; the schemas guarantee the length. */
export function pair(list: readonly number[]): [number, number] {
  return [at(list, 0), at(list, 1)];
}

/**
 * A border param (ZeroPadding2D's padding, Cropping2D's cropping): 2 numbers are symmetric
 * (height, width), 4 are top, bottom, left, right — Keras's int tuple and tuple-of-pairs forms.
 */
export function bordersParam(value: number, title: string, description: string) {
  return z
    .array(z.int().min(0).max(MAX_WINDOW))
    .min(2)
    .max(4)
    .refine((l) => l.length !== 3, 'give 2 numbers (height, width) or 4 (top, bottom, left, right)')
    .default([value, value])
    .meta({ title, description });
}

/** [[top, bottom], [left, right]], the form Keras stores and tfjs accepts. */
export function borders(list: readonly number[]): [[number, number], [number, number]] {
  const [a = 0, b = 0, c, d] = list;
  return c === undefined || d === undefined
    ? [
        [a, a],
        [b, b],
      ]
    : [
        [a, b],
        [c, d],
      ];
}

/** Keras's padding or cropping, ((top, bottom), (left, right)), a pair or one number, as LayerLab's 2 or 4 numbers. */
export function bordersFromKeras(value: unknown): number[] | { readonly error: string } {
  if (typeof value === 'number') return [value, value];
  if (!Array.isArray(value) || value.length !== 2) return { error: `has borders ${JSON.stringify(value)}, not 2 pairs` };
  const [rows, cols] = value as unknown[];
  if (typeof rows === 'number' && typeof cols === 'number') return [rows, cols];
  if (!Array.isArray(rows) || !Array.isArray(cols)) return { error: `has borders ${JSON.stringify(value)}, not 2 pairs` };
  const [top, bottom] = rows as unknown[];
  const [left, right] = cols as unknown[];
  if ([top, bottom, left, right].some((n) => typeof n !== 'number')) return { error: `has borders ${JSON.stringify(value)}, not 2 pairs of numbers` };
  const all = [top, bottom, left, right] as number[];
  return top === bottom && left === right ? [all[0]!, all[2]!] : all;
}
