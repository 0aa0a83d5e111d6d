import { z } from 'zod';
import { checkAttentionInput, checkSequenceLength } from './attention-rules';
import { defineLayer } from './types';
import { assign, lastDim, py } from './emit/python';

export const PositionEmbedding = defineLayer({
  type: 'PositionEmbedding',
  category: 'Attention',
  summary: 'Learned position vectors, shaped like its input, to add to token embeddings.',
  explain: {
    what: "Attention by itself ignores word order: shuffle the tokens and each one gets the same result. This layer learns one vector per position (0, 1, 2, …) and outputs the vectors for the positions of its input. It outputs them, it does not add them: add them to the token embeddings with an Add layer (KerasHub's PositionEmbedding works the same way).",
    formula: 'y[t, :] = P[t, :], P ∈ ℝ^(sequence_length × d)   ·   then x + y with Add   ·   params = sequence_length · d',
    shapes:
      '(None, T, d) → (None, T, d), for any T ≤ sequence length. Example: token embeddings (None, 40, 64) with sequence length 40 → (None, 40, 64); 2,560 params.',
    when: 'Transformers over sequences of a bounded length. TokenAndPositionEmbedding does Embedding + PositionEmbedding + Add in one node; use this one to see the pieces, or SinePositionEncoding for a fixed encoding without weights.',
  },
  params: z.object({
    sequenceLength: z.int().min(1).max(100_000).default(128).meta({ title: 'Sequence length', description: 'Longest sequence it has positions for.' }),
  }),
  inputs: [{ name: 'input', label: 'input' }],
  outputShape: (p, [shape]) => {
    const x = checkAttentionInput('PositionEmbedding', shape, 'input');
    if (!x.ok) return x;
    const length = checkSequenceLength('PositionEmbedding', x.dims[x.dims.length - 2], p.sequenceLength);
    return length.ok ? { ok: true, shape: x.dims } : length;
  },
  paramCount: (p, [shape]) => p.sequenceLength * (shape?.[shape.length - 1] ?? 0),
  pytorch: ({ id, params: p, inputShapes: [shape] }) => ({
    init: [`self.${id} = PositionEmbedding(${p.sequenceLength}, ${lastDim(shape)})`],
    forward: ([x = 'x'], out) => assign(out, `self.${id}(${x})`),
    helpers: ['position'],
    weights: [{ torch: `${id}.embeddings`, keras: 'embeddings', ops: [] }],
  }),
  keras: ({ name, params: p }) => ({ layer: `keras_hub.layers.PositionEmbedding(${p.sequenceLength}, name=${py(name)})`, kerasHub: true }),
});
