import { z } from 'zod';
import { featureSize, RECURRENT_INPUTS, recurrentFields, recurrentOutputs, recurrentParamCount, recurrentShape, returnStateField } from './recurrent-rules';
import { defineLayer } from './types';
import { kerasRecurrent, kerasRecurrentCall, recurrentEmitter } from './emit/recurrent';

export const SimpleRNN = defineLayer({
  type: 'SimpleRNN',
  category: 'Recurrent',
  summary: 'Reads a sequence step by step, carrying a hidden state forward.',
  explain: {
    what: 'A plain recurrent layer: at each time step it mixes the current input with the hidden state from the step before, so earlier inputs can influence later outputs. It is the "memory through feedback loops" of the notes, and the easiest to understand — but gradients shrink as they flow back through many steps (vanishing gradients), so it forgets beyond a few dozen steps.',
    formula: 'h_t = tanh(W·x_t + U·h_{t−1} + b)   ·   params = u·(d + u) + u',
    shapes:
      '(None, timesteps, d) → (None, units), or (None, timesteps, units) with return sequences. Example: (None, 50, 1) with 32 units → (None, 32); 32·(1+32)+32 = 1,088 params.',
    when: 'Short sequences and teaching: compare it with LSTM/GRU on a long sequence to see vanishing gradients. For real text or long series prefer LSTM or GRU.',
  },
  params: z.object({ ...recurrentFields, returnState: returnStateField }),
  inputs: RECURRENT_INPUTS,
  outputs: (p) => recurrentOutputs('SimpleRNN', p.returnState),
  outputShape: (p, inputs) => recurrentShape('SimpleRNN', p, inputs),
  paramCount: (p, inputs) => recurrentParamCount('SimpleRNN', p.units, featureSize(inputs)),
  pytorch: (node) => recurrentEmitter('SimpleRNN', node),
  keras: ({ name, params: p }) => ({ layer: kerasRecurrent('SimpleRNN', p, name), call: kerasRecurrentCall }),
});
