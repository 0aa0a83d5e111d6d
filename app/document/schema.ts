import { z } from 'zod';
import { dataSettingsSchema } from '../data/catalog';
import { trainingSettingsSchema } from '../training/settings';
import { groupProblems, groupsSchema } from './groups';

export const FORMAT = 'layerlab';
export const CURRENT_VERSION = 1;
export const FILE_EXTENSION = '.layerlab.json';

export const nodeSchema = z.object({
  id: z.string().min(1),
  /** Keras class name, e.g. "Dense". */
  type: z.string().min(1),
  /** Layer name as Keras would show it, e.g. "dense_1". */
  name: z.string().min(1),
  position: z.object({ x: z.number(), y: z.number() }),
  params: z.record(z.string(), z.unknown()).default({}),
  /** Frozen layers keep their weights while the rest trains (Keras's `trainable`). */
  trainable: z.boolean().default(true),
  /** In a GAN, which network the layer belongs to; `model` everywhere else. */
  role: z.enum(['model', 'generator', 'discriminator']).default('model'),
});
export type NodeDoc = z.output<typeof nodeSchema>;

export const edgeSchema = z.object({
  id: z.string().min(1),
  source: z.string().min(1),
  /** Which output of the source layer; most layers have only `output`. */
  sourceHandle: z.string().min(1).default('output'),
  target: z.string().min(1),
  /** The named input of the target layer this edge feeds. */
  targetHandle: z.string().min(1).default('input'),
});
export type EdgeDoc = z.output<typeof edgeSchema>;

export const graphSchema = z.object({
  nodes: z.array(nodeSchema),
  edges: z.array(edgeSchema),
});
export type GraphDoc = z.output<typeof graphSchema>;

export const projectSchema = z
  .object({
    format: z.literal(FORMAT),
    version: z.literal(CURRENT_VERSION),
    /** Stable identity of the project; its training runs are stored under it. Assigned when first saved or trained. */
    id: z
      .string()
      .regex(/^[A-Za-z0-9_-]{6,64}$/)
      .optional(),
    name: z.string().default('Untitled'),
    description: z.string().default(''),
    graph: graphSchema,
    data: dataSettingsSchema.default(dataSettingsSchema.parse({})),
    training: trainingSettingsSchema.default(trainingSettingsSchema.parse({})),
    /**
     * Named blocks of layers. Added without a version bump: older files have none (the default),
     * and an older app opening a newer file keeps every layer and loses only the grouping.
     */
    groups: groupsSchema.default([]),
  })
  .superRefine((doc, ctx) => {
    // Only ids the schema accepted are checked; a group is sound only against the graph it sits in.
    for (const p of groupProblems(doc.groups, new Set(doc.graph.nodes.map((n) => n.id))))
      ctx.addIssue({ code: 'custom', path: ['groups', ...p.path], message: p.message });
  });
export type ProjectDoc = z.output<typeof projectSchema>;

export function emptyProject(name = 'Untitled'): ProjectDoc {
  return projectSchema.parse({ format: FORMAT, version: CURRENT_VERSION, name, graph: { nodes: [], edges: [] } });
}
