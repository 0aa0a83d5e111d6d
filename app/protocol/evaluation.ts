import { z } from 'zod';

/**
 * What evaluating a recorded run sends back: metrics and small pictures of the examples that explain
 * them (downsampled PNG data URLs, token lists, a few table values), never whole tensors.
 */

const png = z.string().startsWith('data:image/png;base64,');

/** Which examples were scored: the dataset's own test set, a held-out part of it, or freshly generated points. */
export const evalSplitSchema = z.object({
  name: z.enum(['test', 'validation', 'fresh']),
  count: z.int().min(0),
  /** In words: "MNIST's 10,000 test images", "the last 10% of the series (never trained on)". */
  description: z.string(),
});

/** How one example is shown: its image, the tokens the model read (unknown words marked), or its values. */
export const exampleViewSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('image'), png }),
  z.object({ type: z.literal('tokens'), tokens: z.array(z.object({ text: z.string(), oov: z.boolean() })).max(400) }),
  z.object({ type: z.literal('values'), values: z.array(z.number()).max(64), names: z.array(z.string()).max(64).optional() }),
  /** A table's row as its cells read, before standardising and one-hot encoding. */
  z.object({ type: z.literal('row'), cells: z.array(z.object({ name: z.string().max(200), value: z.string().max(200) })).max(64) }),
]);
export type ExampleView = z.output<typeof exampleViewSchema>;

const scoredClass = z.object({ cls: z.int().min(0), p: z.number() });

/** One classified example: its truth, the model's answer and its three most probable classes. */
export const classifiedExampleSchema = z.object({
  index: z.int().min(0),
  truth: z.int().min(0),
  predicted: z.int().min(0),
  top: z.array(scoredClass).max(3),
  view: exampleViewSchema,
});
export type ClassifiedExample = z.output<typeof classifiedExampleSchema>;

const histogramSchema = z.object({ min: z.number(), max: z.number(), counts: z.array(z.int().min(0)).max(200) });

const classification = z.object({
  kind: z.literal('classification'),
  split: evalSplitSchema,
  classNames: z.array(z.string()),
  accuracy: z.number(),
  loss: z.number(),
  perClass: z.array(z.object({ precision: z.number(), recall: z.number(), f1: z.number(), support: z.int().min(0) })),
  macroF1: z.number(),
  /** Row = true class, column = predicted class. */
  confusion: z.array(z.array(z.int().min(0))),
  /** A few examples of each non-empty cell, keyed "truth,predicted" (the most confident first). */
  cells: z.record(z.string().regex(/^\d+,\d+$/), z.array(classifiedExampleSchema).max(12)),
  /** The most confident mistakes, worst first. */
  mistakes: z.array(classifiedExampleSchema).max(48),
});

const regressionScores = z.object({ count: z.int().min(0), mae: z.number(), mse: z.number(), rmse: z.number(), r2: z.number() });

const regression = z.object({
  kind: z.literal('regression'),
  split: evalSplitSchema,
  /** The target's name and unit where known ("CO2 (ppm)"); values are in those units. */
  target: z.string(),
  scores: regressionScores,
  /** Predicted against actual, subsampled evenly. */
  points: z.array(z.object({ actual: z.number(), predicted: z.number() })).max(1000),
  residuals: histogramSchema,
  /** Forecasters: the series over the test window with the one-step predictions, and the error of each step ahead. */
  forecast: z
    .object({
      actual: z.array(z.number()).max(2000),
      predicted: z.array(z.number()).max(2000),
      /** Mean absolute error of a prediction made k steps ahead, feeding earlier predictions back in (k = 1…). */
      byHorizon: z.array(z.object({ step: z.int().min(1), mae: z.number(), count: z.int().min(0) })).max(60),
    })
    .optional(),
});

const reconstruction = z.object({
  kind: z.literal('reconstruction'),
  split: evalSplitSchema,
  mse: z.number(),
  mae: z.number(),
  /** Input, reconstruction and the per-example error: the best and worst examples and a few between. */
  pairs: z.array(z.object({ index: z.int().min(0), input: png, output: png, error: z.number() })).max(32),
  errors: histogramSchema,
});

const sequence = z.object({
  kind: z.literal('sequence'),
  split: evalSplitSchema,
  exactMatch: z.number(),
  tokenAccuracy: z.number(),
  rows: z.array(z.object({ input: z.string(), target: z.string(), decoded: z.string(), exact: z.boolean() })).max(48),
});

const gan = z.object({
  kind: z.literal('gan'),
  /** 64 samples from random latent points. */
  grid: png,
  /** Rows of steps between two latent points each. */
  interpolation: png,
  latentSize: z.int().min(1),
});

export const evaluationSchema = z.discriminatedUnion('kind', [classification, regression, reconstruction, sequence, gan]);
export type Evaluation = z.output<typeof evaluationSchema>;
export type EvaluationOf<K extends Evaluation['kind']> = Extract<Evaluation, { kind: K }>;

/** The whole reply: which weights were scored and what they scored. */
export const evaluationReportSchema = z.object({
  runId: z.string(),
  weights: z.enum(['last', 'best']),
  /** The epoch the weights are from, when the checkpoint says. */
  epoch: z.int().min(0).nullable(),
  backend: z.string(),
  seconds: z.number().min(0),
  result: evaluationSchema,
});
export type EvaluationReport = z.output<typeof evaluationReportSchema>;

/** What an engine process started for one evaluation sends back to the host, once. */
export const evaluationReplySchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('evaluation.done'), report: evaluationReportSchema }),
  z.object({ type: z.literal('evaluation.failed'), message: z.string() }),
  /** What it is doing now ("Loading the test examples…"), for a terminal or a status line. */
  z.object({ type: z.literal('evaluation.progress'), message: z.string() }),
]);
export type EvaluationReply = z.output<typeof evaluationReplySchema>;
