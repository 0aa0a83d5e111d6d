import { axisIndex, badAxis } from './shape-hints';
import { formatDims, type Dim, type InputHandle, type Shape, type ShapeResult } from './types';

/** The one handle of Add, Multiply, Average, Maximum and Concatenate: every connection, in the order made. */
export const MERGE_INPUTS: readonly InputHandle[] = [{ name: 'inputs', label: 'inputs', multiple: true }];

export type Broadcast = { ok: true; shape: Shape } | { ok: false; axis: number; a: Dim; b: Dim };

/**
 * Keras's _compute_elemwise_op_output_shape on batchless shapes: aligned from the right, a size of 1
 * stretches to the other, an unknown size stays unknown. `axis` on failure is Keras's axis number
 * (batch = 0) in the longer shape.
 */
export function broadcast(a: Shape, b: Shape): Broadcast {
  const [long, short, swapped] = a.length >= b.length ? [a, b, false] : [b, a, true];
  const offset = long.length - short.length;
  const out: Dim[] = [...long.slice(0, offset)];
  for (let k = 0; k < short.length; k++) {
    const i = long[offset + k] ?? null;
    const j = short[k] ?? null;
    if (i === null || j === null) out.push(null);
    else if (i === 1) out.push(j);
    else if (j === 1 || i === j) out.push(i);
    else return { ok: false, axis: offset + k + 1, a: swapped ? j : i, b: swapped ? i : j };
  }
  return { ok: true, shape: out };
}

const FIX_SIZES = 'a size of 1 also works: it is stretched to match';

/** Add, Multiply, Average and Maximum: two or more inputs whose shapes broadcast, folded in connection order. */
export function elementwiseShape(layer: string, verb: string, shapes: readonly Shape[]): ShapeResult {
  const [first, ...rest] = shapes;
  if (!first || rest.length === 0) {
    return {
      ok: false,
      message: `${layer} needs at least two inputs to ${verb}; it has ${shapes.length}.`,
      fix: "Connect another layer's output to its inputs handle.",
      handle: 'inputs',
    };
  }
  let acc: Shape = first;
  for (const [k, shape] of rest.entries()) {
    const r = broadcast(acc, shape);
    if (!r.ok) {
      const n = k + 2;
      const before = n === 2 ? `input 1 is ${formatDims(acc)}` : `inputs 1–${n - 1} give ${formatDims(acc)}`;
      return {
        ok: false,
        message: `${layer} needs inputs of the same shape, but ${before} and input ${n} is ${formatDims(shape)}: they differ on axis ${r.axis} (${r.a} vs ${r.b}).`,
        fix: `Make the branches the same size on axis ${r.axis} (${FIX_SIZES}), or use Concatenate to stack them instead.`,
        handle: 'inputs',
      };
    }
    acc = r.shape;
  }
  return { ok: true, shape: acc };
}

/** Subtract's rule: exactly `a` and `b`, shapes broadcast. */
export function subtractShape(shapes: readonly Shape[]): ShapeResult {
  const [a, b] = shapes;
  if (!a || !b) return { ok: false, message: 'Subtract needs both a and b connected.', handle: a ? 'b' : 'a' };
  const r = broadcast(a, b);
  if (r.ok) return { ok: true, shape: r.shape };
  return {
    ok: false,
    message: `Subtract needs a and b of the same shape, but a is ${formatDims(a)} and b is ${formatDims(b)}: they differ on axis ${r.axis} (${r.a} vs ${r.b}).`,
    fix: `Make b the same size as a on axis ${r.axis} (${FIX_SIZES}).`,
    handle: 'b',
  };
}

/**
 * Concatenate's rule, as the op enforces it: the same rank everywhere, equal sizes on every axis
 * but `axis` (an unknown size matches anything). Like Keras, the other sizes come from input 1.
 */
export function concatShape(axis: number, shapes: readonly Shape[]): ShapeResult {
  const [first, ...rest] = shapes;
  if (!first || rest.length === 0) {
    return {
      ok: false,
      message: `Concatenate needs at least two inputs to join; it has ${shapes.length}.`,
      fix: "Connect another layer's output to its inputs handle.",
      handle: 'inputs',
    };
  }
  const at = axisIndex(axis, first.length);
  if (at === null) return { ...badAxis('Concatenate', axis, first), handle: 'inputs' };
  const out: Dim[] = [...first];
  for (const [k, shape] of rest.entries()) {
    const n = k + 2;
    if (shape.length !== first.length) {
      return {
        ok: false,
        message: `Concatenate needs inputs with the same number of axes, but input 1 is ${formatDims(first)} and input ${n} is ${formatDims(shape)}.`,
        fix: `Flatten both, or Reshape input ${n} to ${first.length} ${first.length === 1 ? 'axis' : 'axes'} like input 1.`,
        handle: 'inputs',
      };
    }
    const clash = shape.findIndex((d, i) => i !== at && d !== null && first[i] !== null && d !== first[i]);
    if (clash >= 0) {
      return {
        ok: false,
        message: `Concatenate joins along axis ${axis}, so every other axis must match, but input ${n} has ${shape[clash]} on axis ${clash + 1} where input 1 has ${first[clash]}.`,
        fix: `Resize input ${n} to ${first[clash]} on axis ${clash + 1} (pooling, UpSampling2D, Cropping2D or Reshape), or join along another axis.`,
        handle: 'inputs',
      };
    }
    const size = shape[at] ?? null;
    const total = out[at] ?? null;
    out[at] = total === null || size === null ? null : total + size;
  }
  return { ok: true, shape: out };
}
