import { z } from 'zod';
import { pretrainedSourceSchema } from '../transfer/sources';
import { sourceSummarySchema } from '../transfer/summary';
import { ZOO_IDS } from '../transfer/sources';

/** Where a source model can come from, for the inspector's picker; zoo entries say whether they are downloaded. */
export const pretrainedSourcesReplySchema = z.object({
  shipped: z.array(z.object({ id: z.string(), label: z.string(), description: z.string() })),
  zoo: z.array(
    z.object({
      id: z.enum(ZOO_IDS),
      label: z.string(),
      megabytes: z.number(),
      card: z.string(),
      cached: z.boolean(),
      /** Bytes so far of a download in progress (all files together), or null when none is running. */
      downloading: z.object({ received: z.number().min(0), total: z.number().min(0).nullable() }).nullable(),
    }),
  ),
});
export type PretrainedSourcesReply = z.output<typeof pretrainedSourcesReplySchema>;

export const pretrainedInspectPayloadSchema = z.object({
  source: pretrainedSourceSchema,
  /** The project whose earlier runs a `run` source names. */
  projectId: z
    .string()
    .regex(/^[A-Za-z0-9_-]{6,64}$/)
    .optional(),
});

/** What an engine answers to a `pretrained` command: download progress, then the source's layers or why not. */
export const pretrainedReplySchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('pretrained.progress'), file: z.string(), received: z.number().min(0), total: z.number().min(0).nullable() }),
  z.object({ type: z.literal('pretrained.done'), summary: sourceSummarySchema }),
  z.object({ type: z.literal('pretrained.failed'), message: z.string() }),
]);
export type PretrainedReply = z.output<typeof pretrainedReplySchema>;
