import type * as tfjs from '@tensorflow/tfjs';
import type { Tf } from '../../app/layers/types';
import type { TrainingSettings } from '../../app/training/settings';
import { flatAdam } from './flat-adam';

/** The tfjs optimizer for the settings; its learning rate is changed in place by the schedule. */
export function makeOptimizer(tf: Tf, t: Pick<TrainingSettings, 'optimizer' | 'learningRate' | 'momentum' | 'nesterov'>): tfjs.Optimizer {
  const lr = t.learningRate;
  switch (t.optimizer) {
    case 'sgd':
      return t.momentum > 0 ? tf.train.momentum(lr, t.momentum, t.nesterov) : tf.train.sgd(lr);
    case 'adam':
      return flatAdam(tf, lr);
    case 'adamax':
      return tf.train.adamax(lr);
    case 'rmsprop':
      return tf.train.rmsprop(lr);
    case 'adagrad':
      return tf.train.adagrad(lr);
    case 'adadelta':
      return tf.train.adadelta(lr);
  }
}

/** tfjs optimizers keep their rate in a field; SGD and momentum expose a setter. */
export function setLearningRate(optimizer: tfjs.Optimizer, lr: number): void {
  const o = optimizer as unknown as { setLearningRate?: (lr: number) => void; learningRate: number };
  if (o.setLearningRate) o.setLearningRate(lr);
  else o.learningRate = lr;
}
