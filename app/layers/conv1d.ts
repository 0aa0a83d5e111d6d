import { z } from 'zod';
import { activationParam } from './activations';
import { channelsOf, convShape, filtersParam, useBiasParam, windowArea } from './conv';
import { IMAGES, SEQUENCES } from './shape-hints';
import { defineLayer } from './types';
import { paddingParam, perAxis } from './windows';
import { convEmitter, kerasConv } from './emit/conv';

export const Conv1D = defineLayer({
  type: 'Conv1D',
  category: 'Convolution',
  summary: 'Slides small learned filters along a sequence to detect local patterns in time.',
  explain: {
    what: 'Each of the `filters` kernels looks at `kernelSize` neighbouring steps (all channels at once), multiplies them by its weights and adds a bias, giving one number per position. The same kernel is reused at every step, so a pattern is found wherever it occurs and the layer needs few weights. Channels-last: the last axis holds the channels.',
    formula: 'y[t, f] = σ(b_f + Σ_i Σ_c W[i, c, f] · x[t·s + i·d, c]); output length: valid ⌊(n − k_eff)/s⌋ + 1 with k_eff = (k − 1)·d + 1, same ⌈n/s⌉',
    shapes:
      '(None, steps, channels) → (None, new_steps, filters). 100 steps × 1 channel, kernel 5, 32 filters, valid → (None, 96, 32); weights: 5·1·32 + 32 = 192.',
    when: 'Time series, audio and text after an Embedding: a cheap local feature detector, often followed by pooling or an LSTM.',
  },
  params: z.object({
    filters: filtersParam,
    kernelSize: perAxis(1, 3, 1, 'Kernel size', 'How many neighbouring steps each filter looks at.'),
    strides: perAxis(1, 1, 1, 'Strides', 'Step between window positions; 2 halves the length.'),
    padding: paddingParam,
    dilationRate: perAxis(
      1,
      1,
      1,
      'Dilation rate',
      'Gap between the steps a kernel reads: 2 skips every other step, widening its view at no extra weights. Needs strides 1; TensorFlow.js cannot train values above 1 yet.',
    ),
    activation: activationParam,
    useBias: useBiasParam,
  }),
  inputs: [{ name: 'input', label: 'input' }],
  outputShape: (p, [shape]) => convShape('Conv1D', SEQUENCES, p, shape, { type: 'Conv2D', layout: IMAGES }),
  paramCount: (p, [shape]) => windowArea(p.kernelSize) * channelsOf(shape) * p.filters + (p.useBias ? p.filters : 0),
  pytorch: (node) => convEmitter(node, 1),
  keras: ({ name, params: p }) => ({ layer: kerasConv('Conv1D', p, name) }),
});
