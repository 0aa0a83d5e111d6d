import { z } from 'zod';
import { featureSize, RECURRENT_INPUTS, recurrentFields, recurrentOutputs, recurrentParamCount, recurrentShape, returnStateField } from './recurrent-rules';
import { defineLayer } from './types';
import { kerasRecurrent, kerasRecurrentCall, recurrentEmitter } from './emit/recurrent';

export const LSTM = defineLayer({
  type: 'LSTM',
  category: 'Recurrent',
  summary: 'Recurrent layer with gates that decide what to forget, store and reveal.',
  explain: {
    what: 'Long Short-Term Memory keeps a cell state c next to the hidden state h. Three gates — forget (what to erase), input (what to store) and output (what to reveal) — are small sigmoid layers that scale the flow of information, so the gradient can travel along c across long sequences without vanishing.',
    formula:
      'f = σ(W_f·x_t + U_f·h_{t−1} + b_f) · i = σ(W_i·x_t + U_i·h_{t−1} + b_i) · o = σ(W_o·x_t + U_o·h_{t−1} + b_o) · c̃ = tanh(W_c·x_t + U_c·h_{t−1} + b_c) · c_t = f⊙c_{t−1} + i⊙c̃ · h_t = o⊙tanh(c_t)   ·   params = 4·(u·(d + u) + u)',
    shapes:
      '(None, timesteps, d) → (None, units), or (None, timesteps, units) with return sequences; with return state also h and c, each (None, units). Example: (None, 100, 64) with 128 units → (None, 128); 4·(128·(64+128)+128) = 98,816 params.',
    when: "Text, time series, speech: sequences where context from far back matters. Turn on return sequences to stack LSTMs; turn on return state in an encoder and wire state_h and state_c into the decoder LSTM's initial state for sequence-to-sequence models (translation).",
  },
  params: z.object({ ...recurrentFields, returnState: returnStateField }),
  inputs: RECURRENT_INPUTS,
  outputs: (p) => recurrentOutputs('LSTM', p.returnState),
  outputShape: (p, inputs) => recurrentShape('LSTM', p, inputs),
  paramCount: (p, inputs) => recurrentParamCount('LSTM', p.units, featureSize(inputs)),
  pytorch: (node) => recurrentEmitter('LSTM', node),
  keras: ({ name, params: p }) => ({ layer: kerasRecurrent('LSTM', p, name), call: kerasRecurrentCall }),
});
