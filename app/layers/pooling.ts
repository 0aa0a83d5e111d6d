import { z } from 'zod';
import { expectLayout, type Alternative, type Layout } from './shape-hints';
import type { FromKerasResult, Shape, ShapeResult } from './types';
import { pair, paddingParam, perAxis, poolStrides, slide } from './windows';

/** Params shared by the local pooling layers; strides 0 stands for Keras's default (strides = poolSize). */
export function poolParams(rank: 1 | 2) {
  const axes = rank === 1 ? 'steps' : 'height and width';
  return z.object({
    poolSize: perAxis(rank, 2, 1, 'Pool size', `Window size along ${axes}; 2 halves each.`),
    strides: perAxis(rank, 0, 0, 'Strides', 'Step between windows; 0 means "same as the pool size", so windows do not overlap (the Keras default).'),
    padding: paddingParam,
  });
}

export type PoolParams = z.output<ReturnType<typeof poolParams>>;

/** Output of a local pooling layer: the slid spatial axes, channels unchanged. */
export function poolShape(layer: string, layout: Layout, p: PoolParams, shape: Shape | undefined, alternative?: Alternative): ShapeResult {
  const wrong = expectLayout(layer, layout, shape, alternative);
  if (wrong || !shape) return wrong ?? { ok: false, message: `${layer} needs an input.` };
  const slid = slide(layer, 'pool window', shape.slice(0, -1), { kernel: p.poolSize, strides: poolStrides(p.poolSize, p.strides), padding: p.padding });
  return slid.ok ? { ok: true, shape: [...slid.dims, shape[shape.length - 1] ?? null] } : slid;
}

/** Output of a global pooling layer: one value per channel. */
export function globalPoolShape(layer: string, layout: Layout, shape: Shape | undefined, alternative?: Alternative): ShapeResult {
  const wrong = expectLayout(layer, layout, shape, alternative);
  if (wrong || !shape) return wrong ?? { ok: false, message: `${layer} needs an input.` };
  return { ok: true, shape: [shape[shape.length - 1] ?? null] };
}

/** tfjs's 1-D pooling args, with the stride default resolved. */
export function pool1dArgs(p: PoolParams) {
  const [size = 2] = p.poolSize;
  const [stride = size] = poolStrides(p.poolSize, p.strides);
  return { poolSize: size, strides: stride, padding: p.padding };
}

/** tfjs's 2-D pooling args, with the stride default resolved. */
export function pool2dArgs(p: PoolParams) {
  return { poolSize: pair(p.poolSize), strides: pair(poolStrides(p.poolSize, p.strides)), padding: p.padding };
}

/** Keras saves the strides it resolved; strides equal to the pool size are its default, which LayerLab writes as 0. */
export function poolFromKeras(_config: unknown, read: Record<string, unknown>): FromKerasResult {
  const size = read.poolSize;
  const strides = read.strides;
  if (Array.isArray(size) && Array.isArray(strides) && size.length === strides.length && size.every((s, i) => s === strides[i])) {
    return { ...read, strides: strides.map(() => 0) };
  }
  return read;
}
