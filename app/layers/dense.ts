import { z } from 'zod';
import { activationParam } from './activations';
import { defineLayer } from './types';
import { assign, kerasActivation, kwargs, lastDim, torchActivation } from './emit/python';

export const Dense = defineLayer({
  type: 'Dense',
  category: 'Core',
  summary: 'Fully connected layer: every input connects to every unit.',
  explain: {
    what: 'Each unit computes a weighted sum of all its inputs plus a bias, then applies the activation.',
    formula: 'y = σ(W·x + b)',
    shapes: '(None, …, d) → (None, …, units). It acts on the last axis; flatten images first to mix all pixels.',
    when: 'Hidden layers of an MLP, and the output layer of most classifiers (units = number of classes, softmax).',
  },
  params: z.object({
    units: z.int().min(1).max(65_536).default(32).meta({ title: 'Units', description: 'Number of neurons (output size).' }),
    activation: activationParam,
    useBias: z.boolean().default(true).meta({ title: 'Use bias', description: 'Add a learned bias b to each unit.' }),
  }),
  inputs: [{ name: 'input', label: 'input' }],
  outputShape: (p, [shape]) => {
    if (!shape || shape.length === 0) return { ok: false, message: 'Dense needs an input with at least one axis.' };
    if (shape[shape.length - 1] === null) {
      return { ok: false, message: 'Dense needs a known last dimension to size its weights.', fix: 'Give the Input a fixed size.' };
    }
    return { ok: true, shape: [...shape.slice(0, -1), p.units] };
  },
  paramCount: (p, [shape]) => {
    const last = shape?.[shape.length - 1] ?? 0;
    return last * p.units + (p.useBias ? p.units : 0);
  },
  pytorch: ({ id, params: p, inputShapes: [shape] }) => ({
    init: [`self.${id} = nn.Linear(${lastDim(shape)}, ${p.units}${p.useBias ? '' : ', bias=False'})`],
    forward: ([x = 'x'], out) => assign(out, torchActivation(p.activation, `self.${id}(${x})`)),
    weights: [
      { torch: `${id}.weight`, keras: 'kernel', ops: [{ op: 'permute', axes: [1, 0] }] },
      ...(p.useBias ? [{ torch: `${id}.bias`, keras: 'bias', ops: [] }] : []),
    ],
  }),
  keras: ({ name, params: p }) => ({
    layer: `layers.Dense(${p.units}, ${kwargs({ activation: kerasActivation(p.activation), use_bias: p.useBias ? undefined : false, name })})`,
  }),
});
