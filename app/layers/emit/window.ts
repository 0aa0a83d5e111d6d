import type { Shape } from '../types';
import type { Padding } from '../windows';
import { py } from './python';

/** Padding on both sides of one axis: Keras's 'same' puts the odd pixel after, PyTorch's padding= is symmetric. */
export interface AxisPad {
  readonly before: number;
  readonly after: number;
}

/** TensorFlow's 'same' (and 'valid', no padding) for one axis of size n. */
export function samePad(n: number, kernel: number, stride: number, dilation: number, padding: Padding): AxisPad {
  if (padding === 'valid') return { before: 0, after: 0 };
  const span = (kernel - 1) * dilation + 1;
  const out = Math.ceil(n / stride);
  const total = Math.max((out - 1) * stride + span - n, 0);
  return { before: Math.floor(total / 2), after: total - Math.floor(total / 2) };
}

/** The spatial sizes of a channels-last shape (all but the last axis). */
export function spatial(shape: Shape | undefined): number[] {
  return (shape ?? []).slice(0, -1).map((d) => {
    if (typeof d !== 'number') throw new Error('emitter needs known spatial sizes');
    return d;
  });
}

export interface PadPlan {
  /** What the PyTorch module's own `padding=` gets: symmetric padding, or 0 when F.pad does it. */
  readonly moduleArg: string;
  /** F.pad's argument (last axis first), or null when the module pads by itself. */
  readonly explicit: string | null;
}

/** Symmetric padding goes into the module; Keras's uneven 'same' padding becomes an explicit F.pad before it. */
export function padPlan(pads: readonly AxisPad[]): PadPlan {
  const symmetric = pads.every((p) => p.before === p.after);
  if (symmetric) return { moduleArg: py(pads.map((p) => p.before)), explicit: null };
  const flat = [...pads].reverse().flatMap((p) => [p.before, p.after]);
  return { moduleArg: '0', explicit: `(${flat.join(', ')})` };
}

/** Keras works channels-last, PyTorch's conv and pooling modules channels-first: move the channels around them. */
export function channelsFirst(x: string, rank: number): string {
  return rank === 1 ? `${x}.transpose(1, 2)` : `${x}.permute(0, 3, 1, 2)`;
}

export function channelsLast(x: string, rank: number): string {
  return rank === 1 ? `${x}.transpose(1, 2)` : `${x}.permute(0, 2, 3, 1)`;
}

/** `module(x)` on a channels-last tensor, with an explicit F.pad when the padding is uneven. */
export function aroundChannelsFirst(call: (x: string) => string, x: string, rank: number, plan: PadPlan, padValue?: string): string {
  const first = channelsFirst(x, rank);
  const padded = plan.explicit ? `F.pad(${first}, ${plan.explicit}${padValue ? `, value=${padValue}` : ''})` : first;
  return channelsLast(call(padded), rank);
}
