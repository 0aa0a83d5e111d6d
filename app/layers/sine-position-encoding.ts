import { z } from 'zod';
import { checkAttentionInput } from './attention-rules';
import { defineLayer } from './types';
import { assign, py } from './emit/python';

export const SinePositionEncoding = defineLayer({
  type: 'SinePositionEncoding',
  category: 'Attention',
  summary: 'Fixed sine/cosine position signals, shaped like its input, to add to token embeddings.',
  explain: {
    what: 'The positional encoding of the original Transformer: each position gets a pattern of sines and cosines of different wavelengths, so nearby positions look alike and relative offsets are easy to detect. Nothing is learned. It outputs the encoding; add it to the token embeddings with an Add layer.',
    formula: 'PE(t, 2i) = sin(t / 10000^(2i/d)) · PE(t, 2i+1) = cos(t / 10000^(2i/d))   ·   params = 0',
    shapes: '(None, T, d) → (None, T, d). Example: (None, 40, 64) → (None, 40, 64).',
    when: 'When sequences may be longer than any seen in training, or to save the parameters of a learned PositionEmbedding.',
  },
  params: z.object({
    maxWavelength: z
      .number()
      .min(1)
      .max(1e9)
      .default(10_000)
      .meta({ title: 'Max wavelength', description: 'Longest wavelength of the sines (10,000 in the paper).' }),
  }),
  inputs: [{ name: 'input', label: 'input' }],
  outputShape: (_p, [shape]) => {
    const x = checkAttentionInput('SinePositionEncoding', shape, 'input');
    return x.ok ? { ok: true, shape: x.dims } : x;
  },
  paramCount: () => 0,
  pytorch: ({ params: p }) => ({
    init: [],
    forward: ([x = 'x'], out) => assign(out, `sine_position_encoding(${x}, ${py(p.maxWavelength)})`),
    helpers: ['position'],
  }),
  keras: ({ name, params: p }) => ({ layer: `keras_hub.layers.SinePositionEncoding(max_wavelength=${py(p.maxWavelength)}, name=${py(name)})`, kerasHub: true }),
});
