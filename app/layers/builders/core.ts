import { LEAKY_SLOPE } from '../activation';
import { reshapeResult } from '../reshape';
import { InputLayer } from '../input';
import { Dense } from '../dense';
import { Activation } from '../activation';
import { Dropout } from '../dropout';
import { Flatten } from '../flatten';
import { Reshape } from '../reshape';
import { GaussianNoise } from '../gaussian-noise';
import { SpatialDropout1D } from '../spatial-dropout-1d';
import { Permute } from '../permute';
import { RepeatVector } from '../repeat-vector';
import { TimeDistributed } from '../time-distributed';
import { Embedding } from '../embedding';
import { RBM } from '../rbm';
import { rbmClass } from '../tfjs/rbm';
import { PretrainedModel } from '../pretrained-model';
import { buildPretrained } from '../tfjs/pretrained';
import { defineBuilder, single, type LayerBuilder } from './define';
import type { SymbolicTensor } from '../types';

const buildInputLayer = defineBuilder(InputLayer, (tf, p, name) => tf.input({ shape: p.shape, name }));

const buildDense = defineBuilder(
  Dense,
  (tf, p, name, inputs) => tf.layers.dense({ units: p.units, activation: p.activation, useBias: p.useBias, name }).apply(single(inputs)) as SymbolicTensor,
);

const buildActivation = defineBuilder(Activation, (tf, p, name, inputs) => {
  const layer = p.activation === 'leakyRelu' ? tf.layers.leakyReLU({ alpha: LEAKY_SLOPE, name }) : tf.layers.activation({ activation: p.activation, name });
  return layer.apply(single(inputs)) as SymbolicTensor;
});

const buildDropout = defineBuilder(Dropout, (tf, p, name, inputs) => tf.layers.dropout({ rate: p.rate, name }).apply(single(inputs)) as SymbolicTensor);

const buildFlatten = defineBuilder(Flatten, (tf, _p, name, inputs) => {
  const input = single(inputs);
  // tfjs's Flatten refuses rank-1 examples, which Keras passes through unchanged.
  const layer = input.shape.length === 2 ? tf.layers.reshape({ targetShape: [input.shape[1]!], name }) : tf.layers.flatten({ name });
  return layer.apply(input) as SymbolicTensor;
});

const buildReshape = defineBuilder(Reshape, (tf, p, name, inputs) => {
  const input = single(inputs);
  // tfjs leaves a -1 dimension unknown in the symbolic shape, so a Dense after it cannot size its
  // weights; resolve it from the input, as our shape rule does.
  const result = reshapeResult(p.targetShape, input.shape.slice(1));
  const targetShape = result.ok ? (result.shape as number[]) : p.targetShape;
  return tf.layers.reshape({ targetShape, name }).apply(input) as SymbolicTensor;
});

const buildGaussianNoise = defineBuilder(
  GaussianNoise,
  (tf, p, name, inputs) => tf.layers.gaussianNoise({ stddev: p.stddev, name }).apply(single(inputs)) as SymbolicTensor,
);

const buildSpatialDropout1D = defineBuilder(
  SpatialDropout1D,
  (tf, p, name, inputs) => tf.layers.spatialDropout1d({ rate: p.rate, name }).apply(single(inputs)) as SymbolicTensor,
);

const buildPermute = defineBuilder(Permute, (tf, p, name, inputs) => tf.layers.permute({ dims: p.dims, name }).apply(single(inputs)) as SymbolicTensor);

const buildRepeatVector = defineBuilder(
  RepeatVector,
  (tf, p, name, inputs) => tf.layers.repeatVector({ n: p.n, name }).apply(single(inputs)) as SymbolicTensor,
);

const buildTimeDistributed = defineBuilder(TimeDistributed, (tf, p, name, inputs) => {
  // The inner Dense is named after the node so that weight names stay stable across builds.
  const dense = tf.layers.dense({ units: p.units, activation: p.activation, useBias: p.useBias, name: `${name}_dense` });
  return tf.layers.timeDistributed({ layer: dense, name }).apply(single(inputs)) as SymbolicTensor;
});

const buildEmbedding = defineBuilder(
  Embedding,
  (tf, p, name, inputs) => tf.layers.embedding({ inputDim: p.inputDim, outputDim: p.outputDim, name }).apply(single(inputs)) as SymbolicTensor,
);

const buildRBM = defineBuilder(RBM, (tf, p, name, inputs) => {
  const Layer = rbmClass(tf);
  return new Layer({ units: p.units, visibleType: p.visibleType, cdSteps: p.cdSteps, persistent: p.persistent, name }).apply(single(inputs)) as SymbolicTensor;
});

export const CORE_BUILDERS: readonly LayerBuilder[] = [
  buildInputLayer,
  buildDense,
  buildActivation,
  buildDropout,
  buildFlatten,
  buildReshape,
  buildGaussianNoise,
  buildSpatialDropout1D,
  buildPermute,
  buildRepeatVector,
  buildTimeDistributed,
  buildEmbedding,
  buildRBM,
  defineBuilder(PretrainedModel, (tf, p, name, inputs) => buildPretrained(tf, p, name, inputs)),
];
