import * as tf from '@tensorflow/tfjs';
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeGraph } from '../../app/analysis/analyze';
import { serializeProject } from '../../app/document/load';
import { exportProject } from '../../app/export/export';
import { planGan } from '../../app/training/gan';
import { buildGanNets } from '../../main/engine/modes/gan-step';
import { prepareExport, writeExport } from '../../main/export/export-folder';
import { saveCheckpoint } from '../../main/record/checkpoint';
import { RUN_FILES } from '../../main/record/layout';
import { ROOT, tempDir, template } from './export-helpers';

/**
 * Run in a fresh Node process with stock @tensorflow/tfjs, as a person uses the export: loads it with model.mjs,
 * predicts both outputs, cuts the generator out, samples, and trains one short epoch with train.mjs.
 */
const FRESH_JS = `
import * as tf from '@tensorflow/tfjs';
import { readFileSync, writeFileSync } from 'node:fs';
const [dir, specFile] = process.argv.slice(2);
const { loadModel, nodeFiles, generator, discriminator, sample, LATENT_SHAPE, IMAGE_SHAPE } = await import(dir + '/model.mjs');
const { train } = await import(dir + '/train.mjs');
const spec = JSON.parse(readFileSync(specFile, 'utf8'));
const floats = (f, s) => { const b = readFileSync(f); return tf.tensor(new Float32Array(b.buffer, b.byteOffset, b.length / 4), s); };
const [z, x] = spec.inputs.map(([f, s]) => floats(f, s));
const model = await loadModel(tf, nodeFiles(tf, dir));
const [image, real] = model.predict([z, x]);
const alone = generator(tf, model).predict(z);
const judged = discriminator(tf, model).predict(x);
const drawn = sample(tf, model, 5);
const stock = tf.model({ inputs: model.inputs[0], outputs: model.outputs[0] }).predict(z);
const logs = [];
await train(tf, nodeFiles(tf, dir), tf.randomUniform([8, ...IMAGE_SHAPE], -1, 1), (epoch, l) => logs.push(l), { epochs: 1, batchSize: 4 });
const max = (a, b) => tf.max(tf.abs(tf.sub(a, b))).dataSync()[0];
writeFileSync(spec.out, JSON.stringify({
  image: Array.from(await image.data()), real: Array.from(await real.data()),
  aloneDiff: max(alone, image), judgedDiff: max(judged, real), stockDiff: max(stock, image),
  sample: { shape: drawn.shape, min: tf.min(drawn).dataSync()[0], max: tf.max(drawn).dataSync()[0] },
  latent: LATENT_SHAPE, metadata: model.getUserDefinedMetadata(), logs,
}));
`;

function writeTensor(dir: string, name: string, t: tf.Tensor): [string, number[]] {
  const file = join(dir, `${name}.bin`);
  writeFileSync(file, Buffer.from((t.dataSync() as Float32Array).buffer));
  return [file, t.shape];
}

const maxDiff = (a: ArrayLike<number>, b: ArrayLike<number>) => {
  expect(b.length).toBe(a.length);
  return Array.from(a).reduce((m, v, i) => Math.max(m, Math.abs(v - b[i]!)), 0);
};

