import { z } from 'zod';
import { BUILTIN_ACTIVATIONS } from './activations';
import { checkAttentionInput, mhaParamCount } from './attention-rules';
import { formatDims, type Shape } from './types';

/** KerasHub's TransformerEncoder/TransformerDecoder arguments, with its defaults (intermediate_dim and num_heads have none there). */
export const transformerFields = {
  intermediateDim: z
    .int()
    .min(1)
    .max(65_536)
    .default(128)
    .meta({ title: 'Intermediate dim', description: 'Width of the feed-forward network inside the block (often 2–4 × the model width).' }),
  numHeads: z.int().min(1).max(128).default(4).meta({ title: 'Heads', description: 'Attention heads; each has key dim = model width ÷ heads (rounded down).' }),
  dropout: z
    .number()
    .min(0)
    .max(0.95)
    .default(0)
    .meta({ title: 'Dropout', description: 'Dropout on attention weights and on each sub-block before its residual add.' }),
  activation: z
    .enum(BUILTIN_ACTIVATIONS)
    .default('relu')
    .meta({ title: 'Activation', description: 'Activation of the feed-forward network’s first Dense layer.' }),
  layerNormEpsilon: z
    .number()
    .min(1e-12)
    .max(0.1)
    .default(1e-5)
    .meta({ title: 'LayerNorm epsilon', description: 'Small constant that keeps layer normalisation from dividing by zero.' }),
  normalizeFirst: z.boolean().default(false).meta({
    title: 'Normalize first',
    description:
      'Pre-norm (GPT-2 style: normalise each sub-block’s input) instead of post-norm (original Transformer / BERT: normalise after the residual add).',
  }),
};

/** KerasHub sizes each head as hidden_dim // num_heads, so the heads together may be narrower than the model. */
export function headDim(hidden: number, numHeads: number): number {
  return Math.floor(hidden / numHeads);
}

const layerNormCount = (d: number) => 2 * d;
const feedForwardCount = (d: number, i: number) => d * i + i + i * d + d;

function attentionCount(hidden: number, numHeads: number, source: number): number {
  return mhaParamCount({ numHeads, keyDim: headDim(hidden, numHeads), valueDim: 0, useBias: true }, { query: hidden, key: source, value: source, out: hidden });
}

/**
 * KerasHub TransformerEncoder, with d the model width, h heads, k = d // h, i the intermediate dim:
 * self-attention 3·(d·h·k + h·k) + h·k·d + d, two LayerNorms 2·2d, feed-forward d·i + i + i·d + d.
 */
export function encoderParamCount(hidden: number, numHeads: number, intermediate: number): number {
  return attentionCount(hidden, numHeads, hidden) + 2 * layerNormCount(hidden) + feedForwardCount(hidden, intermediate);
}

/**
 * KerasHub TransformerDecoder: the encoder's sublayers, plus — only when it gets an encoder sequence of width e —
 * cross-attention (d·h·k + h·k) + 2·(e·h·k + h·k) + h·k·d + d and a third LayerNorm 2d.
 */
export function decoderParamCount(hidden: number, numHeads: number, intermediate: number, contextDim: number | null): number {
  const cross = contextDim === null ? 0 : attentionCount(hidden, numHeads, contextDim) + layerNormCount(hidden);
  return encoderParamCount(hidden, numHeads, intermediate) + cross;
}

type BlockCheck = { ok: true; dims: Shape; features: number } | { ok: false; message: string; fix: string; handle: string };

/**
 * A Transformer block reads (T, d) — the encoder also (…, d) with more axes, all attended over as Keras does, while
 * the decoder's causal mask needs exactly one time axis. KerasHub refuses d < num_heads: each head would have size 0.
 */
export function checkBlockInput(
  layer: string,
  shape: Shape | undefined,
  numHeads: number,
  o: { handle: string; label?: string; oneTimeAxis: boolean },
): BlockCheck {
  const label = o.label ?? o.handle;
  const x = checkAttentionInput(layer, shape, o.handle, label);
  if (!x.ok) return x;
  if (o.oneTimeAxis && x.dims.length !== 2) {
    return {
      ok: false,
      handle: o.handle,
      message: `${layer} reads a sequence of vectors (timesteps, features) on "${label}", but gets ${formatDims(x.dims)}.`,
      fix: `Reshape it to (timesteps, ${x.features}).`,
    };
  }
  if (x.features < numHeads) {
    return {
      ok: false,
      handle: o.handle,
      message: `${layer} splits the ${x.features} features on "${label}" into ${numHeads} heads, which leaves each head with 0 features.`,
      fix: `Use at most ${x.features} heads, or a wider embedding.`,
    };
  }
  return x;
}
