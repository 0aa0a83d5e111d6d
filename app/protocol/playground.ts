import { z } from 'zod';

const png = z.string().startsWith('data:image/png;base64,');

/** What a person gives a trained model to try: a drawing or dropped image, a sentence, or a row of numbers. */
export const playgroundInputSchema = z.discriminatedUnion('kind', [
  /** Grey levels 0–1, row-major, white ink on black as MNIST; any size up to 256 × 256, resized to the model's input. */
  z.object({
    kind: z.literal('image'),
    width: z.int().min(1).max(256),
    height: z.int().min(1).max(256),
    pixels: z.array(z.number().min(0).max(1)).max(65_536),
  }),
  z.object({ kind: z.literal('text'), text: z.string().max(20_000) }),
  z.object({ kind: z.literal('values'), values: z.array(z.number()).min(1).max(4096) }),
  /** A table's row as a person types it, by column name: the engine encodes it as training encoded rows. */
  z.object({
    kind: z.literal('row'),
    cells: z.record(z.string().max(200), z.string().max(200)).refine((cells) => Object.keys(cells).length <= 2000, 'A row has at most 2,000 columns.'),
  }),
]);
export type PlaygroundInput = z.output<typeof playgroundInputSchema>;

/** The model's answer, with what it actually saw (the centred 28×28 image, the tokens with unknown words marked). */
export const playgroundResultSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('classes'),
    classNames: z.array(z.string()),
    probabilities: z.array(z.number()),
    seen: z
      .discriminatedUnion('type', [
        z.object({ type: z.literal('image'), png }),
        z.object({ type: z.literal('tokens'), tokens: z.array(z.object({ text: z.string(), oov: z.boolean() })).max(2000) }),
      ])
      .optional(),
  }),
  z.object({ kind: z.literal('values'), values: z.array(z.number()).max(4096), names: z.array(z.string().max(200)).max(64).optional() }),
]);
export type PlaygroundResult = z.output<typeof playgroundResultSchema>;

/** Every channel of one convolution layer's output for the input, and the first layer's filters, as images. */
export const featureMapsSchema = z.object({
  layers: z.array(z.string()),
  layer: z.string(),
  channels: z.int().min(1),
  /** Channel maps side by side, each scaled to its own range. */
  maps: png,
  mapSize: z.tuple([z.int(), z.int()]),
  /** The first convolution's kernels (input channel 0), each scaled to its own range. */
  filters: png.nullable(),
});
export type FeatureMaps = z.output<typeof featureMapsSchema>;

/** Attention weights for one input: per map (self, cross) and head, query tokens × key tokens, each row over the shown keys. */
export const attentionViewSchema = z.object({
  layers: z.array(z.string()),
  layer: z.string(),
  maps: z
    .array(
      z.object({
        label: z.enum(['self-attention', 'cross-attention']),
        queries: z.array(z.string()).max(64),
        keys: z.array(z.string()).max(64),
        /** heads × queries × keys. */
        weights: z.array(z.array(z.array(z.number()))).max(16),
        /** Share of each query's attention that went to positions not shown (padding, or tokens cut off). */
        hidden: z.number().min(0).max(1),
      }),
    )
    .max(2),
});
export type AttentionView = z.output<typeof attentionViewSchema>;

/** What the engine a playground keeps open is asked, and answers (matched by id). */
export const playgroundAskSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('playground.predict'), id: z.int(), input: playgroundInputSchema }),
  z.object({ type: z.literal('playground.features'), id: z.int(), input: playgroundInputSchema, layer: z.string().max(200).optional() }),
  z.object({ type: z.literal('playground.attention'), id: z.int(), input: playgroundInputSchema, layer: z.string().max(200).optional() }),
]);
export type PlaygroundAsk = z.output<typeof playgroundAskSchema>;

export const playgroundAnswerSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('playground.ready'), inputs: z.array(z.array(z.number().nullable())) }),
  z.object({ type: z.literal('playground.predicted'), id: z.int(), result: playgroundResultSchema }),
  z.object({ type: z.literal('playground.features'), id: z.int(), features: featureMapsSchema }),
  z.object({ type: z.literal('playground.attended'), id: z.int(), attention: attentionViewSchema }),
  z.object({ type: z.literal('playground.failed'), id: z.int().nullable(), message: z.string() }),
]);
export type PlaygroundAnswer = z.output<typeof playgroundAnswerSchema>;
