import { registerSubtract } from '../tfjs/subtract';
import { Concatenate } from '../concatenate';
import { Add } from '../add';
import { Subtract } from '../subtract';
import { Multiply } from '../multiply';
import { Average } from '../average';
import { Maximum } from '../maximum';
import { defineBuilder, type LayerBuilder } from './define';
import type { SymbolicTensor } from '../types';

const buildConcatenate = defineBuilder(Concatenate, (tf, p, name, inputs) => {
  // tfjs-layers treats every negative axis as -1, so count the others from the front (the batch is axis 0).
  const rank = inputs[0]?.shape.length ?? 0;
  const axis = p.axis < -1 ? rank + p.axis : p.axis;
  return tf.layers.concatenate({ axis, name }).apply([...inputs]) as SymbolicTensor;
});

const buildAdd = defineBuilder(Add, (tf, _p, name, inputs) => tf.layers.add({ name }).apply([...inputs]) as SymbolicTensor);

const buildSubtract = defineBuilder(Subtract, (tf, _p, name, inputs) => {
  const Layer = registerSubtract(tf);
  return new Layer({ name }).apply([...inputs]) as SymbolicTensor;
});

const buildMultiply = defineBuilder(Multiply, (tf, _p, name, inputs) => tf.layers.multiply({ name }).apply([...inputs]) as SymbolicTensor);

const buildAverage = defineBuilder(Average, (tf, _p, name, inputs) => tf.layers.average({ name }).apply([...inputs]) as SymbolicTensor);

const buildMaximum = defineBuilder(Maximum, (tf, _p, name, inputs) => tf.layers.maximum({ name }).apply([...inputs]) as SymbolicTensor);

export const MERGE_BUILDERS: readonly LayerBuilder[] = [buildConcatenate, buildAdd, buildSubtract, buildMultiply, buildAverage, buildMaximum];
