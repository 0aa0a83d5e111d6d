import { z } from 'zod';
import type { DataSettings } from '../../../app/data/catalog';
import type { TrainingData } from '../../data/training-data';
import { computePeer } from './peer';

const column = z.object({
  data: z.union([z.instanceof(Float32Array), z.instanceof(Int32Array)]),
  shape: z.array(z.int().min(0)).max(8),
});

/** What the engine process sent is checked where it matters to tensors: each column's values fill its shape for `count` examples. */
const trainingDataSchema = z
  .object({ inputs: z.array(column).min(1).max(16), target: column, count: z.int().min(0) })
  .loose()
  .refine((d) => [...d.inputs, d.target].every((c) => c.data.length === d.count * c.shape.reduce((a, n) => a * n, 1)), 'a column does not hold count examples');

/**
 * datasets/index.ts in the browser's compute worker (scripts/build.mjs swaps it in): the files are on the
 * host machine, so the engine process loads them (the same loadDataset) and sends the typed arrays over.
 */
export async function loadDataset(s: DataSettings, validationSplit: number): Promise<TrainingData> {
  const data = await computePeer().ask({ what: 'dataset', settings: s, validationSplit });
  const parsed = trainingDataSchema.safeParse(data);
  if (!parsed.success) throw new Error(`The training data LayerLab sent is malformed (${parsed.error.issues[0]?.message ?? 'unknown'}).`);
  return parsed.data;
}
