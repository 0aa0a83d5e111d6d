import { z } from 'zod';
import { featureSize, RECURRENT_INPUTS, recurrentFields, recurrentOutputs, recurrentParamCount, recurrentShape, returnStateField } from './recurrent-rules';
import { defineLayer } from './types';
import { kerasRecurrent, kerasRecurrentCall, recurrentEmitter } from './emit/recurrent';

export const GRU = defineLayer({
  type: 'GRU',
  category: 'Recurrent',
  summary: 'Gated recurrent layer: like an LSTM with fewer gates and parameters.',
  explain: {
    what: "The Gated Recurrent Unit merges the LSTM's forget and input gates into one update gate z and adds a reset gate r that decides how much of the past to use when proposing a new state. It has no separate cell state, so it is lighter than an LSTM and often just as accurate.",
    formula:
      'z = σ(W_z·x_t + U_z·h_{t−1} + b_z) · r = σ(W_r·x_t + U_r·h_{t−1} + b_r) · h̃ = tanh(W_h·x_t + r⊙(U_h·h_{t−1} + b′_h) + b_h) · h_t = z⊙h_{t−1} + (1−z)⊙h̃   ·   params = 3·(u·(d + u) + 2u) (reset after, Keras 3), 3·(u·(d + u) + u) otherwise',
    shapes:
      '(None, timesteps, d) → (None, units), or (None, timesteps, units) with return sequences; with return state also h, (None, units). Example: (None, 100, 64) with 128 units → (None, 128); 3·(128·(64+128)+2·128) = 74,496 params.',
    when: 'Wherever you would use an LSTM but want faster training or have less data. Stack GRUs with return sequences on; use return state to hand the final h to a decoder.',
  },
  params: z.object({
    ...recurrentFields,
    returnState: returnStateField,
    resetAfter: z.boolean().default(true).meta({
      title: 'Reset after',
      description:
        'Apply the reset gate after the recurrent matrix product, with separate input and recurrent biases (Keras 3 default). Off: the original GRU, u fewer biases per gate.',
    }),
  }),
  inputs: RECURRENT_INPUTS,
  outputs: (p) => recurrentOutputs('GRU', p.returnState),
  outputShape: (p, inputs) => recurrentShape('GRU', p, inputs),
  paramCount: (p, inputs) => recurrentParamCount('GRU', p.units, featureSize(inputs), p.resetAfter),
  pytorch: (node) => recurrentEmitter('GRU', node),
  keras: ({ name, params: p }) => ({ layer: kerasRecurrent('GRU', p, name), call: kerasRecurrentCall }),
  // tfjs builds a reset-after GRU as LayerLab's own class (its GRU has only reset_after false), and saves it under that name.
  kerasAliases: ['GRUResetAfter'],
});
