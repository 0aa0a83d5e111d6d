import { z } from 'zod';

export const ZOO_IDS = ['mobilenet-v2', 'resnet50', 'vgg16'] as const;
export type ZooId = (typeof ZOO_IDS)[number];

const slug = z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'a name of lower-case letters, digits and dashes');

/** Where a pretrained model comes from. Paths are resolved and confined by the engine, never trusted here. */
export const pretrainedSourceSchema = z.discriminatedUnion('kind', [
  /** A model shipped in resources/models/<id>/model.json. */
  z.object({ kind: z.literal('resource'), id: slug }),
  /** The last (or best) checkpoint of an earlier run of this project. */
  z.object({ kind: z.literal('run'), runId: z.string().regex(/^[A-Za-z0-9_-]{1,80}$/), which: z.enum(['last', 'best']).default('best') }),
  /** A model.json the user imported (its shards beside it). */
  z.object({ kind: z.literal('file'), path: z.string().min(1).max(4096) }),
  /** A model-zoo model, downloaded on first use into the data folder. */
  z.object({ kind: z.literal('zoo'), model: z.enum(ZOO_IDS) }),
]);
export type PretrainedSource = z.output<typeof pretrainedSourceSchema>;

/** A stable key for one source, so the engine loads each model once however many nodes use it. */
export function sourceKey(s: PretrainedSource): string {
  switch (s.kind) {
    case 'resource':
      return `resource:${s.id}`;
    case 'run':
      return `run:${s.runId}:${s.which}`;
    case 'file':
      return `file:${s.path}`;
    case 'zoo':
      return `zoo:${s.model}`;
  }
}
