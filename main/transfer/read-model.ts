import { readFile, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type * as tfjs from '@tensorflow/tfjs';
import { describeModelJsonIssue, groupBytes, layersModelJsonSchema, type LayersModelJson } from '../../app/transfer/model-json';
import { UserError } from '../user-error';

/** model.json holds the topology only; a bigger one is not a model file. */
const MAX_MODEL_JSON = 32 * 1024 * 1024;
/** VGG16 is the largest model LayerLab offers (528 MB of weights); allow some room above it. */
const MAX_WEIGHTS = 1024 * 1024 * 1024;

/** Reads and checks a model.json (hostile until checked): its size, its JSON, its manifest's shard names. */
export async function readModelJson(path: string): Promise<LayersModelJson> {
  const info = await stat(path).catch(() => null);
  if (!info?.isFile()) throw new UserError(`${path} does not exist or is not a file.`);
  if (info.size > MAX_MODEL_JSON) throw new UserError(`${path} is ${info.size} bytes, too big for a model.json (at most 32 MB).`);
  let json: unknown;
  try {
    json = JSON.parse(await readFile(path, 'utf8'));
  } catch (e) {
    throw new UserError(`${path} is not valid JSON (${(e as Error).message}).`);
  }
  const parsed = layersModelJsonSchema.safeParse(json);
  if (!parsed.success) throw new UserError(`${path} is not a TF.js layers model: ${describeModelJsonIssue(parsed.error)}.`);
  return parsed.data;
}

/** The shard files of each group exist and together hold exactly the bytes the manifest declares. */
export async function checkShards(dir: string, model: LayersModelJson): Promise<void> {
  let total = 0;
  for (const group of model.weightsManifest) {
    const want = groupBytes(group);
    let have = 0;
    for (const p of group.paths) {
      const s = await stat(join(dir, p)).catch(() => null);
      if (!s?.isFile()) throw new UserError(`The weights file ${p} that model.json lists is missing from ${dir}.`);
      have += s.size;
    }
    if (have !== want)
      throw new UserError(
        `The weights files ${group.paths.join(', ')} hold ${have} bytes but model.json declares ${want}: they are damaged or from another model.`,
      );
    total += want;
  }
  if (total > MAX_WEIGHTS) throw new UserError(`The model's weights are ${total} bytes, more than LayerLab loads (1 GB).`);
}

/** Everything tfjs needs to load a layers model from disk, checked first. */
export async function readModelArtifacts(path: string): Promise<tfjs.io.ModelArtifacts> {
  const model = await readModelJson(path);
  const dir = dirname(path);
  await checkShards(dir, model);
  const parts: Buffer[] = [];
  for (const group of model.weightsManifest) for (const p of group.paths) parts.push(await readFile(join(dir, p)));
  const data = Buffer.concat(parts);
  return {
    modelTopology: model.modelTopology as object,
    weightSpecs: model.weightsManifest.flatMap((g) => g.weights) as tfjs.io.WeightsManifestEntry[],
    weightData: data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength),
  };
}

/** Loads a layers model from a checked model.json and its shards; a topology tfjs cannot build is a precise error. */
export async function loadModelFile(tf: typeof tfjs, path: string): Promise<tfjs.LayersModel> {
  const artifacts = await readModelArtifacts(path);
  try {
    return await tf.loadLayersModel(tf.io.fromMemory(artifacts));
  } catch (e) {
    throw new UserError(`${path} could not be loaded as a TF.js layers model: ${(e as Error).message}`);
  }
}
