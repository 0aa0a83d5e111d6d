import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { readdirSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { analyzeGraph } from '../../app/analysis/analyze';
import { seededRandom } from '../../app/data/synthetic';
import { dataSpec } from '../../app/data/spec';
import type { ProjectDoc } from '../../app/document/schema';
import { resolveLoss } from '../../app/training/loss';
import { loadDataset } from '../../main/engine/datasets';
import { splitData } from '../../main/data/split';
import type { TrainingData } from '../../main/data/training-data';
import { registerWasmTrainingKernels } from '../../main/engine/kernels/register';
import { gaussians, realImages } from '../../main/engine/modes/gan-data';
import { validateGan } from '../../main/engine/modes/gan';
import { buildGanNets, ganStep } from '../../main/engine/modes/gan-step';
import { compileModel } from '../../main/engine/compile-model';
import { seedRandomness } from '../../main/engine/seed';
import { toTensors } from '../../main/engine/tensors';
import { loadPretrainedSources } from '../../main/engine/pretrained';
import { template, TEMPLATES } from './helpers';

/**
 * Every template trains on the default engine (wasm with LayerLab's kernels) to the loss
 * trajectory the cpu backend gives: same initial weights, same batches in order, same dropout
 * draws (Math.random seeded alike), a few steps of the template's own optimizer.
 */
const BATCHES = 3;
const BATCH = 4;
const TOLERANCE = 1e-4;
/** Reviews are cut to this many tokens: the cpu backend needs seconds per step at the templates' 100. */
const TOKENS = 8;

/** A zoo model is downloaded on first use, which this machine cannot; transfer-zoo.test.ts trains that template with a stand-in. */
const fromZoo = (id: string) => template(id).graph.nodes.some((n) => n.type === 'PretrainedModel' && (n.params.source as { kind?: string }).kind === 'zoo');

/** A template for the user's own pictures has no data until a folder is chosen; transfer-zoo.test.ts trains it on one. */
const ownPictures = (id: string) => template(id).data.dataset === 'images' && !template(id).data.source?.path;

const IDS = readdirSync(TEMPLATES)
  .filter((f) => f.endsWith('.layerlab.json'))
  .map((f) => f.replace('.layerlab.json', ''))
  .filter((id) => !fromZoo(id) && !ownPictures(id))
  .sort();

/** Convolutions this wide on 32×32 colour images take the cpu backend minutes per step. */
const FILTERS = 4;

/**
 * The template with shorter reviews, or narrower convolutions on CIFAR-10 (same layers otherwise),
 * so the cpu side stays quick.
 */
function shortened(doc: ProjectDoc): ProjectDoc {
  if (doc.data.dataset === 'cifar10') {
    const nodes = doc.graph.nodes.map((n) => (n.type === 'Conv2D' ? { ...n, params: { ...n.params, filters: FILTERS } } : n));
    return { ...doc, graph: { ...doc.graph, nodes } };
  }
  if (doc.data.dataset !== 'imdb') return doc;
  const nodes = doc.graph.nodes.map((n) => {
    if (n.type === 'InputLayer') return { ...n, params: { ...n.params, shape: [TOKENS] } };
    if (n.type === 'TokenAndPositionEmbedding') return { ...n, params: { ...n.params, sequenceLength: TOKENS } };
    return n;
  });
  return { ...doc, graph: { ...doc.graph, nodes }, data: { ...doc.data, sequenceLength: TOKENS } };
}

const datasets = new Map<string, Promise<TrainingData>>();
function examples(doc: ProjectDoc, count: number): Promise<TrainingData> {
  const key = JSON.stringify(doc.data);
  if (!datasets.has(key)) datasets.set(key, loadDataset(doc.data, doc.training.validationSplit));
  return datasets.get(key)!.then((data) => splitData(data, 0, doc.data.seed, count).train);
}

const snapshot = (weights: tf.Tensor[]) => weights.map((w) => ({ shape: w.shape, values: Float32Array.from(w.dataSync()) }));
type Snapshot = ReturnType<typeof snapshot>;
const restore = (s: Snapshot) => s.map((w) => tf.tensor(w.values, w.shape));

async function standard(doc: ProjectDoc, backend: string, initial: Snapshot | null): Promise<{ losses: number[]; weights: Snapshot }> {
  await tf.setBackend(backend);
  seedRandomness(11);
  const analysis = analyzeGraph(doc.graph);
  const loss = resolveLoss(doc.training.loss, dataSpec(doc.data).task, analysis.nodes.get(analysis.outputs[0]!)!.shape!);
  if ('error' in loss) throw new Error(loss.error);
  const output = analysis.nodes.get(analysis.outputs[0]!)!.shape!;
  await loadPretrainedSources(tf, doc);
  const { model } = compileModel(tf, doc, analysis, loss);
  const { xs, y } = toTensors(
    tf,
    await examples(doc, BATCHES * BATCH),
    analysis.inputs.map((id) => analysis.nodes.get(id)!.shape!),
    output,
    loss,
  );
  const weights = initial ?? snapshot(model.getWeights());
  model.setWeights(restore(weights));
  const losses: number[] = [];
  await model.fit(xs, y, {
    epochs: 1,
    batchSize: BATCH,
    shuffle: false,
    verbose: 0,
    callbacks: {
      onBatchEnd: (_b, logs) => {
        losses.push(logs!.loss!);
      },
    },
  });
  tf.dispose([...xs, y]);
  model.dispose();
  return { losses, weights };
}

/** A GAN template: a few adversarial steps (discriminator, then generator) on the same real images and latent draws. */
async function adversarial(doc: ProjectDoc, backend: string, initial: Snapshot | null): Promise<{ losses: number[]; weights: Snapshot }> {
  await tf.setBackend(backend);
  seedRandomness(11);
  const { analysis, plan } = validateGan(doc);
  const nets = buildGanNets(tf, doc, analysis, plan);
  const weights = initial ?? snapshot(nets.combined.getWeights());
  nets.combined.setWeights(restore(weights));
  const data = await examples(doc, BATCHES * BATCH);
  const images = realImages(data, dataSpec(doc.data).task, plan.activation);
  const per = plan.image.reduce((a, d) => a * d, 1);
  const latent = plan.generator.inputShape as number[];
  const rand = seededRandom(5);
  const losses: number[] = [];
  // Two adversarial steps (four losses): each is a discriminator and a generator update.
  for (let b = 0; b < 2; b++) {
    const real = tf.tensor(images.subarray(b * BATCH * per, (b + 1) * BATCH * per), [BATCH, ...plan.image]);
    const z = () => tf.tensor(gaussians(BATCH * latent.reduce((a, d) => a * d, 1), rand), [BATCH, ...latent]);
    const [zD, zG] = [z(), z()];
    const step = await ganStep(tf, nets, real, zD, zG);
    losses.push(step.dLoss, step.gLoss);
    tf.dispose([real, zD, zG]);
  }
  nets.dispose();
  return { losses, weights };
}

beforeAll(async () => {
  await tf.setBackend('wasm');
  registerWasmTrainingKernels(tf);
});

describe('every template trains on wasm to the loss trajectory it has on cpu', () => {
  it('finds the templates', () => expect(IDS.length).toBeGreaterThanOrEqual(10));

  it.each(IDS)('%s', async (id) => {
    const doc = shortened(template(id));
    const train = doc.training.mode === 'gan' ? adversarial : standard;
    const cpu = await train(doc, 'cpu', null);
    const wasm = await train(doc, 'wasm', cpu.weights);
    expect(wasm.losses).toHaveLength(cpu.losses.length);
    expect(cpu.losses.every(Number.isFinite)).toBe(true);
    const worst = Math.max(...cpu.losses.map((l, i) => Math.abs(l - wasm.losses[i]!) / Math.max(1, Math.abs(l))));
    expect(worst, `cpu ${cpu.losses.join(', ')}\nwasm ${wasm.losses.join(', ')}`).toBeLessThan(TOLERANCE);
  });
});
