import { z } from 'zod';
import { checkAttentionInput, mhaParamCount, sameLeadingDims } from './attention-rules';
import { defineLayer, formatDims, type Shape } from './types';
import { mhaWeights } from './emit/attention';
import { assign, kwargs, lastDim as lastOf } from './emit/python';

const lastDim = (s: Shape | undefined) => s?.[s.length - 1] ?? 0;

export const MultiHeadAttention = defineLayer({
  type: 'MultiHeadAttention',
  category: 'Attention',
  summary: 'Each query position gathers information from the positions of value/key that matter most to it.',
  explain: {
    what: 'Scaled dot-product attention, several times in parallel. Each head projects the query, key and value into its own small space, scores every query position against every key position, turns the scores into weights with a softmax, and averages the values with them; the heads are concatenated and projected back. Wire one layer into both query and value for self-attention (a sequence looks at itself); wire a decoder into query and an encoder into value for cross-attention.',
    formula:
      'Attention(Q, K, V) = softmax(Q·Kᵀ / √d_k)·V · head_i = Attention(Q·W_i^Q, K·W_i^K, V·W_i^V) · MHA = concat(head_1…head_h)·W^O   ·   params = d_q·h·k + d_k·h·k + d_v·h·v + h·v·d_q (+ h·k + h·k + h·v + d_q biases)',
    shapes:
      'query (None, T_q, d_q), value (None, T_v, d_v), key (None, T_v, d_k) → (None, T_q, d_q). Example: self-attention on (None, 20, 64) with 4 heads of key_dim 16 → (None, 20, 64); 4·(64·64+64) = 16,640 params.',
    when: 'The heart of Transformers: self-attention to let every token see the whole sentence at once (no recurrence, so it trains in parallel), cross-attention to link two sequences (translation; text-to-image in DALL·E-style models). Turn on the causal mask when a position must not see the future (text generation).',
  },
  params: z.object({
    numHeads: z.int().min(1).max(128).default(4).meta({ title: 'Heads', description: 'Number of attention heads run in parallel.' }),
    keyDim: z.int().min(1).max(4096).default(16).meta({ title: 'Key dim', description: 'Size of each head for query and key (d_k in the formula).' }),
    valueDim: z.int().min(0).max(4096).default(0).meta({ title: 'Value dim', description: 'Size of each head for value; 0 means the same as key dim.' }),
    dropout: z.number().min(0).max(0.95).default(0).meta({ title: 'Dropout', description: 'Fraction of attention weights dropped while training.' }),
    useBias: z.boolean().default(true).meta({ title: 'Use bias', description: 'Add biases to the query, key, value and output projections.' }),
    useCausalMask: z
      .boolean()
      .default(false)
      .meta({ title: 'Causal mask', description: 'Position t may only attend to positions ≤ t (no peeking at the future), as in a decoder.' }),
  }),
  inputs: [
    { name: 'query', label: 'query' },
    { name: 'value', label: 'value' },
    { name: 'key', label: 'key (default: value)', optional: true },
  ],
  outputShape: (p, [queryShape, valueShape, keyShape]) => {
    const query = checkAttentionInput('MultiHeadAttention', queryShape, 'query');
    if (!query.ok) return query;
    const value = checkAttentionInput('MultiHeadAttention', valueShape, 'value');
    if (!value.ok) return value;
    const key = keyShape ? checkAttentionInput('MultiHeadAttention', keyShape, 'key') : value;
    if (!key.ok) return key;
    if (value.dims.length !== query.dims.length) {
      return {
        ok: false,
        handle: 'value',
        message: `The query is ${formatDims(query.dims)} but the value is ${formatDims(value.dims)}: both need the same number of axes.`,
        fix: 'Reshape the value to (timesteps, features) like the query.',
      };
    }
    if (!sameLeadingDims(value.dims, key.dims)) {
      return {
        ok: false,
        handle: 'key',
        message: `The key ${formatDims(key.dims)} must have the same timesteps as the value ${formatDims(value.dims)}; only the feature size may differ.`,
        fix: 'Connect a key from the same sequence as the value, or leave key unconnected to use the value.',
      };
    }
    if (p.useCausalMask && query.dims.length !== 2) {
      return {
        ok: false,
        handle: 'query',
        message: `The causal mask orders positions along one time axis, but the query is ${formatDims(query.dims)}.`,
        fix: 'Reshape to (timesteps, features), or turn the causal mask off.',
      };
    }
    return { ok: true, shape: query.dims };
  },
  paramCount: (p, [query, value, key]) => mhaParamCount(p, { query: lastDim(query), value: lastDim(value), key: lastDim(key ?? value), out: lastDim(query) }),
  pytorch: ({ id, params: p, inputShapes: [query, value, key] }) => {
    const dims = { query: lastOf(query), value: lastOf(value), key: lastOf(key ?? value) };
    const valueDim = p.valueDim || p.keyDim;
    const args = kwargs({ value_dim: p.valueDim || undefined, dropout: p.dropout || undefined, use_bias: p.useBias ? undefined : false });
    return {
      init: [`self.${id} = MultiHeadAttention(${dims.query}, ${dims.key}, ${dims.value}, ${p.numHeads}, ${p.keyDim}${args ? `, ${args}` : ''})`],
      forward: ([q = 'x', v = q, k], out) => assign(out, `self.${id}(${q}, ${v}${k ? `, ${k}` : ''}${p.useCausalMask ? ', causal=True' : ''})`),
      helpers: ['attention'],
      weights: mhaWeights(id, '', { ...dims, heads: p.numHeads, keyDim: p.keyDim, valueDim, out: dims.query }, p.useBias),
    };
  },
  keras: ({ name, params: p }) => ({
    layer: `layers.MultiHeadAttention(${kwargs({ num_heads: p.numHeads, key_dim: p.keyDim, value_dim: p.valueDim || undefined, dropout: p.dropout || undefined, use_bias: p.useBias ? undefined : false, name })})`,
    call: (layer, [q = 'x', v = q, k]) => `${layer}(${q}, ${v}${k ? `, ${k}` : ''}${p.useCausalMask ? ', use_causal_mask=True' : ''})`,
  }),
});
