import { z } from 'zod';
import { checkSequenceLength } from './attention-rules';
import { defineLayer } from './types';
import { assign, py } from './emit/python';

export const TokenAndPositionEmbedding = defineLayer({
  type: 'TokenAndPositionEmbedding',
  category: 'Attention',
  summary: 'Token embedding plus learned position embedding: the entry of a Transformer.',
  explain: {
    what: "Looks up a vector for each token id (like Embedding) and adds a learned vector for its position (like PositionEmbedding), so the Transformer after it knows both which word it is and where it stands. KerasHub's layer of the same name.",
    formula: 'y[t, :] = E[x_t, :] + P[t, :]   ·   params = vocabulary_size · d + sequence_length · d',
    shapes:
      '(None, T) token ids → (None, T, embedding_dim), T ≤ sequence length. Example: vocabulary 5,000, sequence length 40, 64 dims → (None, 40, 64); 5,000·64 + 40·64 = 322,560 params.',
    when: 'First layer of a Transformer encoder or decoder on text. Use one per input sequence (source and target in translation).',
  },
  params: z.object({
    vocabularySize: z
      .int()
      .min(1)
      .max(1_000_000)
      .default(5_000)
      .meta({ title: 'Vocabulary size', description: 'Number of distinct token ids (largest id + 1).' }),
    sequenceLength: z.int().min(1).max(100_000).default(128).meta({ title: 'Sequence length', description: 'Longest sequence it has positions for.' }),
    embeddingDim: z.int().min(1).max(8192).default(64).meta({ title: 'Embedding size', description: 'Length of each token vector (the model width d).' }),
  }),
  inputs: [{ name: 'input', label: 'token ids' }],
  outputShape: (p, [shape]) => {
    if (!shape || shape.length === 0) return { ok: false, message: 'TokenAndPositionEmbedding needs token ids (timesteps,) as input.' };
    const length = checkSequenceLength('TokenAndPositionEmbedding', shape[shape.length - 1], p.sequenceLength);
    return length.ok ? { ok: true, shape: [...shape, p.embeddingDim] } : length;
  },
  paramCount: (p) => (p.vocabularySize + p.sequenceLength) * p.embeddingDim,
  pytorch: ({ id, params: p }) => ({
    init: [`self.${id} = TokenAndPositionEmbedding(${p.vocabularySize}, ${p.sequenceLength}, ${p.embeddingDim})`],
    forward: ([x = 'x'], out) => assign(out, `self.${id}(${x})`),
    helpers: ['position'],
    weights: [
      { torch: `${id}.token_embedding.weight`, keras: 'token_embedding/embeddings', ops: [] },
      { torch: `${id}.position_embedding.weight`, keras: 'position_embedding/embeddings', ops: [] },
    ],
  }),
  keras: ({ name, params: p }) => ({
    layer: `keras_hub.layers.TokenAndPositionEmbedding(${p.vocabularySize}, ${p.sequenceLength}, ${p.embeddingDim}, name=${py(name)})`,
    kerasHub: true,
  }),
});