describe('a GAN exported to TF.js', () => {
  it("carries a run's trained weights; stock tfjs in a fresh process samples from its generator and trains it", async () => {
    const doc = template('dcgan-mnist');
    const analysis = analyzeGraph(doc.graph);
    const check = planGan(doc, analysis);
    if (!check.ok) throw new Error(check.issues[0]?.message);
    // A run's checkpoint as the engine saves it (D(G(z)), the discriminator nested), every weight moved off its
    // initialiser, batch-norm statistics included, so fresh weights anywhere in the export would show.
    const nets = buildGanNets(tf, doc, analysis, check.plan);
    for (const w of nets.combined.weights) {
      const name = w.originalName;
      w.write(
        name.endsWith('moving_variance')
          ? tf.randomUniform(w.shape as number[], 0.5, 1.5, 'float32', 3)
          : tf.add(w.read(), tf.randomNormal(w.shape as number[], 0, name.endsWith('moving_mean') ? 0.2 : 0.05, 'float32', 5)),
      );
    }
    const work = tempDir('gan-tfjs');
    const runsDir = join(work, 'runs');
    const runDir = join(runsDir, 'run1');
    mkdirSync(runDir, { recursive: true });
    writeFileSync(join(runDir, RUN_FILES.snapshot), serializeProject(doc));
    await saveCheckpoint(nets.combined, runDir, 'last', 1);
    const z = tf.randomNormal([3, 64], 0, 1, 'float32', 11);
    const x = tf.randomUniform([3, 28, 28, 1], -1, 1, 'float32', 13);
    const wantImage = (nets.generator.predict(z) as tf.Tensor).dataSync();
    const wantReal = (nets.discriminator.predict(x) as tf.Tensor).dataSync();

    const out = join(work, 'export');
    const prepared = await prepareExport({ doc, target: 'tfjs', root: ROOT, runsDir, run: 'last' });
    expect(prepared.runId).toBe('run1');
    await writeExport(prepared, out);
    const readme = readFileSync(join(out, 'README.md'), 'utf8');
    expect(readme).toContain("with the run's trained weights");
    expect(readme).toContain('sample(tf, model, 16)');

    // Inside the repository so that the fresh process resolves @tensorflow/tfjs from its node_modules.
    const loader = join(ROOT, 'test-results', 'export', 'load-gan.mjs');
    mkdirSync(join(ROOT, 'test-results', 'export'), { recursive: true });
    writeFileSync(loader, FRESH_JS);
    const spec = join(work, 'spec.json');
    writeFileSync(spec, JSON.stringify({ inputs: [writeTensor(work, 'z', z), writeTensor(work, 'x', x)], out: join(work, 'out.json') }));
    const node = spawnSync(process.execPath, [loader, out, spec], { cwd: ROOT, encoding: 'utf8', timeout: 120_000 });
    expect(node.status, `${node.stdout}${node.stderr}`).toBe(0);
    const got = JSON.parse(readFileSync(join(work, 'out.json'), 'utf8')) as {
      image: number[];
      real: number[];
      aloneDiff: number;
      judgedDiff: number;
      stockDiff: number;
      sample: { shape: number[]; min: number; max: number };
      latent: number[];
      metadata: { layerlab: { mode: string; generator: string[]; discriminator: string[] } };
      logs: { d_loss: number; g_loss: number }[];
    };
    expect(maxDiff(wantImage, got.image)).toBeLessThan(1e-5);
    expect(maxDiff(wantReal, got.real)).toBeLessThan(1e-5);
    expect([got.aloneDiff, got.judgedDiff, got.stockDiff]).toEqual([0, 0, 0]);
    expect(got.sample.shape).toEqual([5, 28, 28, 1]);
    expect(got.sample.min).toBeGreaterThanOrEqual(0);
    expect(got.sample.max).toBeLessThanOrEqual(1);
    expect(got.sample.max).toBeGreaterThan(got.sample.min);
    expect(got.latent).toEqual([64]);
    expect(got.metadata.layerlab.mode).toBe('gan');
    expect(got.metadata.layerlab.generator).toContain('conv2dtranspose_2');
    expect(got.metadata.layerlab.discriminator).toContain('dense_2');
    expect(got.logs).toHaveLength(1);
    expect(Number.isFinite(got.logs[0]!.d_loss) && Number.isFinite(got.logs[0]!.g_loss)).toBe(true);
    tf.dispose([z, x]);
    nets.dispose();
  }, 120_000);

  it('still refuses Keras, with the reason', () => {
    const result = exportProject(template('dcgan-mnist'), 'keras', { dataPackages: 'node_modules', withWeights: false });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors.join('\n')).toMatch(/GAN/);
  });
});
