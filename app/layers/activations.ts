import { z } from 'zod';

/** Activations that tfjs-layers accepts by name, shared by Dense and Activation. */
export const BUILTIN_ACTIVATIONS = ['linear', 'relu', 'sigmoid', 'tanh', 'softmax', 'gelu', 'elu', 'selu', 'swish'] as const;
export type BuiltinActivation = (typeof BUILTIN_ACTIVATIONS)[number];

export const ACTIVATION_HELP: Record<BuiltinActivation | 'leakyRelu', string> = {
  linear: 'f(x) = x: no non-linearity (use for regression outputs).',
  relu: 'f(x) = max(0, x): the default for hidden layers; gradients do not vanish for x > 0.',
  sigmoid: 'f(x) = 1 / (1 + e^-x): squashes to (0, 1); for binary outputs. Deep stacks of it suffer vanishing gradients.',
  tanh: 'f(x) = tanh(x): squashes to (-1, 1), zero-centred.',
  softmax: 'Turns a vector into probabilities that sum to 1: the output of a multi-class classifier.',
  gelu: 'x·Φ(x): a smooth ReLU used in Transformers.',
  elu: 'x for x > 0, e^x − 1 otherwise: like ReLU with a smooth negative side.',
  selu: 'Scaled ELU that keeps activations normalised in deep plain stacks.',
  swish: 'x·sigmoid(x): smooth, non-monotonic; often beats ReLU in deep nets.',
  leakyRelu: 'x for x > 0, 0.2·x otherwise: ReLU that never fully switches off.',
};

export const activationParam = z.enum(BUILTIN_ACTIVATIONS).default('linear').meta({ title: 'Activation', description: 'Non-linearity applied to the output.' });
