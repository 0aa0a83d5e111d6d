import { z } from 'zod';

const name = z.string().max(200);

/**
 * How a table's columns became the model's inputs, recorded when the table is encoded for training:
 * numbers standardised with the training part's mean and spread, categories one-hot or as ids for an
 * Embedding, gaps filled with the training part's statistics. A row typed by a person goes through it
 * to reach the model exactly as training rows did, and an example goes back through it to be shown.
 */
export const tableFieldSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('number'), name, mean: z.number(), std: z.number().positive(), fill: z.number() }),
  z.object({
    kind: z.literal('category'),
    name,
    categories: z.array(z.string().max(200)).max(10_000),
    /** The id a gap is filled with (the training part's most frequent category). */
    fill: z.int().min(0),
    /** Sent as its own id input to an Embedding instead of one-hot in the numeric input. */
    embed: z.boolean(),
  }),
]);
export type TableField = z.output<typeof tableFieldSchema>;

export const tableEncodingSchema = z.object({
  /** Feature columns in the table's order. */
  fields: z.array(tableFieldSchema).max(2000),
  target: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('classes'), name }),
    z.object({ kind: z.literal('values'), names: z.array(name).min(1).max(64), scale: z.array(z.object({ mean: z.number(), std: z.number() })).max(64) }),
  ]),
});
export type TableEncoding = z.output<typeof tableEncodingSchema>;
