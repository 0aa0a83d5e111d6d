import type { Task } from '../data/spec';
import type { Shape } from '../layers/types';
import type { LossSetting, MetricName } from './settings';

export type LossName = Exclude<LossSetting, 'auto'>;

export interface LossChoice {
  readonly loss: LossName;
  /** How targets are fed: one-hot rows, a 0/1 column, integer ids, or values as they are. */
  readonly labels: 'onehot' | 'binary' | 'sparse' | 'values';
  /** The metrics that suit the task when the user picked none. */
  readonly metrics: readonly MetricName[];
  readonly why: string;
}

/** Picks the loss from the task and the output layer, as a Keras user would. */
export function chooseLoss(task: Task, output: Shape): LossChoice {
  switch (task) {
    case 'classification':
      if (output[output.length - 1] === 1)
        return { loss: 'binaryCrossentropy', labels: 'binary', metrics: ['accuracy'], why: 'one sigmoid output unit: binary cross-entropy' };
      return {
        loss: 'categoricalCrossentropy',
        labels: 'onehot',
        metrics: ['accuracy'],
        why: `${output[output.length - 1]} softmax outputs: categorical cross-entropy`,
      };
    case 'sequence':
      return {
        loss: 'sparseCategoricalCrossentropy',
        labels: 'sparse',
        metrics: ['accuracy'],
        why: 'one softmax over the vocabulary per position: sparse categorical cross-entropy',
      };
    case 'regression':
      return { loss: 'meanSquaredError', labels: 'values', metrics: ['mae'], why: 'predicting numbers: mean squared error' };
    case 'reconstruction':
      return { loss: 'meanSquaredError', labels: 'values', metrics: ['mae'], why: 'reproducing the input: mean squared error per pixel' };
  }
}

const LABEL_FOR: Record<LossName, LossChoice['labels'] | null> = {
  categoricalCrossentropy: 'onehot',
  sparseCategoricalCrossentropy: 'sparse',
  binaryCrossentropy: null,
  meanSquaredError: null,
  meanAbsoluteError: null,
  huber: null,
};

/** The user's loss, or the automatic one; an error says why a choice cannot train this task. */
export function resolveLoss(setting: LossSetting, task: Task, output: Shape): LossChoice | { error: string } {
  const auto = chooseLoss(task, output);
  if (setting === 'auto') return auto;
  const units = output[output.length - 1];
  const why = `chosen: ${setting}`;
  if (task === 'sequence') {
    return setting === 'sparseCategoricalCrossentropy'
      ? { ...auto, why }
      : { error: 'A sequence decoder predicts one token id per position: use sparse categorical cross-entropy (or auto).' };
  }
  if (task === 'classification') {
    const fixed = LABEL_FOR[setting];
    if (fixed === 'sparse' && units === 1)
      return { error: 'Sparse categorical cross-entropy needs one output unit per class; this output has 1. Use binary cross-entropy.' };
    if (fixed === 'onehot' && units === 1)
      return { error: 'Categorical cross-entropy needs one output unit per class; this output has 1. Use binary cross-entropy.' };
    return { loss: setting, labels: fixed ?? (units === 1 ? 'binary' : 'onehot'), metrics: auto.metrics, why };
  }
  if (setting === 'categoricalCrossentropy' || setting === 'sparseCategoricalCrossentropy') {
    return {
      error: `${task === 'regression' ? 'Regression predicts numbers' : 'An autoencoder reproduces its input'}: categorical losses need class labels. Use mean squared error, mean absolute error or Huber.`,
    };
  }
  return { loss: setting, labels: 'values', metrics: auto.metrics, why };
}
