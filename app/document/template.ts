import { z } from 'zod';
import { graphSchema } from './schema';

/**
 * What a template file carries beside its project: the gallery's one-line summary, tags and
 * level. Kept out of the project schema, so a project opened from a template does not inherit it
 * (the project schema drops unknown keys); validated where templates are listed.
 */
export const TEMPLATE_TAGS = ['MLP', 'CNN', 'RNN', 'Transformer', 'attention', 'autoencoder', 'GAN', 'RBM', 'generative', 'transfer learning'] as const;
export type TemplateTag = (typeof TEMPLATE_TAGS)[number];

export const TEMPLATE_LEVELS = ['beginner', 'intermediate'] as const;
export type TemplateLevel = (typeof TEMPLATE_LEVELS)[number];

/** One line in a card: short, and no line breaks. */
const SUMMARY_MAX = 90;

export const templateMetaSchema = z.object({
  summary: z
    .string()
    .min(10)
    .max(SUMMARY_MAX, `the summary is one line of at most ${SUMMARY_MAX} characters`)
    .refine((s) => !/[\r\n]/.test(s), 'the summary is one line'),
  tags: z
    .array(z.enum(TEMPLATE_TAGS))
    .min(1, 'a template has at least one tag')
    .refine((t) => new Set(t).size === t.length, 'a tag appears once'),
  level: z.enum(TEMPLATE_LEVELS),
});
export type TemplateMeta = z.output<typeof templateMetaSchema>;

/** The part of a template file the gallery reads: the metadata and the graph its picture is drawn from. */
export const templateFileSchema = z.object({ template: templateMetaSchema, graph: graphSchema });

/** A template's graph as the gallery draws it: layer kinds and places, and which layer feeds which. */
export const templatePictureSchema = z.object({
  nodes: z.array(z.object({ id: z.string(), type: z.string(), x: z.number(), y: z.number(), role: z.enum(['model', 'generator', 'discriminator']) })),
  edges: z.array(z.object({ source: z.string(), target: z.string() })),
});
export type TemplatePicture = z.output<typeof templatePictureSchema>;
