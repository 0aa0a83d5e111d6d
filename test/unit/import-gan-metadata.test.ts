import * as tf from '@tensorflow/tfjs';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { readLayerLabMetadata } from '../../app/import/layerlab-metadata';
import { analyzeGraph } from '../../app/analysis/analyze';
import { planGanGraph } from '../../app/training/gan';
import { buildGanNets } from '../../main/engine/modes/gan-step';
import { adoptWeights } from '../../main/engine/run/weights';
import { importModelFile } from '../../main/import/import-file';
import { loadCheckpoint } from '../../main/record/checkpoint';
import { RunStore } from '../../main/service/run-store';
import { seededRandom } from '../../app/data/synthetic';
import { tempDir, template } from './export-helpers';
import { exportTfjs } from './import-helpers';

interface Meta {
  version: unknown;
  mode: unknown;
  generator: unknown[];
  discriminator: unknown[];
  [key: string]: unknown;
}
interface ModelJson {
  userDefinedMetadata: { layerlab: Meta } & Record<string, unknown>;
  [key: string]: unknown;
}

let source: string;
let valid: ModelJson;
let bin: Buffer;

beforeAll(async () => {
  source = tempDir('gan-meta-src');
  await exportTfjs(template('dcgan-mnist'), source);
  valid = JSON.parse(readFileSync(join(source, 'model.json'), 'utf8')) as ModelJson;
  bin = readFileSync(join(source, 'weights.bin'));
});

/** Imports a DCGAN export whose metadata `change` edited, with a run store. */
async function imported(change: (m: ModelJson) => void, dir = tempDir('gan-meta')) {
  const copy = structuredClone(valid);
  change(copy);
  writeFileSync(join(dir, 'model.json'), JSON.stringify(copy));
  writeFileSync(join(dir, 'weights.bin'), bin);
  const data = join(dir, 'data');
  mkdirSync(data);
  return { ...(await importModelFile(join(dir, 'model.json'), new RunStore(data))), store: new RunStore(data) };
}

const meta = (m: ModelJson) => m.userDefinedMetadata.layerlab;

