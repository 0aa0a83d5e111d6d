import type * as tfjs from '@tensorflow/tfjs';
import { randomBytes } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { registerSequenceLayerClasses } from '../../app/layers/tfjs/register';
import { registerSubtract } from '../../app/layers/tfjs/subtract';
import { saveKeepingOptimizer } from './keep-optimizer';
import { joinBuffers } from './weight-data';
import { checkpointDir, findCheckpoint, MODEL_JSON, oldPrefix, RUN_FILES, tempPrefix, WEIGHTS_BIN, type CheckpointKind, type CheckpointMeta } from './layout';

type Artifacts = tfjs.io.ModelArtifacts;

/** An IOHandler that writes tfjs's layers format (model.json + weights.bin) into `dir`, weights first. */
function folderWriter(dir: string, meta: CheckpointMeta): tfjs.io.IOHandler {
  return {
    save: async (artifacts: Artifacts): Promise<tfjs.io.SaveResult> => {
      const weights = joinBuffers(artifacts.weightData);
      const modelJson = {
        modelTopology: artifacts.modelTopology,
        format: artifacts.format,
        generatedBy: artifacts.generatedBy,
        convertedBy: artifacts.convertedBy ?? null,
        ...(artifacts.trainingConfig ? { trainingConfig: artifacts.trainingConfig } : {}),
        ...(artifacts.userDefinedMetadata ? { userDefinedMetadata: artifacts.userDefinedMetadata } : {}),
        weightsManifest: [{ paths: [WEIGHTS_BIN], weights: artifacts.weightSpecs ?? [] }],
        layerlab: meta,
      };
      const text = JSON.stringify(modelJson);
      await writeFile(join(dir, WEIGHTS_BIN), weights);
      await writeFile(join(dir, MODEL_JSON), text, 'utf8');
      return {
        modelArtifactsInfo: {
          dateSaved: new Date(),
          modelTopologyType: 'JSON',
          modelTopologyBytes: JSON.stringify(artifacts.modelTopology).length,
          weightSpecsBytes: JSON.stringify(artifacts.weightSpecs ?? []).length,
          weightDataBytes: weights.byteLength,
        },
      };
    },
  };
}

/**
 * Writes a checkpoint into a fresh folder and swaps it in as weights/<which>, so that a kill at any moment
 * leaves a complete checkpoint (findCheckpoint recovers one left between the two renames).
 */
async function swapIn(runDir: string, which: CheckpointKind, write: (temp: string) => Promise<void>): Promise<void> {
  const root = join(runDir, RUN_FILES.weights);
  const tag = randomBytes(4).toString('hex');
  const temp = join(root, `${tempPrefix(which)}${tag}`);
  const old = join(root, `${oldPrefix(which)}${tag}`);
  await mkdir(temp, { recursive: true });
  try {
    await write(temp);
    const final = checkpointDir(runDir, which);
    await rename(final, old).catch((e: unknown) => {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
    });
    await rename(temp, final);
  } catch (e) {
    await rm(temp, { recursive: true, force: true });
    throw e;
  }
  // Leftovers of this swap and of any swap a kill interrupted earlier.
  for (const name of await readdir(root)) {
    if (name.startsWith(tempPrefix(which)) || name.startsWith(oldPrefix(which))) await rm(join(root, name), { recursive: true, force: true });
  }
}

const meta = (epoch: number): CheckpointMeta => ({ epoch, savedAt: new Date().toISOString() });

/** Saves `model` as weights/<which>, replacing the previous one atomically (see saveKeepingOptimizer). */
export function saveCheckpoint(model: tfjs.LayersModel, runDir: string, which: CheckpointKind, epoch: number): Promise<void> {
  return swapIn(runDir, which, async (temp) => {
    const writer = folderWriter(temp, meta(epoch));
    let written = false;
    const handler: tfjs.io.IOHandler = {
      save: (artifacts) => {
        written = true;
        return writer.save!(artifacts);
      },
    };
    await saveKeepingOptimizer(
      model,
      which,
      (includeOptimizer) => model.save(handler, { includeOptimizer }),
      () => written,
    );
  });
}

/** The same from artifacts a model saved elsewhere (the browser's compute worker), already checked by the caller. */
export function saveCheckpointArtifacts(artifacts: Artifacts, runDir: string, which: CheckpointKind, epoch: number): Promise<void> {
  return swapIn(runDir, which, async (temp) => {
    await folderWriter(temp, meta(epoch)).save!(artifacts);
  });
}

interface ModelJsonFile {
  modelTopology: object;
  format?: string;
  generatedBy?: string;
  convertedBy?: string | null;
  trainingConfig?: tfjs.io.TrainingConfig;
  weightsManifest: { paths: string[]; weights: tfjs.io.WeightsManifestEntry[] }[];
}

/** Reads a checkpoint folder into tfjs's artifacts; weight file names must be plain names inside it. */
async function readArtifacts(dir: string): Promise<Artifacts> {
  const json = JSON.parse(await readFile(join(dir, MODEL_JSON), 'utf8')) as ModelJsonFile;
  const specs: tfjs.io.WeightsManifestEntry[] = [];
  const buffers: Uint8Array[] = [];
  for (const group of json.weightsManifest) {
    specs.push(...group.weights);
    for (const path of group.paths) {
      if (basename(path) !== path) throw new Error(`Checkpoint ${dir} names a weights file outside its folder: ${path}`);
      buffers.push(await readFile(join(dir, path)));
    }
  }
  const weights = joinBuffers(buffers.map((b) => b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer));
  return {
    modelTopology: json.modelTopology,
    weightSpecs: specs,
    weightData: weights.buffer as ArrayBuffer,
    ...(json.format ? { format: json.format } : {}),
    ...(json.generatedBy ? { generatedBy: json.generatedBy } : {}),
    ...(json.convertedBy !== undefined ? { convertedBy: json.convertedBy } : {}),
    ...(json.trainingConfig ? { trainingConfig: json.trainingConfig } : {}),
  };
}

export interface LoadOptions {
  /**
   * Also restore the training config saved with `last`: the model comes back compiled with the saved
   * optimizer and its state (Adam's moments…), which the caller then owns and must dispose. When tfjs
   * cannot rebuild that config by name, the model loads uncompiled as without this option.
   */
  readonly optimizer?: boolean;
}

/** weights/<which> of a run as tfjs's artifacts, training config included where it was saved. */
export function readCheckpoint(runDir: string, which: CheckpointKind): Promise<Artifacts> {
  const dir = findCheckpoint(runDir, which);
  if (!dir) throw new Error(`This run has no saved ${which} weights (looked in ${checkpointDir(runDir, which)}).`);
  return readArtifacts(dir);
}

/** Loads weights/<which> of a run as an uncompiled model (see LoadOptions for the optimizer's state). */
export async function loadCheckpoint(tf: typeof tfjs, runDir: string, which: CheckpointKind, options: LoadOptions = {}): Promise<tfjs.LayersModel> {
  const artifacts = await readCheckpoint(runDir, which);
  // Building a layer registers its class, but loading builds from JSON, so every custom class must be known first.
  registerSequenceLayerClasses(tf);
  registerSubtract(tf);
  const { trainingConfig, ...weightsOnly } = artifacts;
  const load = (a: Artifacts) => tf.loadLayersModel({ load: () => Promise.resolve(a) });
  if (!options.optimizer || !trainingConfig) return load(weightsOnly);
  try {
    return await load({ ...weightsOnly, trainingConfig });
  } catch {
    return load(weightsOnly);
  }
}
