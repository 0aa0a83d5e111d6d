import { z } from 'zod';

/** A dimension of a recorded output shape; null is unknown until run time. */
const dim = z.int().min(1).max(1_000_000).nullable();
const layerName = z.string().min(1).max(200);

/** One layer of a pretrained source as the inspector lists it, read once when the source is chosen. */
export const sourceLayerSchema = z.object({
  name: layerName,
  className: z.string().min(1).max(100),
  outputShape: z.array(dim).max(8),
  /** All weights of the layer, trainable and not (BatchNormalization's moving statistics count here too). */
  params: z.int().min(0),
  /** The part of `params` that never trains, even when the layer is unfrozen. */
  nonTrainable: z.int().min(0),
  /** Names of the layers feeding this one: the cut keeps exactly the ancestors of the chosen layer. */
  inbound: z.array(layerName).max(64),
});
export type SourceLayer = z.output<typeof sourceLayerSchema>;

export const sourceSummarySchema = z.object({
  inputShape: z.array(dim).min(1).max(8),
  /** In the model's own (topological) order. */
  layers: z.array(sourceLayerSchema).min(1).max(2000),
});
export type SourceSummary = z.output<typeof sourceSummarySchema>;

/** The layers the cut keeps: `cut` and everything it depends on, in source order. */
export function keptLayers(summary: SourceSummary, cut: string): readonly SourceLayer[] | null {
  const byName = new Map(summary.layers.map((l) => [l.name, l]));
  if (!byName.has(cut)) return null;
  const keep = new Set<string>();
  const stack = [cut];
  while (stack.length > 0) {
    const name = stack.pop()!;
    if (keep.has(name)) continue;
    keep.add(name);
    for (const from of byName.get(name)?.inbound ?? []) stack.push(from);
  }
  return summary.layers.filter((l) => keep.has(l.name));
}
