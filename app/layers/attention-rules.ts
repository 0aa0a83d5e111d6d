import { formatDims, type Shape } from './types';

export interface MhaCountConfig {
  readonly numHeads: number;
  readonly keyDim: number;
  /** 0 means "same as keyDim" (Keras's value_dim=None). */
  readonly valueDim: number;
  readonly useBias: boolean;
}

export interface MhaFeatureDims {
  readonly query: number;
  readonly key: number;
  readonly value: number;
  /** Size of the output; Keras uses the query's last dimension unless output_shape is set. */
  readonly out: number;
}

/**
 * Keras MultiHeadAttention's weights: four EinsumDense projections.
 * query d_q·h·k (+h·k) · key d_k·h·k (+h·k) · value d_v·h·v (+h·v) · output h·v·d_out (+d_out).
 */
export function mhaParamCount(c: MhaCountConfig, d: MhaFeatureDims): number {
  const h = c.numHeads;
  const k = c.keyDim;
  const v = c.valueDim || c.keyDim;
  const b = c.useBias ? 1 : 0;
  return d.query * h * k + b * h * k + d.key * h * k + b * h * k + d.value * h * v + b * h * v + h * v * d.out + b * d.out;
}

type FeatureCheck = { ok: true; dims: Shape; features: number } | { ok: false; message: string; fix: string; handle: string };

/**
 * Checks one attention input: a sequence of vectors (T, d) — or more axes before d, all attended over as in Keras —
 * with a known feature size d to size the projections.
 */
export function checkAttentionInput(layer: string, shape: Shape | undefined, handle: string, label = handle): FeatureCheck {
  if (!shape) return { ok: false, handle, message: `${layer} needs something on its "${label}" input.`, fix: 'Connect a sequence (timesteps, features).' };
  if (shape.length < 2) {
    return {
      ok: false,
      handle,
      message: `${layer} attends over a sequence of vectors (timesteps, features) on "${label}", but gets ${formatDims(shape)}.`,
      fix: 'Put an Embedding (for token ids) or a Reshape to (timesteps, features) before it.',
    };
  }
  const features = shape[shape.length - 1];
  if (features === null || features === undefined) {
    return {
      ok: false,
      handle,
      message: `${layer} needs a known feature size (the last dimension) on "${label}" to size its weights.`,
      fix: 'Give the Input a fixed last dimension.',
    };
  }
  return { ok: true, dims: shape, features };
}

/** Keras compares the non-feature dimensions of value and key exactly (None only matches None). */
export function sameLeadingDims(a: Shape, b: Shape): boolean {
  return a.length === b.length && a.slice(0, -1).every((d, i) => d === b[i]);
}

/** Learned position tables have one row per position: a known sequence longer than the table cannot be embedded. */
export function checkSequenceLength(
  layer: string,
  timesteps: number | null | undefined,
  sequenceLength: number,
): { ok: true } | { ok: false; message: string; fix: string; handle: string } {
  if (typeof timesteps === 'number' && timesteps > sequenceLength) {
    return {
      ok: false,
      handle: 'input',
      message: `${layer} has positions for ${sequenceLength} steps, but the sequence has ${timesteps}.`,
      fix: `Set sequence length to at least ${timesteps}.`,
    };
  }
  return { ok: true };
}
