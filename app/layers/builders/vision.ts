import { pool1dArgs, pool2dArgs } from '../pooling';
import { borders, pair } from '../windows';
import { Conv1D } from '../conv1d';
import { Conv2D } from '../conv2d';
import { Conv2DTranspose } from '../conv2d-transpose';
import { SeparableConv2D } from '../separable-conv2d';
import { MaxPooling1D } from '../max-pooling-1d';
import { MaxPooling2D } from '../max-pooling-2d';
import { AveragePooling1D } from '../average-pooling-1d';
import { AveragePooling2D } from '../average-pooling-2d';
import { GlobalAveragePooling1D } from '../global-average-pooling-1d';
import { GlobalAveragePooling2D } from '../global-average-pooling-2d';
import { GlobalMaxPooling1D } from '../global-max-pooling-1d';
import { GlobalMaxPooling2D } from '../global-max-pooling-2d';
import { BatchNormalization } from '../batch-normalization';
import { LayerNormalization } from '../layer-normalization';
import { UpSampling2D } from '../up-sampling-2d';
import { ZeroPadding2D } from '../zero-padding-2d';
import { Cropping2D } from '../cropping-2d';
import { defineBuilder, single, type LayerBuilder } from './define';
import type { BuiltinActivation } from '../activations';
import type { SymbolicTensor } from '../types';

interface ConvParams {
  readonly filters: number;
  readonly kernelSize: number[];
  readonly strides: number[];
  readonly padding: 'valid' | 'same';
  readonly activation: BuiltinActivation;
  readonly useBias: boolean;
}

/** What every convolution passes to tfjs alike; each adds its own (dilation, depth multiplier). */
const convArgs = (p: ConvParams, name: string) => ({
  filters: p.filters,
  kernelSize: p.kernelSize,
  strides: p.strides,
  padding: p.padding,
  activation: p.activation,
  useBias: p.useBias,
  name,
});

const buildConv1D = defineBuilder(
  Conv1D,
  (tf, p, name, inputs) => tf.layers.conv1d({ ...convArgs(p, name), dilationRate: p.dilationRate[0] ?? 1 }).apply(single(inputs)) as SymbolicTensor,
);

const buildConv2D = defineBuilder(
  Conv2D,
  (tf, p, name, inputs) => tf.layers.conv2d({ ...convArgs(p, name), dilationRate: pair(p.dilationRate) }).apply(single(inputs)) as SymbolicTensor,
);

const buildConv2DTranspose = defineBuilder(
  Conv2DTranspose,
  (tf, p, name, inputs) => tf.layers.conv2dTranspose(convArgs(p, name)).apply(single(inputs)) as SymbolicTensor,
);

const buildSeparableConv2D = defineBuilder(
  SeparableConv2D,
  (tf, p, name, inputs) =>
    tf.layers
      .separableConv2d({ ...convArgs(p, name), dilationRate: pair(p.dilationRate), depthMultiplier: p.depthMultiplier })
      .apply(single(inputs)) as SymbolicTensor,
);

const buildMaxPooling1D = defineBuilder(
  MaxPooling1D,
  (tf, p, name, inputs) => tf.layers.maxPooling1d({ ...pool1dArgs(p), name }).apply(single(inputs)) as SymbolicTensor,
);

const buildMaxPooling2D = defineBuilder(
  MaxPooling2D,
  (tf, p, name, inputs) => tf.layers.maxPooling2d({ ...pool2dArgs(p), name }).apply(single(inputs)) as SymbolicTensor,
);

const buildAveragePooling1D = defineBuilder(
  AveragePooling1D,
  (tf, p, name, inputs) => tf.layers.averagePooling1d({ ...pool1dArgs(p), name }).apply(single(inputs)) as SymbolicTensor,
);

const buildAveragePooling2D = defineBuilder(
  AveragePooling2D,
  (tf, p, name, inputs) => tf.layers.averagePooling2d({ ...pool2dArgs(p), name }).apply(single(inputs)) as SymbolicTensor,
);

const buildGlobalAveragePooling1D = defineBuilder(
  GlobalAveragePooling1D,
  (tf, _p, name, inputs) => tf.layers.globalAveragePooling1d({ name }).apply(single(inputs)) as SymbolicTensor,
);

const buildGlobalAveragePooling2D = defineBuilder(
  GlobalAveragePooling2D,
  (tf, _p, name, inputs) => tf.layers.globalAveragePooling2d({ name }).apply(single(inputs)) as SymbolicTensor,
);

const buildGlobalMaxPooling1D = defineBuilder(
  GlobalMaxPooling1D,
  (tf, _p, name, inputs) => tf.layers.globalMaxPooling1d({ name }).apply(single(inputs)) as SymbolicTensor,
);

const buildGlobalMaxPooling2D = defineBuilder(
  GlobalMaxPooling2D,
  (tf, _p, name, inputs) => tf.layers.globalMaxPooling2d({ name }).apply(single(inputs)) as SymbolicTensor,
);

const buildBatchNormalization = defineBuilder(
  BatchNormalization,
  (tf, p, name, inputs) =>
    tf.layers
      .batchNormalization({ axis: p.axis, momentum: p.momentum, epsilon: p.epsilon, center: p.center, scale: p.scale, name })
      .apply(single(inputs)) as SymbolicTensor,
);

const buildLayerNormalization = defineBuilder(
  LayerNormalization,
  (tf, p, name, inputs) =>
    tf.layers.layerNormalization({ axis: p.axis, epsilon: p.epsilon, center: p.center, scale: p.scale, name }).apply(single(inputs)) as SymbolicTensor,
);

const buildUpSampling2D = defineBuilder(
  UpSampling2D,
  (tf, p, name, inputs) => tf.layers.upSampling2d({ size: p.size, interpolation: p.interpolation, name }).apply(single(inputs)) as SymbolicTensor,
);

const buildZeroPadding2D = defineBuilder(
  ZeroPadding2D,
  (tf, p, name, inputs) => tf.layers.zeroPadding2d({ padding: borders(p.padding), name }).apply(single(inputs)) as SymbolicTensor,
);

const buildCropping2D = defineBuilder(
  Cropping2D,
  (tf, p, name, inputs) => tf.layers.cropping2D({ cropping: borders(p.cropping), name }).apply(single(inputs)) as SymbolicTensor,
);

export const VISION_BUILDERS: readonly LayerBuilder[] = [
  buildConv1D,
  buildConv2D,
  buildConv2DTranspose,
  buildSeparableConv2D,
  buildMaxPooling1D,
  buildMaxPooling2D,
  buildAveragePooling1D,
  buildAveragePooling2D,
  buildGlobalAveragePooling1D,
  buildGlobalAveragePooling2D,
  buildGlobalMaxPooling1D,
  buildGlobalMaxPooling2D,
  buildBatchNormalization,
  buildLayerNormalization,
  buildUpSampling2D,
  buildZeroPadding2D,
  buildCropping2D,
];
