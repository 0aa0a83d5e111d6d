import type { LossSetting, MetricName, OptimizerName, ScheduleKind } from '../../../../app/training/settings';

export const OPTIMIZER_LABEL: Record<OptimizerName, string> = {
  sgd: 'SGD',
  adam: 'Adam',
  rmsprop: 'RMSprop',
  adamax: 'Adamax',
  adagrad: 'Adagrad',
  adadelta: 'Adadelta',
};

export const OPTIMIZER_HELP: Record<OptimizerName, string> = {
  sgd: 'Plain gradient descent: simple and predictable; needs a well-chosen learning rate. Momentum smooths its path.',
  adam: 'Adapts the step size per weight; a robust default.',
  rmsprop: 'Scales steps by a running average of squared gradients; good for recurrent nets.',
  adamax: 'Adam with an infinity-norm scale: steadier when gradients spike.',
  adagrad: 'Per-weight steps that shrink as gradients accumulate; suits sparse features.',
  adadelta: 'Adagrad without the ever-shrinking step: adapts from a window of recent updates.',
};

export const SCHEDULE_LABEL: Record<ScheduleKind, string> = {
  constant: 'Constant',
  step: 'Step decay',
  exponential: 'Exponential',
  cosine: 'Cosine',
  plateau: 'On plateau',
};

export const SCHEDULE_HELP: Record<ScheduleKind, string> = {
  constant: 'The same learning rate for the whole run.',
  step: 'Multiplies the rate by a factor every few epochs: big steps first, fine ones later.',
  exponential: 'Shrinks the rate a little after every epoch.',
  cosine: 'Glides the rate down along a half cosine to the floor by the last epoch.',
  plateau: 'Cuts the rate when val_loss stops improving for a few epochs.',
};

export const LOSS_LABEL: Record<Exclude<LossSetting, 'auto'>, string> = {
  categoricalCrossentropy: 'Categorical cross-entropy',
  sparseCategoricalCrossentropy: 'Sparse categorical cross-entropy',
  binaryCrossentropy: 'Binary cross-entropy',
  meanSquaredError: 'Mean squared error',
  meanAbsoluteError: 'Mean absolute error',
  huber: 'Huber',
};

export const LOSS_HELP: Record<Exclude<LossSetting, 'auto'>, string> = {
  categoricalCrossentropy: 'For one softmax over classes with one-hot targets.',
  sparseCategoricalCrossentropy: 'Like categorical cross-entropy, with class ids as targets instead of one-hot rows.',
  binaryCrossentropy: 'For yes/no outputs: one sigmoid unit, or several independent ones.',
  meanSquaredError: 'For numbers: squares each error, so large misses dominate.',
  meanAbsoluteError: 'For numbers: every unit of error counts the same; robust to outliers.',
  huber: 'Squared for small errors, linear for large ones: MSE’s smoothness with MAE’s robustness.',
};

export const METRIC_LABEL: Record<MetricName, string> = {
  accuracy: 'Accuracy',
  precision: 'Precision',
  recall: 'Recall',
  topKAccuracy: 'Top-k accuracy',
  mae: 'MAE',
};

export const METRIC_HELP: Record<MetricName, string> = {
  accuracy: 'Share of examples whose predicted class is right.',
  precision: 'Of the examples predicted positive, the share that are.',
  recall: 'Of the positive examples, the share found.',
  topKAccuracy: 'Share of examples whose true class is among the k highest scores.',
  mae: 'Mean absolute error: the average size of a miss, in the target’s units.',
};
