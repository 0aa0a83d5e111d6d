import { z } from 'zod';
import { ImportError } from '../../app/import/errors';

/** A shard is a plain file name beside model.json: no folders, no "..", no URL, so a hostile manifest cannot reach elsewhere. */
const shardName = z.string().regex(/^[A-Za-z0-9_][A-Za-z0-9_.-]{0,199}$/, 'a plain file name beside model.json');

const weightSpec = z.object({
  name: z.string().min(1).max(500),
  shape: z
    .array(
      z
        .int()
        .min(0)
        .max(1 << 24),
    )
    .max(8),
  dtype: z.enum(['float32', 'int32', 'bool']),
  quantization: z
    .object({ dtype: z.enum(['uint8', 'uint16', 'float16']) })
    .loose()
    .optional(),
});

const manifestSchema = z.array(z.object({ paths: z.array(shardName).min(1).max(1000), weights: z.array(weightSpec).max(100_000) })).max(1000);
export type WeightsManifest = z.output<typeof manifestSchema>;
export type WeightSpec = z.output<typeof weightSpec>;

/** Weights LayerLab loads at most; the largest model it offers is far smaller. */
export const MAX_WEIGHT_BYTES = 1024 ** 3;

const BYTES: Record<string, number> = { float32: 4, int32: 4, bool: 1, uint8: 1, uint16: 2, float16: 2 };

export function specBytes(w: WeightSpec): number {
  return w.shape.reduce((n, d) => n * d, 1) * BYTES[w.quantization?.dtype ?? w.dtype]!;
}

/** The weightsManifest of a model.json, checked; undefined when the file has none (a topology alone). */
export function readManifest(json: unknown): WeightsManifest | undefined {
  if (typeof json !== 'object' || json === null || !('weightsManifest' in json)) return undefined;
  const parsed = manifestSchema.safeParse(json.weightsManifest);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ImportError(`The model.json's weightsManifest is not valid: ${issue ? `${issue.path.join('.')}: ${issue.message}` : 'unexpected layout'}.`);
  }
  const total = parsed.data.reduce((s, g) => s + g.weights.reduce((n, w) => n + specBytes(w), 0), 0);
  if (total > MAX_WEIGHT_BYTES) throw new ImportError(`The model's weights are ${total} bytes, more than LayerLab imports (1 GB).`);
  return parsed.data;
}

/** The shard names of each group, in the order tfjs concatenates them, with the bytes the group must hold. */
export function shardPlan(manifest: WeightsManifest): { paths: readonly string[]; bytes: number }[] {
  return manifest.map((g) => ({ paths: g.paths, bytes: g.weights.reduce((n, w) => n + specBytes(w), 0) }));
}
