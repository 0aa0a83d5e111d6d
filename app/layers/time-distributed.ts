import { z } from 'zod';
import { activationParam } from './activations';
import { expectMinRank } from './shape-hints';
import { wrappedLayer, defineLayer } from './types';
import { assign, kerasActivation, kwargs, lastDim, py, torchActivation } from './emit/python';

export const TimeDistributed = defineLayer({
  type: 'TimeDistributed',
  category: 'Reshape',
  summary: 'Applies the same Dense layer to every step of a sequence.',
  explain: {
    what: 'Wraps a Dense layer and runs it separately on each time step, with the same weights at every step, so a sequence of vectors becomes a sequence of outputs. The weights are exactly those of the wrapped Dense.',
    formula: 'y_t = σ(W·x_t + b) for every step t, with one W and b shared by all steps',
    shapes: '(None, steps, features) → (None, steps, units). (20, 64) with 10 units → (None, 20, 10); weights: 64·10 + 10 = 650.',
    when: 'After an LSTM/GRU with returnSequences, to predict something at every step (tagging each word, forecasting every time step).',
  },
  params: z.object({
    units: z.int().min(1).max(65_536).default(32).meta({ title: 'Units', description: 'Neurons of the wrapped Dense layer (output size at each step).' }),
    activation: activationParam,
    useBias: z.boolean().default(true).meta({ title: 'Use bias', description: 'Add a learned bias b to each unit.' }),
  }),
  inputs: [{ name: 'input', label: 'input' }],
  outputShape: (p, [shape]) => {
    const wrong = expectMinRank('TimeDistributed', 2, 'a sequence shaped (steps, features)', shape);
    if (wrong || !shape) return wrong ?? { ok: false, message: 'TimeDistributed needs an input.' };
    if (shape[shape.length - 1] === null) {
      return {
        ok: false,
        message: 'TimeDistributed(Dense) needs a known last dimension to size its weights.',
        fix: 'Give the Input a fixed number of features.',
      };
    }
    return { ok: true, shape: [...shape.slice(0, -1), p.units] };
  },
  paramCount: (p, [shape]) => (shape?.[shape.length - 1] ?? 0) * p.units + (p.useBias ? p.units : 0),
  // nn.Linear already acts on the last axis of every time step, which is what TimeDistributed(Dense) does.
  pytorch: ({ id, params: p, inputShapes: [shape] }) => ({
    init: [`self.${id} = nn.Linear(${lastDim(shape)}, ${p.units}${p.useBias ? '' : ', bias=False'})`],
    forward: ([x = 'x'], out) => assign(out, torchActivation(p.activation, `self.${id}(${x})`)),
    weights: [
      { torch: `${id}.weight`, keras: '*/kernel', ops: [{ op: 'permute', axes: [1, 0] }] },
      ...(p.useBias ? [{ torch: `${id}.bias`, keras: '*/bias', ops: [] }] : []),
    ],
  }),
  keras: ({ name, params: p }) => ({
    layer: `layers.TimeDistributed(layers.Dense(${p.units}, ${kwargs({ activation: kerasActivation(p.activation), use_bias: p.useBias ? undefined : false })}), name=${py(name)})`,
  }),
  // LayerLab's TimeDistributed wraps a Dense, whose settings live in the wrapped layer's config.
  fromKeras: (config, read) => {
    const inner = wrappedLayer(config);
    if (inner?.className !== 'Dense') return { error: `wraps ${inner?.className ?? 'nothing'}; LayerLab wraps a Dense` };
    return { ...read, units: inner.config.units, activation: inner.config.activation ?? 'linear', useBias: inner.config.use_bias ?? true };
  },
});
