import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeGraph } from '../../app/analysis/analyze';
import { serializeProject } from '../../app/document/load';
import type { ProjectDoc } from '../../app/document/schema';
import { buildModel } from '../../main/engine/build-model';
import { loadPretrainedSources } from '../../main/engine/pretrained';
import { registerWasmTrainingKernels } from '../../main/engine/kernels/register';
import { prepareExport, writeExport } from '../../main/export/export-folder';
import { saveCheckpoint } from '../../main/record/checkpoint';
import { RUN_FILES } from '../../main/record/layout';
import { PYTHON, ROOT, runPython, tempDir, template } from './export-helpers';

/** Token ids for inputs feeding an embedding, small values otherwise; the same every run. */
function inputsFor(doc: ProjectDoc, count: number): tf.Tensor[] {
  const analysis = analyzeGraph(doc.graph);
  let seed = 7;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  return analysis.inputs.map((id) => {
    const shape = analysis.nodes.get(id)!.shape as number[];
    const feedsTokens = doc.graph.edges.some(
      (e) => e.source === id && ['Embedding', 'TokenAndPositionEmbedding'].includes(doc.graph.nodes.find((n) => n.id === e.target)!.type),
    );
    const size = count * shape.reduce((a, d) => a * d, 1);
    const values = Float32Array.from({ length: size }, () => (feedsTokens ? Math.floor(next() * 12) : next() * 2 - 1));
    return tf.tensor(values, [count, ...shape]);
  });
}

/** Trains a few batches in tfjs (so weights are not at their initial values), then records them as a run would. */
async function trainedRun(doc: ProjectDoc, runsDir: string): Promise<{ xs: tf.Tensor[]; predictions: Float32Array }> {
  await loadPretrainedSources(tf, doc);
  const model = buildModel(tf, doc, analyzeGraph(doc.graph));
  model.compile({ optimizer: tf.train.adam(0.01), loss: 'meanSquaredError' });
  const train = inputsFor(doc, 8);
  const target = model.predict(train) as tf.Tensor;
  await model.fit(train, tf.add(target, tf.randomUniform(target.shape, -0.2, 0.2)), { epochs: 1, batchSize: 4, verbose: 0 });
  const runDir = join(runsDir, 'run1');
  mkdirSync(runDir, { recursive: true });
  writeFileSync(join(runDir, RUN_FILES.snapshot), serializeProject(doc));
  await saveCheckpoint(model, runDir, 'last', 1);
  const xs = inputsFor(doc, 3);
  const predictions = (model.predict(xs) as tf.Tensor).dataSync() as Float32Array;
  return { xs, predictions: Float32Array.from(predictions) };
}

const COMPARE_PY = `
import json, sys
import numpy as np
import torch
sys.path.insert(0, sys.argv[1])
from model import build_model, load_layerlab_weights
spec = json.load(open(sys.argv[2]))
model = load_layerlab_weights(build_model(), sys.argv[1] + "/weights").eval()
xs = [torch.from_numpy(np.fromfile(f, dtype=np.float32).reshape(s)) for f, s in spec["inputs"]]
with torch.no_grad():
    out = model(*xs)
out.numpy().astype(np.float32).tofile(spec["out"])
`;

const TFJS_JS = `
import * as tf from '@tensorflow/tfjs';
import { readFileSync, writeFileSync } from 'node:fs';
const [dir, specFile] = process.argv.slice(2);
const { loadModel, nodeFiles } = await import(dir + '/model.mjs');
const spec = JSON.parse(readFileSync(specFile, 'utf8'));
const model = await loadModel(tf, nodeFiles(tf, dir));
const xs = spec.inputs.map(([f, s]) => { const b = readFileSync(f); return tf.tensor(new Float32Array(b.buffer, b.byteOffset, b.length / 4), s); });
const out = model.predict(xs.length === 1 ? xs[0] : xs);
writeFileSync(spec.out, Buffer.from((await out.data()).buffer));
`;

function writeInputs(dir: string, xs: tf.Tensor[], out: string): string {
  const inputs = xs.map((x, i) => {
    const file = join(dir, `x${i}.bin`);
    writeFileSync(file, Buffer.from((x.dataSync() as Float32Array).buffer));
    return [file, x.shape];
  });
  const spec = join(dir, `${out}.json`);
  writeFileSync(spec, JSON.stringify({ inputs, out: join(dir, `${out}.bin`) }));
  return spec;
}

const readFloats = (file: string) => {
  const b = readFileSync(file);
  return new Float32Array(b.buffer, b.byteOffset, b.length / 4);
};

function maxDiff(a: Float32Array, b: Float32Array): number {
  expect(b.length).toBe(a.length);
  return a.reduce((m, v, i) => Math.max(m, Math.abs(v - b[i]!)), 0);
}

describe('trained weights leave LayerLab with the same predictions', () => {
  for (const name of ['mlp-mnist', 'lenet-mnist', 'lstm-imdb', 'gru-co2', 'transformer-imdb', 'seq2seq-reverse', 'rbm-pretrain-mnist', 'transfer-digits']) {
    it.skipIf(!PYTHON.python)(
      `${name}: PyTorch within 1e-4, TF.js in a fresh process (${PYTHON.why || PYTHON.python})`,
      async () => {
        // The engine's own backend here; tfjs's cpu backend steps recurrent layers far too slowly for a unit test.
        await tf.setBackend('wasm');
        registerWasmTrainingKernels(tf);
        const doc = template(name);
        const work = tempDir(`w-${name}`);
        const runsDir = join(work, 'runs');
        const { xs, predictions } = await trainedRun(doc, runsDir);

        const pt = join(work, 'pytorch');
        await writeExport(await prepareExport({ doc, target: 'pytorch', root: ROOT, runsDir, run: 'last' }), pt);
        writeFileSync(join(work, 'compare.py'), COMPARE_PY);
        const spec = writeInputs(work, xs, 'torch');
        const r = runPython(['compare.py', pt, spec], work);
        expect(r.code, r.out).toBe(0);
        expect(maxDiff(predictions, readFloats(join(work, 'torch.bin')))).toBeLessThan(1e-4);

        const tj = join(work, 'tfjs');
        await writeExport(await prepareExport({ doc, target: 'tfjs', root: ROOT, runsDir, run: 'run1' }), tj);
        // Inside the repository so that the fresh process resolves @tensorflow/tfjs from its node_modules.
        const loader = join(ROOT, 'test-results', 'export', `load-${name}.mjs`);
        mkdirSync(join(ROOT, 'test-results', 'export'), { recursive: true });
        writeFileSync(loader, TFJS_JS);
        const tspec = writeInputs(work, xs, 'tfjs');
        const node = spawnSync(process.execPath, [loader, tj, tspec], { cwd: ROOT, encoding: 'utf8', timeout: 120_000 });
        expect(node.status, `${node.stdout}${node.stderr}`).toBe(0);
        expect(maxDiff(predictions, readFloats(join(work, 'tfjs.bin')))).toBeLessThan(1e-5);
      },
      180_000,
    );
  }
});
