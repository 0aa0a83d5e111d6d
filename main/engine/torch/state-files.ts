import type * as tfjs from '@tensorflow/tfjs';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { toKerasWeights } from '../../../app/export/state-dict';
import { convertWeights, type NamedTensor } from '../../../app/export/weights';
import type { Tf } from '../../../app/layers/types';
import type { WeightMap } from '../../../app/layers/emit-types';
import { packTensors } from '../../export/checkpoint-tensors';

type Maps = readonly (WeightMap & { readonly layer: string })[];

const manifestSchema = z.object({
  format: z.literal('layerlab-pytorch-weights'),
  version: z.literal(1),
  tensors: z
    .array(
      z.object({
        name: z.string().max(300),
        shape: z.array(z.int().min(0).max(1e9)).max(8),
        offset: z.int().min(0),
        count: z.int().min(0),
      }),
    )
    .max(10_000),
});

/**
 * A state_dict the runner wrote as `<name>.json` + `<name>.bin` (raw little-endian float32) in `dir`. The files are
 * the child's output, so they are checked as hostile: the manifest's schema, every tensor inside the file, counts
 * that match shapes.
 */
export async function readStateDict(dir: string, name: string): Promise<NamedTensor[]> {
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(name)) throw new Error(`not a checkpoint name: ${name.slice(0, 80)}`);
  const manifest = manifestSchema.parse(JSON.parse(await readFile(join(dir, `${name}.json`), 'utf8')));
  const bin = await readFile(join(dir, `${name}.bin`));
  return manifest.tensors.map((t) => {
    if (t.shape.reduce((a, d) => a * d, 1) !== t.count) throw new Error(`${t.name}: ${t.count} values for shape [${t.shape.join(', ')}]`);
    if (t.offset % 4 !== 0 || t.offset + 4 * t.count > bin.length) throw new Error(`${t.name}: outside ${name}.bin`);
    // A copy, aligned for Float32Array (the runner writes little-endian, as every machine LayerLab runs on is).
    const start = bin.byteOffset + t.offset;
    const data = new Float32Array(bin.buffer.slice(start, start + 4 * t.count));
    return { name: t.name, shape: t.shape, data };
  });
}

/** Puts a PyTorch state_dict into the TF.js model (through the export's maps, inverted), so its checkpoint is the run's. */
export function adoptStateDict(tf: Tf, model: tfjs.LayersModel, maps: Maps, stateDict: readonly NamedTensor[]): void {
  const slots = model.weights.map((w) => ({ name: w.originalName, shape: w.shape as number[] }));
  const weights = toKerasWeights(maps, stateDict, slots);
  const tensors = weights.map((w) => tf.tensor(w.data, [...w.shape]));
  try {
    model.setWeights(tensors);
  } finally {
    tensors.forEach((t) => t.dispose());
  }
}

/** The TF.js model's weights in PyTorch layouts, as weights.json + weights.bin in `dir` (train.py's --weights). */
export async function writeTorchWeights(model: tfjs.LayersModel, maps: Maps, dir: string): Promise<void> {
  const tensors = model.weights.map((w) => ({ name: w.originalName, shape: w.shape as number[], data: w.read().dataSync() as Float32Array }));
  const packed = packTensors(convertWeights(maps, tensors));
  await writeFile(join(dir, 'weights.bin'), packed.bin);
  await writeFile(join(dir, 'weights.json'), packed.manifest);
}

/** The runner's per-epoch copies are read once; last.pt stays as the run's state_dict. */
export async function dropStateFiles(dir: string, name: string): Promise<void> {
  await Promise.all([rm(join(dir, `${name}.json`), { force: true }), rm(join(dir, `${name}.bin`), { force: true })]);
}
