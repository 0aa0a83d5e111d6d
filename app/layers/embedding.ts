import { z } from 'zod';
import { defineLayer } from './types';
import { assign, py } from './emit/python';

export const Embedding = defineLayer({
  type: 'Embedding',
  category: 'Recurrent',
  summary: 'Turns integer token ids into learned vectors.',
  explain: {
    what: 'A lookup table with one trainable row per token in the vocabulary. Each integer id in the input is replaced by its row, so words become dense vectors whose geometry is learned: similar words end up close together.',
    formula: 'y[…, :] = E[x[…]], E ∈ ℝ^(input_dim × output_dim)   ·   params = input_dim · output_dim',
    shapes:
      '(None, seq_len) of integer ids → (None, seq_len, output_dim). Example: IMDB reviews padded to 200 tokens, vocabulary 10,000, 64 dims → (None, 200, 64); 640,000 params.',
    when: 'The first layer of every text model (before an LSTM, GRU or Transformer). Ids must be in [0, input_dim); 0 is usually padding.',
  },
  params: z.object({
    inputDim: z.int().min(1).max(1_000_000).default(10_000).meta({ title: 'Vocabulary size', description: 'Number of distinct token ids (largest id + 1).' }),
    outputDim: z.int().min(1).max(8192).default(64).meta({ title: 'Embedding size', description: 'Length of the vector learned for each token.' }),
  }),
  inputs: [{ name: 'input', label: 'token ids' }],
  outputShape: (p, [shape]) => (shape ? { ok: true, shape: [...shape, p.outputDim] } : { ok: false, message: 'Embedding needs token ids as input.' }),
  paramCount: (p) => p.inputDim * p.outputDim,
  pytorch: ({ id, params: p }) => ({
    init: [`self.${id} = nn.Embedding(${p.inputDim}, ${p.outputDim})`],
    forward: ([x = 'x'], out) => assign(out, `self.${id}(${x}.long())`),
    weights: [{ torch: `${id}.weight`, keras: 'embeddings', ops: [] }],
  }),
  keras: ({ name, params: p }) => ({ layer: `layers.Embedding(${p.inputDim}, ${p.outputDim}, name=${py(name)})` }),
});
