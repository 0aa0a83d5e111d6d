import { readFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { NamedTensor } from '../../app/export/weights';
import { MODEL_JSON } from '../record/layout';

interface ManifestEntry {
  readonly name: string;
  readonly shape: readonly number[];
  readonly dtype: string;
  readonly group?: string;
}

interface ModelJson {
  readonly modelTopology: unknown;
  readonly weightsManifest: readonly { readonly paths: readonly string[]; readonly weights: readonly ManifestEntry[] }[];
}

const isModelJson = (v: unknown): v is ModelJson => typeof v === 'object' && v !== null && Array.isArray((v as { weightsManifest?: unknown }).weightsManifest);

/**
 * The model's weights of a TF.js checkpoint folder (model.json + its weight files) as float32 arrays, in manifest
 * order, leaving out the optimizer's state that `last` checkpoints also carry.
 */
export async function readCheckpointTensors(dir: string, file = MODEL_JSON): Promise<{ tensors: NamedTensor[]; topology: unknown }> {
  const json: unknown = JSON.parse(await readFile(join(dir, file), 'utf8'));
  if (!isModelJson(json)) throw new Error(`${join(dir, file)} is not a TF.js layers model (no weightsManifest).`);
  const tensors: NamedTensor[] = [];
  for (const group of json.weightsManifest) {
    const parts = await Promise.all(
      group.paths.map((p) => {
        if (basename(p) !== p) throw new Error(`${dir}: weights file outside its folder: ${p}`);
        return readFile(join(dir, p));
      }),
    );
    const bytes = Buffer.concat(parts);
    let offset = 0;
    for (const w of group.weights) {
      const count = w.shape.reduce((a, d) => a * d, 1);
      // The optimizer's state (Adam's moments, its int32 step) comes after the model's weights; it is not exported.
      if (w.group === 'optimizer') {
        offset += 4 * count;
        continue;
      }
      if (w.dtype !== 'float32') throw new Error(`${w.name}: ${w.dtype} weights are not exported (only float32).`);
      if (offset + 4 * count > bytes.length) throw new Error(`${dir}: weights file too short for ${w.name}`);
      const data = new Float32Array(count);
      for (let i = 0; i < count; i++) data[i] = bytes.readFloatLE(offset + 4 * i);
      offset += 4 * count;
      tensors.push({ name: w.name, shape: w.shape, data });
    }
  }
  return { tensors, topology: json.modelTopology };
}

/**
 * weights.json + weights.bin as model.py's load_layerlab_weights reads them: raw little-endian float32, back to back.
 * `fresh` names the modules the file leaves out on purpose (a new head on pretrained layers keeps its initialiser).
 */
export function packTensors(tensors: readonly NamedTensor[], fresh: readonly string[] = []): { manifest: string; bin: Buffer } {
  const total = tensors.reduce((n, t) => n + t.data.length, 0);
  const bin = Buffer.alloc(4 * total);
  let offset = 0;
  const entries = tensors.map((t) => {
    const entry = { name: t.name, shape: t.shape, offset, count: t.data.length };
    t.data.forEach((v, i) => bin.writeFloatLE(v, offset + 4 * i));
    offset += 4 * t.data.length;
    return entry;
  });
  return {
    manifest: `${JSON.stringify({ format: 'layerlab-pytorch-weights', version: 1, ...(fresh.length > 0 ? { fresh } : {}), tensors: entries }, null, 1)}\n`,
    bin,
  };
}
