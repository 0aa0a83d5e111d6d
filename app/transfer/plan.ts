import { z } from 'zod';
import type { NodeDoc, ProjectDoc } from '../document/schema';
import { formatShape, type Shape, type ShapeResult } from '../layers/types';
import { TRAIN_MODES, trainableLayers } from './freeze';
import { PREPROCESS } from './preprocess';
import { pretrainedSourceSchema, sourceKey, type PretrainedSource } from './sources';
import { ZOO } from './zoo';
import { keptLayers, sourceSummarySchema, type SourceSummary } from './summary';

export const pretrainedParams = z.object({
  source: pretrainedSourceSchema.default({ kind: 'resource', id: 'digits-0-4' }),
  /** The last layer kept; empty keeps the whole model. */
  cutAt: z.string().max(200).default(''),
  trainMode: z.enum(TRAIN_MODES).default('frozen').meta({
    title: 'Training',
    description: 'frozen: only the layers after this node learn. frozenUpTo: layers after "frozen up to" learn. fineTuneTop: the top N weighted layers learn.',
  }),
  frozenUpTo: z.string().max(200).default(''),
  topN: z.int().min(0).max(1000).default(2).meta({ title: 'Top N layers', description: 'fineTuneTop: how many of the last layers with weights are unfrozen.' }),
  lrMultiplier: z.number().min(0).max(10).default(0.1).meta({
    title: 'Learning-rate multiplier',
    description: 'The unfrozen pretrained layers learn at the run’s learning rate times this (fine-tuning uses a small one, e.g. 0.1).',
  }),
  /** What the model expects its pixels to be; set with the source (MobileNetV2: −1…1, ResNet50/VGG16: caffe BGR). */
  preprocess: z.enum(PREPROCESS).default('none'),
  /** The source's layers, read when it was chosen, so that shapes and counts need no model in the renderer. */
  summary: sourceSummarySchema.nullable().default(null),
});
export type PretrainedParams = z.output<typeof pretrainedParams>;

/** Each source a document's Pretrained model nodes name, once, with the first node that names it (for messages). */
export function documentSources(doc: ProjectDoc): { readonly source: PretrainedSource; readonly node: NodeDoc }[] {
  const seen = new Map<string, { source: PretrainedSource; node: NodeDoc }>();
  for (const node of doc.graph.nodes) {
    if (node.type !== 'PretrainedModel') continue;
    const { source } = pretrainedParams.parse(node.params);
    if (!seen.has(sourceKey(source))) seen.set(sourceKey(source), { source, node });
  }
  return [...seen.values()];
}

function cutName(p: PretrainedParams, summary: SourceSummary): string {
  return p.cutAt === '' ? summary.layers[summary.layers.length - 1]!.name : p.cutAt;
}

function compatible(want: Shape, got: Shape): boolean {
  return want.length === got.length && want.every((d, i) => d === null || got[i] === null || d === got[i]);
}

/** The kept layers and which of them train, or the message that says what is wrong. */
export function pretrainedPlan(p: PretrainedParams) {
  const summary = p.summary;
  if (!summary) {
    if (p.source.kind !== 'zoo') return { ok: false as const, message: 'Choose a source model for this node first.' };
    const entry = ZOO[p.source.model];
    return {
      ok: false as const,
      message: `${entry.label} must be downloaded first (${entry.megabytes} MB).`,
      fix: 'Select this node and press Download in the inspector.',
    };
  }
  const cut = cutName(p, summary);
  const kept = keptLayers(summary, cut);
  if (!kept) return { ok: false as const, message: `The source has no layer named "${cut}" to cut at.`, fix: 'Pick a layer from the list.' };
  const trainable = trainableLayers(kept, p);
  if (!trainable) return { ok: false as const, message: `"${p.frozenUpTo}" is not one of the layers kept up to "${cut}".` };
  return { ok: true as const, summary, cut, kept, trainable };
}

/** The output shape for an input, given a valid plan. */
export function pretrainedShape(p: PretrainedParams, shape: Shape | undefined): ShapeResult {
  const plan = pretrainedPlan(p);
  if (!plan.ok) return plan;
  if (!shape) return { ok: false, message: 'The pretrained model needs an input.' };
  if (!compatible(plan.summary.inputShape, shape)) {
    return {
      ok: false,
      message: `The source expects ${formatShape(plan.summary.inputShape)} but receives ${formatShape(shape)}.`,
      fix: 'Resize the images or change the Input to match.',
    };
  }
  return { ok: true, shape: plan.kept[plan.kept.length - 1]!.outputShape };
}
