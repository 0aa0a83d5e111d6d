import { z } from 'zod';

/**
 * Views computed while a run trains, sent as `run.view` events: compact summaries of what happens inside
 * the network (norms, histogram bins, a coarse probability grid), never its tensors.
 */

const histogramSchema = z.object({ min: z.number(), max: z.number(), counts: z.array(z.int().min(0)).max(100) });

/** One trainable layer after an epoch, measured on a fixed batch of examples. */
export const layerDynamicsSchema = z.object({
  name: z.string(),
  /** L2 norm of the loss's gradient over all of the layer's trainable weights. */
  gradNorm: z.number(),
  weightNorm: z.number(),
  weights: histogramSchema,
  grads: histogramSchema,
  /** The layer's output over the batch; `dead` is the share of ReLU units that are zero for every example. */
  activation: z.object({ mean: z.number(), std: z.number(), dead: z.number().nullable() }).nullable(),
});
export type LayerDynamics = z.output<typeof layerDynamicsSchema>;

/** Every trainable layer after one epoch: what the engine sends live and appends to the run's dynamics.jsonl. */
export const dynamicsViewSchema = z.object({ kind: z.literal('dynamics'), epoch: z.int().min(1), layers: z.array(layerDynamicsSchema).max(200) });
export type DynamicsView = z.output<typeof dynamicsViewSchema>;

export const trainingViewSchema = z.discriminatedUnion('kind', [
  dynamicsViewSchema,
  /**
   * A 2-D classifier's decision field: class-1 probability (or the winning class's, for more classes) on a
   * size × size grid over the data's extent, row-major from the top-left (ymax) corner.
   */
  z.object({
    kind: z.literal('boundary'),
    step: z.int().min(0),
    epoch: z.int().min(1),
    size: z.int().min(2).max(100),
    x: z.tuple([z.number(), z.number()]),
    y: z.tuple([z.number(), z.number()]),
    /** Per cell: the predicted class. */
    classes: z.array(z.int().min(0)).max(10_000),
    /** Per cell: the probability of that class, 0–1. */
    confidence: z.array(z.number()).max(10_000),
  }),
]);
export type TrainingView = z.output<typeof trainingViewSchema>;
