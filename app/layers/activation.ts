import { z } from 'zod';
import { BUILTIN_ACTIVATIONS } from './activations';
import { defineLayer } from './types';
import { assign, kerasActivation, py, torchActivation } from './emit/python';

/** Keras's `leaky_relu` activation uses a negative slope of 0.2. */
export const LEAKY_SLOPE = 0.2;

export const Activation = defineLayer({
  type: 'Activation',
  category: 'Activation',
  summary: 'Applies a non-linearity element-wise.',
  explain: {
    what: 'Applies a fixed function to every value. Without non-linearities, any stack of Dense layers collapses into one linear map.',
    formula: 'relu(x) = max(0, x) · sigmoid(x) = 1/(1+e^-x) · softmax(x)_i = e^x_i / Σ_j e^x_j',
    shapes: 'Any shape in, the same shape out.',
    when: 'After a layer built without activation, or to compare activations on the same network (ReLU vs sigmoid shows vanishing gradients).',
  },
  params: z.object({
    activation: z
      .enum([...BUILTIN_ACTIVATIONS.filter((a) => a !== 'linear'), 'leakyRelu'])
      .default('relu')
      .meta({ title: 'Activation', description: 'The function applied to each value.' }),
  }),
  inputs: [{ name: 'input', label: 'input' }],
  outputShape: (_p, [shape]) => (shape ? { ok: true, shape } : { ok: false, message: 'Activation needs an input.' }),
  paramCount: () => 0,
  pytorch: ({ params: p }) => ({ init: [], forward: ([x = 'x'], out) => assign(out, torchActivation(p.activation, x)) }),
  keras: ({ name, params: p }) => ({ layer: `layers.Activation(${py(kerasActivation(p.activation))}, name=${py(name)})` }),
  // Leaky ReLU is built as tfjs's LeakyReLU layer (tfjs has no such activation string), so that is what a saved model holds.
  kerasAliases: ['LeakyReLU'],
  fromKeras: (config, read) => {
    if (typeof config.activation === 'string') return read;
    // tfjs and Keras 2 call the slope alpha, Keras 3 negative_slope.
    const slope = config.alpha ?? config.negative_slope;
    if (slope === undefined) return read;
    if (typeof slope === 'number' && Math.abs(slope - LEAKY_SLOPE) < 1e-6) return { activation: 'leakyRelu' };
    return { error: `a leaky ReLU with slope ${typeof slope === 'number' ? slope : JSON.stringify(slope).slice(0, 20)}; LayerLab's has ${LEAKY_SLOPE}` };
  },
});
