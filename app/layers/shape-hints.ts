import { formatDims, type Shape, type ShapeResult } from './types';

/** A data layout a layer insists on, in the words a learner sees in the error. */
export interface Layout {
  readonly rank: number;
  readonly noun: string;
  readonly dims: string;
}

export const IMAGES: Layout = { rank: 3, noun: 'images', dims: '(height, width, channels)' };
export const SEQUENCES: Layout = { rank: 2, noun: 'sequences', dims: '(steps, channels)' };
export const VECTORS: Layout = { rank: 1, noun: 'flat vectors', dims: '(features,)' };

/** A sibling layer that takes the layout the input already has (Conv1D for Conv2D, …). */
export interface Alternative {
  readonly type: string;
  readonly layout: Layout;
}

const product = (dims: readonly number[]) => dims.reduce((a, d) => a * d, 1);

/**
 * A shape with the same number of values and `rank` axes, or null when some size is unknown.
 * Short shapes gain trailing 1s (a square image when a vector's size is a perfect square);
 * long ones fold their trailing axes into the last kept one.
 */
export function reshapeTarget(shape: Shape, rank: number): number[] | null {
  if (shape.some((d) => d === null)) return null;
  const dims = shape as readonly number[];
  if (dims.length < rank) {
    const [only] = dims;
    if (rank === 3 && dims.length === 1 && only !== undefined) {
      const side = Math.round(Math.sqrt(only));
      if (side * side === only) return [side, side, 1];
    }
    return [...dims, ...Array<number>(rank - dims.length).fill(1)];
  }
  return [...dims.slice(0, rank - 1), product(dims.slice(rank - 1))];
}

/** The fix for an input of the wrong rank: a sibling layer where one fits, and a Reshape (or Flatten) that would work. */
function rankFix(layout: Layout, shape: Shape, alternative?: Alternative): string {
  const sibling =
    alternative?.layout.rank === shape.length ? `Use ${alternative.type} for ${alternative.layout.noun} shaped ${alternative.layout.dims}, or i` : 'I';
  if (layout.rank === 1) return `${sibling}nsert a Flatten before it.`;
  const target = reshapeTarget(shape, layout.rank);
  return target ? `${sibling}nsert a Reshape to ${formatDims(target)} before it.` : `${sibling}nsert a Reshape that gives ${layout.dims} before it.`;
}

/** null when `shape` has the layout's rank; otherwise the error that says what to insert. */
export function expectLayout(layer: string, layout: Layout, shape: Shape | undefined, alternative?: Alternative): ShapeResult | null {
  if (!shape) return { ok: false, message: `${layer} needs an input.` };
  if (shape.length === layout.rank) return null;
  return { ok: false, message: `${layer} needs ${layout.noun} shaped ${layout.dims} but gets ${formatDims(shape)}.`, fix: rankFix(layout, shape, alternative) };
}

/** Like `expectLayout` for layers that take any rank from `min` up (TimeDistributed, …). */
export function expectMinRank(layer: string, min: number, words: string, shape: Shape | undefined): ShapeResult | null {
  if (!shape) return { ok: false, message: `${layer} needs an input.` };
  if (shape.length >= min) return null;
  const target = reshapeTarget(shape, min);
  return {
    ok: false,
    message: `${layer} needs ${words} but gets ${formatDims(shape)}.`,
    fix: target ? `Insert a Reshape to ${formatDims(target)} before it.` : `Insert a Reshape that adds an axis before it.`,
  };
}

/**
 * Keras counts axes with the batch as axis 0, so for a batchless shape of `rank` axes the valid
 * values are 1…rank and -1…-rank. Returns the index into the batchless shape, or null.
 */
export function axisIndex(axis: number, rank: number): number | null {
  const full = axis < 0 ? axis + rank + 1 : axis;
  return full >= 1 && full <= rank ? full - 1 : null;
}

/** The error for an `axis` param that does not exist on this input. */
export function badAxis(layer: string, axis: number, shape: Shape): Extract<ShapeResult, { ok: false }> {
  const rank = shape.length;
  const range = rank === 1 ? '1 or -1' : `1…${rank} or -1…-${rank}`;
  return {
    ok: false,
    message: `${layer}'s axis ${axis} does not exist on an input shaped ${formatDims(shape)}.`,
    fix: `Use an axis in ${range} (axis 0 is the batch, which ${layer} cannot use); -1 is the last axis.`,
  };
}

/** Formats a window or spatial size as 3×3; unknown sizes show as None. */
export function formatWindow(dims: readonly (number | null)[]): string {
  return dims.map((d) => d ?? 'None').join('×');
}
