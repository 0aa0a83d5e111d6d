import { z } from 'zod';
import { checkBlockInput, encoderParamCount, transformerFields } from './transformer-rules';
import { defineLayer } from './types';
import { transformerKwargs, transformerWeights } from './emit/transformer';
import { assign, lastDim, py } from './emit/python';

export const TransformerEncoder = defineLayer({
  type: 'TransformerEncoder',
  category: 'Attention',
  summary: 'One Transformer encoder block: self-attention and a feed-forward network, each with residual and LayerNorm.',
  explain: {
    what: 'Every token attends to every other token of the same sequence (multi-head self-attention), the result is added back to the input (residual connection) and layer-normalised; then a two-layer feed-forward network is applied to each position, again with a residual and a LayerNorm. Stack several to build BERT-style encoders. Matches KerasHub’s TransformerEncoder; each head has key dim = d ÷ heads.',
    formula:
      'x = LN(x + MHA(x, x, x)) · y = LN(x + W₂·act(W₁·x + b₁) + b₂)   ·   params = 3·(d·h·k + h·k) + h·k·d + d + 2·2d + (d·i + i) + (i·d + d), k = d ÷ h',
    shapes:
      '(None, T, d) → (None, T, d). Example: (None, 40, 64) with 4 heads and intermediate dim 128 → (None, 40, 64); 16,640 + 256 + 16,576 = 33,472 params.',
    when: 'Understanding a whole sequence at once: text classification, sentiment, tagging — put it after TokenAndPositionEmbedding, then pool (e.g. GlobalAveragePooling1D) and a Dense classifier. In translation it reads the source sentence and feeds the decoder’s context.',
  },
  params: z.object(transformerFields),
  inputs: [{ name: 'input', label: 'input' }],
  outputShape: (p, [shape]) => {
    const x = checkBlockInput('TransformerEncoder', shape, p.numHeads, { handle: 'input', oneTimeAxis: false });
    return x.ok ? { ok: true, shape: x.dims } : x;
  },
  paramCount: (p, [shape]) => encoderParamCount(shape?.[shape.length - 1] ?? 0, p.numHeads, p.intermediateDim),
  pytorch: ({ id, params: p, inputShapes: [shape] }) => ({
    init: [`self.${id} = TransformerEncoder(${lastDim(shape)}, ${p.intermediateDim}, ${p.numHeads}${transformerKwargs(p)})`],
    forward: ([x = 'x'], out) => assign(out, `self.${id}(${x})`),
    helpers: ['attention'],
    weights: transformerWeights(id, p, lastDim(shape), null, 'encoder'),
  }),
  keras: ({ name, params: p }) => ({
    layer: `keras_hub.layers.TransformerEncoder(${p.intermediateDim}, ${p.numHeads}${transformerKwargs(p)}, name=${py(name)})`,
    kerasHub: true,
  }),
});
