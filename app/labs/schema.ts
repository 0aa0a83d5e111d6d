import { z } from 'zod';
import { DATASET_IDS, OBJECTIVES } from '../data/catalog';

/** Params a layer must have: each listed key equals the value (numbers, strings, booleans, arrays). */
const paramsMatch = z.record(z.string(), z.union([z.number(), z.string(), z.boolean(), z.array(z.number())])).default({});

/** What a step checks, against the project (graph, data, training) or the latest finished run. */
export const checkSchema = z.discriminatedUnion('kind', [
  /** At least `count` layers of this type with these params. */
  z.object({ kind: z.literal('layer'), type: z.string().min(1), params: paramsMatch, count: z.number().int().min(1).default(1) }),
  /** A layer of type `from` feeds a layer of type `to` (directly). */
  z.object({ kind: z.literal('edge'), from: z.string().min(1), to: z.string().min(1) }),
  z.object({ kind: z.literal('dataset'), dataset: z.enum(DATASET_IDS), objective: z.enum(OBJECTIVES).optional() }),
  /** The graph has no errors and fits the dataset. */
  z.object({ kind: z.literal('valid') }),
  /** The latest run finished (completed or stopped) with `metric` at or beyond `atLeast` / `atMost`. */
  z.object({
    kind: z.literal('run'),
    metric: z.string().min(1).max(60),
    atLeast: z.number().optional(),
    atMost: z.number().optional(),
  }),
  /** A question to think about; the learner ticks it off themselves. */
  z.object({ kind: z.literal('reflect') }),
]);
export type LabCheck = z.output<typeof checkSchema>;

export const stepSchema = z.object({
  id: z.string().regex(/^[a-z0-9-]{1,40}$/),
  title: z.string().min(1).max(200),
  /** Shown after a wrong attempt (the learner pressed Check and the step did not pass). */
  hint: z.string().min(1).max(600),
  check: checkSchema,
});
export type LabStep = z.output<typeof stepSchema>;

export const labSchema = z.object({
  format: z.literal('layerlab-lab'),
  version: z.literal(1),
  id: z.string().regex(/^[a-z0-9-]{1,60}$/),
  title: z.string().min(1).max(120),
  /** The curriculum module it belongs to. */
  module: z.string().min(1).max(120),
  summary: z.string().min(1).max(600),
  /** Template to start from (an id in resources/templates), or none for an empty canvas. */
  start: z
    .string()
    .regex(/^[a-z0-9-]{1,60}$/)
    .nullable()
    .default(null),
  steps: z.array(stepSchema).min(1).max(40),
});
export type Lab = z.output<typeof labSchema>;

/** A lab file, validated; the message says which field is wrong. */
export function parseLab(text: string): { ok: true; lab: Lab } | { ok: false; error: string } {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    return { ok: false, error: `Not JSON: ${e instanceof Error ? e.message : String(e)}` };
  }
  const r = labSchema.safeParse(json);
  if (!r.success) {
    const i = r.error.issues[0];
    const where = i && i.path.length > 0 ? i.path.join('.') : 'lab';
    return { ok: false, error: `${where}: ${i?.message ?? 'invalid'}` };
  }
  const ids = new Set(r.data.steps.map((s) => s.id));
  if (ids.size !== r.data.steps.length) return { ok: false, error: 'steps: two steps have the same id' };
  return { ok: true, lab: r.data };
}
