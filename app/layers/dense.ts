import { z } from 'zod';
import { activationParam } from './activations';
import { defineLayer } from './types';

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
});
