import * as tf from '@tensorflow/tfjs';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeGraph } from '../../app/analysis/analyze';
import { registerSequenceLayerClasses } from '../../app/layers/tfjs/register';
import { registerSubtract } from '../../app/layers/tfjs/subtract';
import type { ProjectDoc } from '../../app/document/schema';
import { expandPretrained } from '../../app/transfer/expand';
import { prepareExport } from '../../main/export/export-folder';
import { readExportSources } from '../../main/export/pretrained-weights';
import { importModelFile } from '../../main/import/import-file';
import { loadCheckpoint } from '../../main/record/checkpoint';
import { RunStore } from '../../main/service/run-store';
import { ROOT, tempDir, template } from './export-helpers';
import { exportTfjs, graphShape, sampleInputs } from './import-helpers';

// A zoo model is downloaded on first use, which these machines cannot, so the template built on one is left out.
const TEMPLATES = readdirSync(join(ROOT, 'resources', 'templates'))
  .map((f) => f.replace('.layerlab.json', ''))
  .filter((name) => !template(name).graph.nodes.some((n) => n.type === 'PretrainedModel' && (n.params.source as { kind: string }).kind === 'zoo'));

/** The graph as the export writes it: a Pretrained model node is exported (and so comes back) as its source's layers. */
async function asExported(doc: ProjectDoc): Promise<ProjectDoc> {
  const sources = await readExportSources(doc);
  const expanded = expandPretrained(doc, new Map([...sources].map(([k, v]) => [k, v.json])));
  if (!expanded.ok) throw new Error(expanded.errors.join('\n'));
  return expanded.doc;
}

/** The model's outputs for `xs`, always a list (a GAN's export has two: the generated image and P(real)). */
function predictAll(model: tf.LayersModel, xs: tf.Tensor[]): tf.Tensor[] {
  const out = model.predict(xs);
  return Array.isArray(out) ? out : [out];
}

/**
 * The imported weights as a model of the same inputs and outputs as the file. A GAN's run keeps D(G(z)) only, so its
 * weights are exported again (to TF.js, with that run), which also takes the path a trained GAN run's export takes.
 */
async function reloadedModel(store: RunStore, imported: ProjectDoc, runId: string): Promise<tf.LayersModel> {
  const runDir = store.runDir(imported.id!, runId);
  if (imported.training.mode !== 'gan') return loadCheckpoint(tf, runDir, 'last');
  const again = tempDir('import-again');
  const out = await prepareExport({ doc: imported, target: 'tfjs', root: ROOT, runsDir: dirname(runDir), run: runId });
  expect(out.runId).toBe(runId);
  for (const f of out.files) if (f.path === 'model.json' || f.path === 'weights.bin') writeFileSync(join(again, f.path), f.data);
  return loadExported(again);
}

async function loadExported(dir: string): Promise<tf.LayersModel> {
  registerSequenceLayerClasses(tf);
  registerSubtract(tf);
  const json = JSON.parse(readFileSync(join(dir, 'model.json'), 'utf8')) as {
    modelTopology: object;
    weightsManifest: { weights: tf.io.WeightsManifestEntry[] }[];
  };
  const bin = readFileSync(join(dir, 'weights.bin'));
  return tf.loadLayersModel(
    tf.io.fromMemory({
      modelTopology: json.modelTopology,
      weightSpecs: json.weightsManifest.flatMap((g) => g.weights),
      weightData: bin.buffer.slice(bin.byteOffset, bin.byteOffset + bin.byteLength),
    }),
  );
}

describe('TF.js export → import, every template', () => {
  it.each(TEMPLATES)(
    '%s comes back as the same graph, count and predictions',
    async (name) => {
      const doc = await asExported(template(name));
      const dir = tempDir(`import-${name}`);
      const dataDir = join(dir, 'data');
      mkdirSync(dataDir);
      await exportTfjs(doc, dir);
      const store = new RunStore(dataDir);
      const { doc: imported, report } = await importModelFile(join(dir, 'model.json'), store);

      expect(report.gaps).toEqual([]);
      expect(report.warnings).toEqual([]);
      expect(graphShape(imported)).toEqual(graphShape(doc));
      const before = analyzeGraph(doc.graph);
      const after = analyzeGraph(imported.graph);
      expect(after.ok).toBe(true);
      expect(after.totalParams).toBe(before.totalParams);
      expect(report.totalParams).toBe(before.totalParams);
      expect(imported.training.mode).toBe(doc.training.mode);

      // The weights are a finished run of the new project, marked as imported, and predict as the file does.
      expect(report.weightsRun).not.toBeNull();
      const runs = await store.list(imported.id!);
      expect(runs.map((r) => [r.id, r.status, r.name.startsWith('Imported weights')])).toEqual([[report.weightsRun, 'completed', true]]);
      const original = await loadExported(dir);
      const reloaded = await reloadedModel(store, imported, report.weightsRun!);
      const xs = sampleInputs(original, doc);
      const want = predictAll(original, xs);
      const got = predictAll(reloaded, xs);
      expect(got.map((t) => t.shape)).toEqual(want.map((t) => t.shape));
      for (const [i, w] of want.entries()) expect(tf.max(tf.abs(tf.sub(got[i]!, w))).dataSync()[0]).toBeLessThanOrEqual(1e-5);
      tf.dispose([...xs, ...want, ...got]);
      original.dispose();
      reloaded.dispose();
    },
    60_000,
  );
});
