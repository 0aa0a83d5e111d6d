import { z } from 'zod';
import { activationParam } from './activations';
import { channelsOf, convShape, filtersParam, useBiasParam, windowArea } from './conv';
import { IMAGES } from './shape-hints';
import { defineLayer } from './types';
import { paddingParam, perAxis } from './windows';
import { kerasSeparable, separableEmitter } from './emit/conv';

export const SeparableConv2D = defineLayer({
  type: 'SeparableConv2D',
  category: 'Convolution',
  summary: 'A cheaper Conv2D: filters each channel on its own, then mixes channels with 1×1 weights.',
  explain: {
    what: 'Splits a convolution in two steps. Depthwise: each input channel gets its own k×k kernel(s) (`depthMultiplier` per channel), so space is filtered without mixing channels. Pointwise: a 1×1 convolution mixes those channels into `filters` outputs. It learns nearly the same features as Conv2D with far fewer weights. Channels-last: images are (height, width, channels).',
    formula: 'weights = k_h·k_w·C_in·m (depthwise) + C_in·m·filters (pointwise) + filters (bias), with m = depthMultiplier',
    shapes:
      '(None, height, width, channels) → (None, new_height, new_width, filters), sized like Conv2D. (32, 32, 16), 32 filters 3×3, valid → (None, 30, 30, 32); weights: 3·3·16 + 16·32 + 32 = 688, against 4,640 for a Conv2D.',
    when: 'Mobile and fast image models (MobileNet, Xception), or when a Conv2D has too many weights for your data.',
  },
  params: z.object({
    filters: filtersParam,
    kernelSize: perAxis(2, 3, 1, 'Kernel size', 'Height and width of each depthwise kernel.'),
    strides: perAxis(2, 1, 1, 'Strides', 'Step between window positions; 2, 2 halves height and width.'),
    padding: paddingParam,
    dilationRate: perAxis(2, 1, 1, 'Dilation rate', 'Gap between the pixels a kernel reads. Needs strides 1; TensorFlow.js cannot train values above 1 yet.'),
    depthMultiplier: z.int().min(1).max(64).default(1).meta({ title: 'Depth multiplier', description: 'Depthwise kernels per input channel.' }),
    activation: activationParam,
    useBias: useBiasParam,
  }),
  inputs: [{ name: 'input', label: 'input' }],
  outputShape: (p, [shape]) => convShape('SeparableConv2D', IMAGES, p, shape),
  paramCount: (p, [shape]) => {
    const depthwise = channelsOf(shape) * p.depthMultiplier;
    return windowArea(p.kernelSize) * depthwise + depthwise * p.filters + (p.useBias ? p.filters : 0);
  },
  pytorch: (node) => separableEmitter(node),
  keras: ({ name, params: p }) => ({ layer: kerasSeparable(p, name) }),
});
