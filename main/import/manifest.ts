import { z } from 'zod';
import { ImportError } from '../../app/import/errors';
import { groupBytes, weightsGroupSchema, type WeightsGroup } from '../../app/transfer/model-json';

// The manifest's schema is the one the Pretrained model node reads too (app/transfer/model-json.ts).
const manifestSchema = z.array(weightsGroupSchema).max(1000);
export type WeightsManifest = z.output<typeof manifestSchema>;
export type WeightSpec = WeightsGroup['weights'][number];

/** Weights LayerLab loads at most; the largest model it offers is far smaller. */
export const MAX_WEIGHT_BYTES = 1024 ** 3;

/** Bytes each group's shards must hold; a string or complex weight, which no layers model has, is refused. */
function bytesOf(group: WeightsGroup): number {
  const odd = group.weights.find((w) => w.dtype === 'string' || w.dtype === 'complex64');
  if (odd) throw new ImportError(`The model.json's weight ${odd.name} is a ${odd.dtype} tensor, which a layers model never has.`);
  return groupBytes(group);
}

/** The weightsManifest of a model.json, checked; undefined when the file has none (a topology alone). */
export function readManifest(json: unknown): WeightsManifest | undefined {
  if (typeof json !== 'object' || json === null || !('weightsManifest' in json)) return undefined;
  const parsed = manifestSchema.safeParse(json.weightsManifest);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ImportError(`The model.json's weightsManifest is not valid: ${issue ? `${issue.path.join('.')}: ${issue.message}` : 'unexpected layout'}.`);
  }
  const total = parsed.data.reduce((s, g) => s + bytesOf(g), 0);
  if (total > MAX_WEIGHT_BYTES) throw new ImportError(`The model's weights are ${total} bytes, more than LayerLab imports (1 GB).`);
  return parsed.data;
}

/** The shard names of each group, in the order tfjs concatenates them, with the bytes the group must hold. */
export function shardPlan(manifest: WeightsManifest): { paths: readonly string[]; bytes: number }[] {
  return manifest.map((g) => ({ paths: g.paths, bytes: bytesOf(g) }));
}
