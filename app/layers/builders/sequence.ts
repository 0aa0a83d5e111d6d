import { multiHeadAttentionClass } from '../tfjs/multi-head-attention';
import { positionEmbeddingClass, sinePositionEncodingClass, tokenAndPositionEmbeddingClass } from '../tfjs/position';
import { applyRecurrent, recurrentLayer } from '../tfjs/recurrent';
import { transformerDecoderClass, transformerEncoderClass } from '../tfjs/transformer';
import { SimpleRNN } from '../simple-rnn';
import { LSTM } from '../lstm';
import { GRU } from '../gru';
import { Bidirectional } from '../bidirectional';
import { MultiHeadAttention } from '../multi-head-attention';
import { TokenAndPositionEmbedding } from '../token-and-position-embedding';
import { PositionEmbedding } from '../position-embedding';
import { SinePositionEncoding } from '../sine-position-encoding';
import { TransformerEncoder } from '../transformer-encoder';
import { TransformerDecoder } from '../transformer-decoder';
import { defineBuilder, single, type LayerBuilder } from './define';
import type { SymbolicTensor } from '../types';

const buildSimpleRNN = defineBuilder(SimpleRNN, (tf, p, name, inputs) =>
  applyRecurrent(recurrentLayer(tf, 'SimpleRNN', { ...p, resetAfter: false, name }), inputs),
);

const buildLSTM = defineBuilder(LSTM, (tf, p, name, inputs) => applyRecurrent(recurrentLayer(tf, 'LSTM', { ...p, resetAfter: false, name }), inputs));

const buildGRU = defineBuilder(GRU, (tf, p, name, inputs) => applyRecurrent(recurrentLayer(tf, 'GRU', { ...p, name }), inputs));

const buildBidirectional = defineBuilder(Bidirectional, (tf, p, name, inputs) => {
  const inner = recurrentLayer(tf, p.layer, { units: p.units, activation: 'tanh', returnSequences: p.returnSequences, returnState: false, resetAfter: true });
  return tf.layers.bidirectional({ layer: inner, mergeMode: p.mergeMode, name }).apply(single(inputs)) as SymbolicTensor;
});

const buildMultiHeadAttention = defineBuilder(MultiHeadAttention, (tf, p, name, inputs) => {
  const MHA = multiHeadAttentionClass(tf);
  return new MHA({ ...p, name }).apply([...inputs]) as SymbolicTensor;
});

const buildTokenAndPositionEmbedding = defineBuilder(TokenAndPositionEmbedding, (tf, p, name, inputs) => {
  const Layer = tokenAndPositionEmbeddingClass(tf);
  return new Layer({ ...p, name }).apply(single(inputs)) as SymbolicTensor;
});

const buildPositionEmbedding = defineBuilder(PositionEmbedding, (tf, p, name, inputs) => {
  const Layer = positionEmbeddingClass(tf);
  return new Layer({ sequenceLength: p.sequenceLength, name }).apply(single(inputs)) as SymbolicTensor;
});

const buildSinePositionEncoding = defineBuilder(SinePositionEncoding, (tf, p, name, inputs) => {
  const Layer = sinePositionEncodingClass(tf);
  return new Layer({ maxWavelength: p.maxWavelength, name }).apply(single(inputs)) as SymbolicTensor;
});

const buildTransformerEncoder = defineBuilder(TransformerEncoder, (tf, p, name, inputs) => {
  const Encoder = transformerEncoderClass(tf);
  return new Encoder({ ...p, name }).apply(single(inputs)) as SymbolicTensor;
});

const buildTransformerDecoder = defineBuilder(TransformerDecoder, (tf, p, name, inputs) => {
  const Decoder = transformerDecoderClass(tf);
  return new Decoder({ ...p, name }).apply(inputs.length > 1 ? [...inputs] : inputs[0]!) as SymbolicTensor;
});

export const SEQUENCE_BUILDERS: readonly LayerBuilder[] = [
  buildSimpleRNN,
  buildLSTM,
  buildGRU,
  buildBidirectional,
  buildMultiHeadAttention,
  buildTokenAndPositionEmbedding,
  buildPositionEmbedding,
  buildSinePositionEncoding,
  buildTransformerEncoder,
  buildTransformerDecoder,
];
