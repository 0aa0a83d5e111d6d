import { z } from 'zod';
import { analyzeGraph } from '../analysis/analyze';
import type { NodeDoc, ProjectDoc } from '../document/schema';
import { planGanGraph } from '../training/gan';
import type { TrainingSettings } from '../training/settings';
import { MAX_LAYERS } from './topology';

/**
 * What a TF.js export says about the project beyond its layers, under `userDefinedMetadata.layerlab` of model.json:
 * tfjs's own slot for a model's extra data, which stock tf.loadLayersModel keeps on the model and never reads. The
 * training mode, and for a GAN which layers are the generator and which the discriminator (tfjs has no such notion).
 * Roles are lists of layer names rather than a record keyed by them, so no name can be `__proto__` or collide with a key.
 */
export const METADATA_KEY = 'layerlab';

const names = z.array(z.string().min(1).max(200)).max(MAX_LAYERS);

export const layerlabMetadataSchema = z.discriminatedUnion('mode', [
  z.strictObject({ version: z.literal(1), mode: z.literal('standard') }),
  z.strictObject({ version: z.literal(1), mode: z.literal('rbm') }),
  z.strictObject({ version: z.literal(1), mode: z.literal('gan'), generator: names, discriminator: names }),
]);
export type LayerLabMetadata = z.output<typeof layerlabMetadataSchema>;

/** The metadata a TF.js export of `doc` carries (the graph as written out, so its node names are the file's layer names). */
export function layerlabMetadata(doc: ProjectDoc): LayerLabMetadata {
  const mode = doc.training.mode;
  switch (mode) {
    case 'standard':
    case 'rbm':
      return { version: 1, mode };
    case 'gan': {
      const of = (role: NodeDoc['role']) => doc.graph.nodes.filter((n) => n.role === role).map((n) => n.name);
      return { version: 1, mode, generator: of('generator'), discriminator: of('discriminator') };
    }
  }
}

export type MetadataRead =
  { readonly kind: 'none' } | { readonly kind: 'valid'; readonly meta: LayerLabMetadata } | { readonly kind: 'broken'; readonly problem: string };

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** LayerLab's metadata in a saved model's JSON, checked; `none` when the file has none (made elsewhere, or a Keras JSON). */
export function readLayerLabMetadata(json: unknown): MetadataRead {
  if (!isObject(json) || !isObject(json.userDefinedMetadata) || !Object.hasOwn(json.userDefinedMetadata, METADATA_KEY)) return { kind: 'none' };
  const parsed = layerlabMetadataSchema.safeParse(json.userDefinedMetadata[METADATA_KEY]);
  if (parsed.success) return { kind: 'valid', meta: parsed.data };
  const issue = parsed.error.issues[0];
  return { kind: 'broken', problem: issue ? `${issue.path.length > 0 ? `${issue.path.join('.')}: ` : ''}${issue.message}` : 'not valid' };
}

export interface Restored {
  readonly doc: ProjectDoc;
  readonly warning?: string;
}

/** The warning: what is wrong with the metadata, then (for a GAN LayerLab's check refuses) that check's own sentence. */
const warn = (problem: string, detail?: string) =>
  `The file's LayerLab metadata (userDefinedMetadata.${METADATA_KEY}) ${problem}, so the model is imported as a plain graph.${detail ? ` ${detail}` : ''}`;

/**
 * The imported project with the roles and the training mode the metadata gives back, when they make the project the
 * file was exported from: every name one of the file's layers, no layer in both networks, a GAN that LayerLab's GAN
 * check accepts, an RBM mode with an RBM in it. Anything else leaves `doc` as the plain graph it is, with a warning.
 */
export function restoreMetadata(read: MetadataRead, doc: ProjectDoc, layerNames: readonly string[]): Restored {
  const plain = (problem: string, detail?: string): Restored => ({ doc, warning: warn(problem, detail) });
  const withMode = (mode: TrainingSettings['mode'], nodes = doc.graph.nodes): ProjectDoc => ({
    ...doc,
    graph: { ...doc.graph, nodes },
    training: { ...doc.training, mode },
  });
  switch (read.kind) {
    case 'none':
      return { doc };
    case 'broken':
      return plain(`is not valid (${read.problem})`);
    case 'valid':
      break;
  }
  const meta = read.meta;
  switch (meta.mode) {
    case 'standard':
      return { doc: withMode('standard') };
    case 'rbm':
      return doc.graph.nodes.some((n) => n.type === 'RBM') ? { doc: withMode('rbm') } : plain('says RBM training, but the model has no RBM layer');
    case 'gan': {
      const known = new Set(layerNames);
      const stranger = [...meta.generator, ...meta.discriminator].find((name) => !known.has(name));
      if (stranger !== undefined) return plain(`names a layer the model does not have: "${stranger.slice(0, 60)}"`);
      const generator = new Set(meta.generator);
      const both = meta.discriminator.find((name) => generator.has(name));
      if (both !== undefined) return plain(`puts ${both.slice(0, 60)} in both the generator and the discriminator`);
      const discriminator = new Set(meta.discriminator);
      const roleOf = (n: NodeDoc): NodeDoc['role'] => (generator.has(n.name) ? 'generator' : discriminator.has(n.name) ? 'discriminator' : 'model');
      const gan = withMode(
        'gan',
        doc.graph.nodes.map((n) => ({ ...n, role: roleOf(n) })),
      );
      const check = planGanGraph(gan, analyzeGraph(gan.graph));
      if (!check.ok) return plain('marks a GAN that LayerLab cannot train', check.issues[0]?.message ?? 'The graph has errors.');
      return { doc: gan };
    }
  }
}
