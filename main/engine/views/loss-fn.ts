import type * as tfjs from '@tensorflow/tfjs';
import type { Tf } from '../../../app/layers/types';
import type { LossName } from '../../../app/training/loss';

export type LossFn = (yTrue: tfjs.Tensor, yPred: tfjs.Tensor) => tfjs.Scalar;

/** The training loss as a function a view can differentiate on its own batch (the compiled one is private to tfjs). */
export function lossFunction(tf: Tf, loss: LossName): LossFn {
  switch (loss) {
    case 'categoricalCrossentropy':
      return (t, p) => tf.mean(tf.metrics.categoricalCrossentropy(t, p));
    case 'sparseCategoricalCrossentropy':
      // tfjs exports no sparse metric: one-hot the ids (shaped [..., 1]) against the output's classes.
      return (t, p) => tf.mean(tf.metrics.categoricalCrossentropy(tf.oneHot(tf.cast(tf.squeeze(t, [-1]), 'int32'), p.shape[p.shape.length - 1]!), p));
    case 'binaryCrossentropy':
      return (t, p) => tf.mean(tf.metrics.binaryCrossentropy(t, p));
    case 'meanSquaredError':
      return (t, p) => tf.losses.meanSquaredError<tfjs.Tensor, tfjs.Scalar>(t, p);
    case 'meanAbsoluteError':
      return (t, p) => tf.losses.absoluteDifference<tfjs.Tensor, tfjs.Scalar>(t, p);
    case 'huber':
      return (t, p) => tf.losses.huberLoss<tfjs.Tensor, tfjs.Scalar>(t, p);
  }
}
