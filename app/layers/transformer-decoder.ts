import { z } from 'zod';
import { checkBlockInput, decoderParamCount, transformerFields } from './transformer-rules';
import { defineLayer } from './types';
import { transformerKwargs, transformerWeights } from './emit/transformer';
import { assign, lastDim, py } from './emit/python';

export const TransformerDecoder = defineLayer({
  type: 'TransformerDecoder',
  category: 'Attention',
  summary: 'One Transformer decoder block: causal self-attention, cross-attention to the encoder, feed-forward.',
  explain: {
    what: 'Like an encoder block, but its self-attention is causal — position t only sees positions ≤ t, so it can be trained to predict the next token — and, when the encoder output is wired into "context", a cross-attention sub-block lets every target position look at the whole source sequence (queries from the decoder, keys and values from the encoder). Without context it is a decoder-only block, as in GPT. Matches KerasHub’s TransformerDecoder.',
    formula:
      'x = LN(x + MHA_causal(x, x, x)) · x = LN(x + MHA(x, ctx, ctx)) · y = LN(x + FFN(x))   ·   params = encoder block + (d·h·k + h·k) + 2·(e·h·k + h·k) + h·k·d + d + 2d with a context of width e',
    shapes:
      'input (None, T, d), context (None, S, e) → (None, T, d). Example: target (None, 20, 64), source context (None, 30, 64), 4 heads, intermediate 128 → (None, 20, 64); 33,472 + 16,640 + 128 = 50,240 params.',
    when: 'The generating half of a Transformer: translation and summarisation (with context from a TransformerEncoder), or text generation on its own (no context). Follow it with a Dense softmax over the vocabulary.',
  },
  params: z.object(transformerFields),
  inputs: [
    { name: 'input', label: 'input' },
    { name: 'context', label: 'context (encoder output)', optional: true },
  ],
  outputShape: (p, [shape, contextShape]) => {
    const x = checkBlockInput('TransformerDecoder', shape, p.numHeads, { handle: 'input', oneTimeAxis: true });
    if (!x.ok) return x;
    if (contextShape) {
      const context = checkBlockInput('TransformerDecoder', contextShape, 1, { handle: 'context', oneTimeAxis: true });
      if (!context.ok) return context;
    }
    return { ok: true, shape: x.dims };
  },
  paramCount: (p, [shape, context]) =>
    decoderParamCount(shape?.[shape.length - 1] ?? 0, p.numHeads, p.intermediateDim, context ? (context[context.length - 1] ?? 0) : null),
  pytorch: ({ id, params: p, inputShapes: [shape, context] }) => {
    const contextDim = context ? lastDim(context) : null;
    return {
      init: [
        `self.${id} = TransformerDecoder(${lastDim(shape)}, ${p.intermediateDim}, ${p.numHeads}${contextDim === null ? '' : `, context_dim=${contextDim}`}${transformerKwargs(p)})`,
      ],
      forward: ([x = 'x', c], out) => assign(out, `self.${id}(${x}${c ? `, ${c}` : ''})`),
      helpers: ['attention'],
      weights: transformerWeights(id, p, lastDim(shape), contextDim, 'decoder'),
    };
  },
  keras: ({ name, params: p }) => ({
    layer: `keras_hub.layers.TransformerDecoder(${p.intermediateDim}, ${p.numHeads}${transformerKwargs(p)}, name=${py(name)})`,
    call: (layer, [x = 'x', c]) => `${layer}(${x}${c ? `, ${c}` : ''})`,
    kerasHub: true,
  }),
});
