import { z } from 'zod';

/** A shard is a plain file name beside model.json: no folders, no "..", no URL, so a hostile manifest cannot reach elsewhere. */
const shardName = z.string().regex(/^[A-Za-z0-9_][A-Za-z0-9_.-]{0,199}$/, 'a plain file name beside model.json');
const dtype = z.enum(['float32', 'int32', 'bool', 'string', 'complex64']);

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
  dtype,
  quantization: z
    .object({ dtype: z.enum(['uint8', 'uint16', 'float16']) })
    .loose()
    .optional(),
});

export const weightsGroupSchema = z.object({ paths: z.array(shardName).min(1).max(1000), weights: z.array(weightSpec).max(100_000) });
export type WeightsGroup = z.output<typeof weightsGroupSchema>;

/** The parts of a TF.js layers-format model.json LayerLab reads; the topology itself is checked by tfjs when it builds. */
export const layersModelJsonSchema = z.object({
  format: z.literal('layers-model').optional(),
  modelTopology: z.looseObject({ class_name: z.string().optional(), config: z.unknown() }),
  weightsManifest: z.array(weightsGroupSchema).min(1).max(1000),
});
export type LayersModelJson = z.output<typeof layersModelJsonSchema>;

const BYTES: Record<string, number> = { float32: 4, int32: 4, bool: 1, complex64: 8, uint8: 1, uint16: 2, float16: 2 };

/** Bytes a group's shards hold together, from the shapes and dtypes the manifest declares. */
export function groupBytes(group: WeightsGroup): number {
  return group.weights.reduce((sum, w) => {
    if (w.dtype === 'string') throw new Error(`weight ${w.name} is a string tensor, which a layers model never has`);
    const size = BYTES[w.quantization?.dtype ?? w.dtype]!;
    return sum + w.shape.reduce((n, d) => n * d, 1) * size;
  }, 0);
}

/** A short reason for the first problem, for a message that names the file. */
export function describeModelJsonIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  return issue ? `${issue.path.join('.') || 'the file'}: ${issue.message}` : 'not a TF.js layers model';
}
