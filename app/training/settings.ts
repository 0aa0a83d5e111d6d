import { z } from 'zod';

export const OPTIMIZERS = ['sgd', 'adam', 'adamax', 'rmsprop', 'adagrad', 'adadelta'] as const;
export type OptimizerName = (typeof OPTIMIZERS)[number];

export const SCHEDULES = ['constant', 'step', 'exponential', 'cosine', 'plateau'] as const;
export type ScheduleKind = (typeof SCHEDULES)[number];

/** Losses a user may pick instead of the automatic choice (Keras names, tfjs camelCase). */
export const LOSSES = [
  'auto',
  'categoricalCrossentropy',
  'sparseCategoricalCrossentropy',
  'binaryCrossentropy',
  'meanSquaredError',
  'meanAbsoluteError',
  'huber',
] as const;
export type LossSetting = (typeof LOSSES)[number];

export const METRICS = ['accuracy', 'precision', 'recall', 'topKAccuracy', 'mae'] as const;
export type MetricName = (typeof METRICS)[number];

export const MONITORS = ['val_loss', 'val_accuracy', 'loss', 'accuracy'] as const;

export const scheduleSchema = z.object({
  kind: z.enum(SCHEDULES).default('constant'),
  /** step: multiply by `factor` every `stepEvery` epochs. */
  stepEvery: z.int().min(1).default(10),
  /** step and plateau: the multiplier applied to the learning rate. */
  factor: z.number().gt(0).lt(1).default(0.5),
  /** exponential: learning rate × decayRate per epoch. */
  decayRate: z.number().gt(0).max(1).default(0.95),
  /** plateau: epochs without improvement of val_loss before reducing. */
  patience: z.int().min(1).default(3),
  /** The floor for every schedule (cosine decays to it). */
  minLearningRate: z.number().min(0).default(1e-6),
});
export type Schedule = z.output<typeof scheduleSchema>;

export const earlyStoppingSchema = z.object({
  enabled: z.boolean().default(false),
  monitor: z.enum(MONITORS).default('val_loss'),
  patience: z.int().min(1).default(5),
  restoreBest: z.boolean().default(true),
});
export type EarlyStopping = z.output<typeof earlyStoppingSchema>;

export const trainingSettingsSchema = z.object({
  /**
   * `gan` trains the nodes marked generator and discriminator adversarially; `rbm` trains the graph's
   * RBM nodes layer-wise by contrastive divergence; everything else is `standard`.
   */
  mode: z.enum(['standard', 'gan', 'rbm']).default('standard'),
  optimizer: z.enum(OPTIMIZERS).default('adam'),
  learningRate: z.number().positive().max(10).default(0.01),
  /** SGD only: momentum, optionally Nesterov's. */
  momentum: z.number().min(0).max(0.999).default(0),
  nesterov: z.boolean().default(false),
  schedule: scheduleSchema.prefault({}),
  batchSize: z.int().min(1).max(65_536).default(32),
  epochs: z.int().min(1).max(10_000).default(20),
  validationSplit: z.number().min(0).max(0.5).default(0.2),
  loss: z.enum(LOSSES).default('auto'),
  /** Empty: the metrics that suit the task (accuracy for classifiers, MAE for regression). */
  metrics: z.array(z.enum(METRICS)).default([]),
  topK: z.int().min(1).max(100).default(5),
  earlyStopping: earlyStoppingSchema.prefault({}),
  /** 0: a different initialisation and shuffle every run; any other value repeats them. */
  seed: z.int().min(0).default(0),
});
export type TrainingSettings = z.output<typeof trainingSettingsSchema>;
