import { z } from 'zod';
import { centerParam, epsilonParam, featuresAt, missingWeightGap, normalizedShape, normAxisParam, normFromKeras, scaleParam } from './normalization';
import { axisIndex } from './shape-hints';
import { tfjsGap } from './tfjs-gaps';
import { defineLayer } from './types';
import { assign, kwargs, lastDim, py } from './emit/python';

export const BatchNormalization = defineLayer({
  type: 'BatchNormalization',
  category: 'Normalization',
  summary: 'Normalises each channel with the statistics of the batch; makes deep nets train faster.',
  explain: {
    what: 'While training, each channel is shifted and scaled to mean 0 and variance 1 using the current batch, then multiplied by a learned γ and shifted by a learned β. It also keeps moving averages of the mean and variance, which it uses instead at inference time; those are weights that training does not change (non-trainable).',
    formula: 'y = γ · (x − μ_batch) / √(σ²_batch + ε) + β; moving_μ ← momentum·moving_μ + (1 − momentum)·μ_batch',
    shapes:
      'Any shape in, the same shape out. Weights: 4 per channel (γ, β, moving mean, moving variance), 2 of them non-trainable. (26, 26, 32) → 128 weights, 64 trainable.',
    when: 'In deep CNNs, after a Conv2D (often before its activation): training is faster and more stable and tolerates higher learning rates. With very small batches the statistics are noisy: prefer LayerNormalization.',
  },
  params: z.object({
    axis: normAxisParam,
    momentum: z
      .number()
      .min(0)
      .max(1)
      .default(0.99)
      .meta({ title: 'Momentum', description: 'How slowly the moving mean and variance follow the batches (closer to 1 = slower).' }),
    epsilon: epsilonParam,
    center: centerParam,
    scale: scaleParam,
  }),
  inputs: [{ name: 'input', label: 'input' }],
  outputShape: (p, [shape]) => {
    const result = normalizedShape('BatchNormalization', p.axis, shape);
    if (!result.ok) return result;
    // tfjs's gradient for batch statistics broadcast along an inner axis is broken.
    if (axisIndex(p.axis, result.shape.length) !== result.shape.length - 1) {
      return tfjsGap('BatchNormalization', 'on an axis other than the last', 'Use axis -1 (channels-last), or Permute the axis you want to the end first.');
    }
    return missingWeightGap('BatchNormalization', p) ?? result;
  },
  paramCount: (p, [shape]) => featuresAt(p.axis, shape) * (2 + (p.center ? 1 : 0) + (p.scale ? 1 : 0)),
  nonTrainableCount: (p, [shape]) => 2 * featuresAt(p.axis, shape),
  // Only the channels-last axis trains in tfjs (the shape rule refuses others), so the normalised axis is the last one.
  pytorch: ({ id, params: p, inputShapes: [shape] }) => {
    const rank = (shape ?? []).length;
    const Module = rank === 1 ? 'nn.BatchNorm1d' : rank === 3 ? 'nn.BatchNorm2d' : rank === 2 ? 'nn.BatchNorm1d' : null;
    if (!Module) return { error: `BatchNormalization on ${rank}-axis examples has no PyTorch module here.` };
    const x = (v: string) =>
      rank === 1
        ? `self.${id}(${v})`
        : rank === 2
          ? `self.${id}(${v}.transpose(1, 2)).transpose(1, 2)`
          : `self.${id}(${v}.permute(0, 3, 1, 2)).permute(0, 2, 3, 1)`;
    return {
      // PyTorch's momentum weighs the new batch; Keras's weighs the running value.
      init: [`self.${id} = ${Module}(${lastDim(shape)}, eps=${py(p.epsilon)}, momentum=${py(Number((1 - p.momentum).toFixed(6)))})`],
      forward: ([v = 'x'], out) => assign(out, x(v)),
      weights: [
        { torch: `${id}.weight`, keras: 'gamma', ops: [] },
        { torch: `${id}.bias`, keras: 'beta', ops: [] },
        { torch: `${id}.running_mean`, keras: 'moving_mean', ops: [] },
        { torch: `${id}.running_var`, keras: 'moving_variance', ops: [] },
      ],
    };
  },
  keras: ({ name, params: p }) => ({ layer: `layers.BatchNormalization(${kwargs({ momentum: p.momentum, epsilon: p.epsilon, name })})` }),
  fromKeras: normFromKeras,
});