describe("a GAN's LayerLab metadata", () => {
  it('is in the export, where stock tfjs keeps it: the training mode and each network by layer name', () => {
    const read = readLayerLabMetadata(valid);
    expect(read.kind).toBe('valid');
    expect(meta(valid)).toMatchObject({ version: 1, mode: 'gan' });
    expect(meta(valid).generator).toEqual([
      'input_1',
      'dense_1',
      'reshape_1',
      'batchnorm_1',
      'leaky_1',
      'conv2dtranspose_1',
      'batchnorm_2',
      'leaky_2',
      'conv2dtranspose_2',
    ]);
    expect(meta(valid).discriminator).toContain('input_2');
  });

  it("its weights become a GAN run: what Evaluate and continue-training adopt predicts as the file's two outputs", async () => {
    const { doc, report, store } = await imported(() => {});
    expect(doc.training.mode).toBe('gan');
    const recorded = await loadCheckpoint(tf, store.runDir(doc.id!, report.weightsRun!), 'last');
    const analysis = analyzeGraph(doc.graph);
    const check = planGanGraph(doc, analysis);
    if (!check.ok) throw new Error(check.issues[0]?.message);
    const nets = buildGanNets(tf, doc, analysis, check.plan);
    // By weight order, as main/engine/evaluate/gan.ts and a continued run take them.
    adoptWeights(nets.combined, recorded, 'GAN');
    const json = structuredClone(valid) as unknown as { modelTopology: object; weightsManifest: { weights: tf.io.WeightsManifestEntry[] }[] };
    const file = await tf.loadLayersModel(
      tf.io.fromMemory({
        modelTopology: json.modelTopology,
        weightSpecs: json.weightsManifest.flatMap((g) => g.weights),
        weightData: bin.buffer.slice(bin.byteOffset, bin.byteOffset + bin.byteLength),
      }),
    );
    const z = tf.randomNormal([2, 64], 0, 1, 'float32', 3);
    const x = tf.randomUniform([2, 28, 28, 1], -1, 1, 'float32', 4);
    const [image, real] = file.predict([z, x]) as tf.Tensor[];
    const diff = (a: tf.Tensor, b: tf.Tensor) => tf.max(tf.abs(tf.sub(a, b))).dataSync()[0]!;
    expect(diff(nets.generator.predict(z) as tf.Tensor, image!)).toBeLessThanOrEqual(1e-5);
    expect(diff(nets.discriminator.predict(x) as tf.Tensor, real!)).toBeLessThanOrEqual(1e-5);
    nets.dispose();
    recorded.dispose();
    file.dispose();
  });

  it('without it, a GAN export imports as a plain graph and says nothing (a file made elsewhere has none)', async () => {
    const { doc, report } = await imported((m) => delete (m as { userDefinedMetadata?: unknown }).userDefinedMetadata);
    expect(doc.training.mode).toBe('standard');
    expect(report.warnings).toEqual([]);
    expect(new Set(doc.graph.nodes.map((n) => n.role))).toEqual(new Set(['model']));
  });

  const broken: [string, (m: ModelJson) => void, RegExp][] = [
    ['not an object', (m) => (m.userDefinedMetadata.layerlab = 'gan' as never), /is not valid \(/],
    ['another version', (m) => (meta(m).version = 2), /is not valid \(version: /],
    ['an unknown mode', (m) => (meta(m).mode = 'diffusion'), /is not valid \(mode: /],
    ['a name that is not a string', (m) => (meta(m).generator[2] = { toString: 1 }), /is not valid \(generator\.2: /],
    ['an unknown key', (m) => (meta(m).__proto__polluted = true), /is not valid \(/],
    ['too many names', (m) => (meta(m).generator = Array.from({ length: 2001 }, (_, i) => `x${i}`)), /is not valid \(generator: /],
    ['a layer the model lacks', (m) => meta(m).generator.push('conv9'), /names a layer the model does not have: "conv9"/],
    ['a layer in both networks', (m) => meta(m).discriminator.push('dense_1'), /puts dense_1 in both the generator and the discriminator/],
    ['a layer in neither', (m) => (meta(m).generator = meta(m).generator.filter((n) => n !== 'leaky_2')), /cannot train, so .* leaky_2 has no role/],
    [
      'the networks swapped',
      (m) => ([meta(m).generator, meta(m).discriminator] = [meta(m).discriminator, meta(m).generator]),
      /cannot train, so .* The generator makes/,
    ],
    ['an RBM mode without an RBM', (m) => (m.userDefinedMetadata.layerlab = { version: 1, mode: 'rbm' } as never), /says RBM training/],
  ];
  it.each(broken)('%s: a plain graph, its weights attached, and a warning naming the problem', async (_, change, message) => {
    const { doc, report } = await imported(change);
    expect(report.warnings).toHaveLength(1);
    expect(report.warnings[0]).toMatch(/^The file's LayerLab metadata \(userDefinedMetadata\.layerlab\) /);
    expect(report.warnings[0]).toMatch(message);
    expect(report.warnings[0]).toMatch(/, so the model is imported as a plain graph\./);
    expect(doc.training.mode).toBe('standard');
    expect(new Set(doc.graph.nodes.map((n) => n.role))).toEqual(new Set(['model']));
    expect(report.gaps).toEqual([]);
    expect(report.weightsRun).not.toBeNull();
  });

  it('survives a fuzz of its values: a GAN with no warning, or a plain graph with one, never a crash', async () => {
    const WEIRD: unknown[] = [null, 0, -1, 1, 2, '', 'gan', 'rbm', 'standard', 'input_1', 'dense_2', '__proto__', [], [null], {}, true, 'x'.repeat(300)];
    // mulberry32 (app/data/synthetic.ts), so a failure replays exactly.
    const rand = seededRandom(41);
    const pick = <T>(list: readonly T[]) => list[Math.floor(rand() * list.length)]!;
    const dir = tempDir('gan-meta-fuzz');
    writeFileSync(join(dir, 'weights.bin'), bin);
    const seen = { gan: 0, plain: 0 };
    for (let round = 0; round < 60; round++) {
      const copy = structuredClone(valid);
      const m = meta(copy);
      for (let k = 1 + Math.floor(rand() * 2); k > 0; k--) {
        const key = pick(['version', 'mode', 'generator', 'discriminator', 'extra']);
        const list = m[key];
        if (Array.isArray(list) && rand() < 0.7) {
          if (rand() < 0.5) list[Math.floor(rand() * list.length)] = pick(WEIRD);
          else list.splice(Math.floor(rand() * list.length), 1);
        } else if (rand() < 0.9 || key !== 'extra') m[key] = pick(WEIRD);
      }
      writeFileSync(join(dir, 'model.json'), JSON.stringify(copy));
      const { doc, report } = await importModelFile(join(dir, 'model.json'), null);
      if (doc.training.mode === 'gan') {
        expect(report.warnings, `round ${round}`).toEqual([]);
        seen.gan++;
      } else {
        expect(report.warnings, `round ${round}: ${JSON.stringify(m).slice(0, 300)}`).toHaveLength(1);
        expect(doc.graph.nodes.every((n) => n.role === 'model')).toBe(true);
        seen.plain++;
      }
    }
    expect(seen.plain).toBeGreaterThan(30);
    expect(readdirSync(dir).sort()).toEqual(['model.json', 'weights.bin']);
  }, 120_000);
});
