import { z } from 'zod';
import { centerParam, epsilonParam, featuresAt, missingWeightGap, normalizedShape, normAxisParam, normFromKeras, scaleParam } from './normalization';
import { defineLayer } from './types';
import { assign, kwargs, lastDim, py } from './emit/python';

export const LayerNormalization = defineLayer({
  type: 'LayerNormalization',
  category: 'Normalization',
  summary: 'Normalises the features of each example on its own; the normaliser of Transformers.',
  explain: {
    what: 'For every example (and every step of a sequence) separately, shifts and scales the values along `axis` to mean 0 and variance 1, then multiplies by a learned γ and adds a learned β. It does not look at the rest of the batch, so it behaves the same in training and inference and with any batch size.',
    formula: 'y = γ · (x − μ) / √(σ² + ε) + β, with μ and σ² over the features of one example',
    shapes: 'Any shape in, the same shape out. Weights: 2 per feature (γ and β). (20, 64) → 128 weights.',
    when: 'Transformers (after each attention and feed-forward block, around the residual Add) and RNNs, where batch statistics are awkward; also when batches are tiny.',
  },
  params: z.object({
    axis: normAxisParam,
    epsilon: epsilonParam,
    center: centerParam,
    scale: scaleParam,
  }),
  inputs: [{ name: 'input', label: 'input' }],
  outputShape: (p, [shape]) => {
    const result = normalizedShape('LayerNormalization', p.axis, shape);
    return result.ok ? (missingWeightGap('LayerNormalization', p) ?? result) : result;
  },
  paramCount: (p, [shape]) => featuresAt(p.axis, shape) * ((p.center ? 1 : 0) + (p.scale ? 1 : 0)),
  pytorch: ({ id, params: p, inputShapes: [shape] }) => {
    if (p.axis !== -1 && p.axis !== (shape ?? []).length)
      return { error: `LayerNormalization over axis ${p.axis}: nn.LayerNorm normalises the last axes only.` };
    return {
      init: [`self.${id} = nn.LayerNorm(${lastDim(shape)}, eps=${py(p.epsilon)})`],
      forward: ([x = 'x'], out) => assign(out, `self.${id}(${x})`),
      weights: [
        { torch: `${id}.weight`, keras: 'gamma', ops: [] },
        { torch: `${id}.bias`, keras: 'beta', ops: [] },
      ],
    };
  },
  keras: ({ name, params: p }) => ({ layer: `layers.LayerNormalization(${kwargs({ axis: p.axis, epsilon: p.epsilon, name })})` }),
  fromKeras: normFromKeras,
});
