import { z } from 'zod';
import { checkSequence, featureSize, RECURRENT_KINDS, recurrentFields, recurrentParamCount } from './recurrent-rules';
import { defineLayer, wrappedLayer } from './types';
import { assign, lastDim, py } from './emit/python';
import { kerasRecurrent, recurrentModule, recurrentWeights } from './emit/recurrent';

export const Bidirectional = defineLayer({
  type: 'Bidirectional',
  category: 'Recurrent',
  summary: 'Runs a recurrent layer forwards and backwards and merges both readings.',
  explain: {
    what: 'Wraps a SimpleRNN, LSTM or GRU: one copy reads the sequence left to right, a second copy (with its own weights) reads it right to left, and their outputs are merged. Each position then knows about what comes before and after it.',
    formula: 'y_t = merge(→h_t, ←h_t), merge ∈ {concat, sum, mul, ave}   ·   params = 2 × the wrapped layer’s',
    shapes:
      '(None, timesteps, d) → (None, 2·units) with concat, (None, units) otherwise; (None, timesteps, ·) with return sequences. Example: (None, 100, 64) around LSTM(64), concat → (None, 128); 2·4·(64·(64+64)+64) = 66,048 params.',
    when: 'Classifying or tagging whole sequences that are fully known in advance (sentiment, named entities). Not for predicting the next step: the backward pass would see the future.',
  },
  params: z.object({
    layer: z.enum(RECURRENT_KINDS).default('LSTM').meta({ title: 'Layer', description: 'The recurrent layer that is run in both directions.' }),
    units: recurrentFields.units,
    returnSequences: recurrentFields.returnSequences,
    mergeMode: z
      .enum(['concat', 'sum', 'mul', 'ave'])
      .default('concat')
      .meta({ title: 'Merge mode', description: 'How the forward and backward outputs are combined: concat doubles the size, the others keep it.' }),
  }),
  inputs: [{ name: 'input', label: 'input' }],
  outputShape: (p, [shape]) => {
    const seq = checkSequence('Bidirectional', shape);
    if (!seq.ok) return seq;
    const size = p.mergeMode === 'concat' ? 2 * p.units : p.units;
    return { ok: true, shape: p.returnSequences ? [seq.timesteps, size] : [size] };
  },
  paramCount: (p, inputs) => 2 * recurrentParamCount(p.layer, p.units, featureSize(inputs)),
  pytorch: ({ id, params: p, inputShapes: [shape] }) => {
    const inner = { units: p.units, activation: 'tanh' as const, returnSequences: p.returnSequences, resetAfter: true };
    const d = lastDim(shape);
    return {
      init: [
        `self.${id} = Bidirectional(`,
        `    ${recurrentModule(p.layer, d, inner)},`,
        `    ${recurrentModule(p.layer, d, inner, true)},`,
        `    merge_mode=${py(p.mergeMode)},`,
        ')',
      ],
      forward: ([x = 'x'], out) => assign(out, `self.${id}(${x})`),
      helpers: ['recurrent'],
      weights: [
        ...recurrentWeights(p.layer, `${id}.forward_layer`, 'forward_*/', inner),
        ...recurrentWeights(p.layer, `${id}.backward_layer`, 'backward_*/', inner),
      ],
    };
  },
  keras: ({ name, params: p }) => ({
    layer: `layers.Bidirectional(${kerasRecurrent(p.layer, { units: p.units, activation: 'tanh', returnSequences: p.returnSequences })}, merge_mode=${py(p.mergeMode)}, name=${py(name)})`,
  }),
  // The wrapped layer's settings live in its own config; LayerLab's copy runs tanh and, for a GRU, reset_after.
  fromKeras: (config, read) => {
    const inner = wrappedLayer(config);
    const kind = inner?.className === 'GRUResetAfter' ? 'GRU' : inner?.className;
    if (!inner || !RECURRENT_KINDS.some((k) => k === kind))
      return { error: `wraps ${inner?.className ?? 'nothing'}; LayerLab wraps ${RECURRENT_KINDS.join(', ')}` };
    if ((inner.config.activation ?? 'tanh') !== 'tanh')
      return { error: `wraps a ${kind} with activation ${JSON.stringify(inner.config.activation)}; LayerLab's runs tanh` };
    if (kind === 'GRU' && inner.config.reset_after === false) return { error: "wraps a GRU with reset_after false; LayerLab's resets after" };
    if (config.backward_layer) return { error: 'has its own backward layer; LayerLab mirrors the forward one' };
    return { ...read, layer: kind, units: inner.config.units, returnSequences: inner.config.return_sequences ?? false };
  },
});
