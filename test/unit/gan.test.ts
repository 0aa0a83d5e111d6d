import * as tf from '@tensorflow/tfjs';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeGraph } from '../../app/analysis/analyze';
import { checkDataFit } from '../../app/data/fit';
import { seededRandom } from '../../app/data/synthetic';
import { emptyProject, type NodeDoc, type ProjectDoc } from '../../app/document/schema';
import type { HostEvent } from '../../app/protocol/events';
import { planGan } from '../../app/training/gan';
import { selectBackend } from '../../main/engine/backend';
import type { RunRecorder } from '../../main/engine/context';
import type { RunObserver } from '../../main/engine/run/observer';
import type { TrainingData } from '../../main/data/training-data';
import { runGan, trainGan, validateGan } from '../../main/engine/modes/gan';
import { checkpointMeta, loadCheckpoint, openRecorder, RUN_FILES } from '../../main/record/recorder';
import { edge, node, template } from './helpers';

const fit = (doc: ProjectDoc) => checkDataFit(doc, analyzeGraph(doc.graph));
const role = (n: NodeDoc, r: NodeDoc['role']): NodeDoc => ({ ...n, role: r });
const setParam = (doc: ProjectDoc, id: string, key: string, value: unknown): ProjectDoc => ({
  ...doc,
  graph: { ...doc.graph, nodes: doc.graph.nodes.map((n) => (n.id === id ? { ...n, params: { ...n.params, [key]: value } } : n)) },
});

/** A tiny dense GAN for 8×8 images: G 8 → 32 → 64 (sigmoid) → (8, 8, 1); D (8, 8, 1) → 16 → 1. */
function tinyGan(): ProjectDoc {
  const doc = emptyProject('tiny gan');
  const g = [
    node('g_in', 'InputLayer', { shape: [8] }),
    node('g_dense', 'Dense', { units: 32, activation: 'relu' }),
    node('g_out', 'Dense', { units: 64, activation: 'sigmoid' }),
    node('g_img', 'Reshape', { targetShape: [8, 8, 1] }),
  ];
  const d = [
    node('d_in', 'InputLayer', { shape: [8, 8, 1] }),
    node('d_flat', 'Flatten'),
    node('d_dense', 'Dense', { units: 16, activation: 'relu' }),
    node('d_out', 'Dense', { units: 1, activation: 'sigmoid' }),
  ];
  doc.graph = {
    nodes: [...g.map((n) => role(n, 'generator')), ...d.map((n) => role(n, 'discriminator'))],
    edges: [
      edge('g_in', 'g_dense'),
      edge('g_dense', 'g_out'),
      edge('g_out', 'g_img'),
      edge('d_in', 'd_flat'),
      edge('d_flat', 'd_dense'),
      edge('d_dense', 'd_out'),
    ],
  };
  doc.training = { ...doc.training, mode: 'gan', optimizer: 'adam', learningRate: 0.001, batchSize: 16, epochs: 2, seed: 7 };
  return doc;
}

function randomImages(count: number, seed: number): TrainingData {
  const rand = seededRandom(seed);
  return { inputs: [{ data: Float32Array.from({ length: count * 64 }, rand), shape: [8, 8, 1] }], target: { data: new Int32Array(count), shape: [] }, count };
}

function fakeRecorder() {
  const calls = { batches: 0, epochs: [] as number[], samples: [] as string[], checkpoints: [] as string[] };
  const recorder: RunRecorder = {
    batches: (points) => void (calls.batches += points.length),
    epoch: (record) => void calls.epochs.push(record.epoch),
    samples: (epoch, kind, images) => {
      calls.samples.push(`${epoch}:${kind}:${images.length}`);
      return Promise.resolve();
    },
    checkpoint: (model, which) => {
      calls.checkpoints.push(`${which}:${model.countParams()}`);
      return Promise.resolve();
    },
  };
  return { recorder, calls };
}

describe('GAN split and checks', () => {
  it('splits the DCGAN template into its generator and discriminator', () => {
    const doc = template('dcgan-mnist');
    const check = planGan(doc, analyzeGraph(doc.graph));
    expect(check.ok).toBe(true);
    if (!check.ok) return;
    expect(check.plan).toMatchObject({
      generator: { input: 'input_1', output: 'conv2dtranspose_2', inputShape: [64], outputShape: [28, 28, 1] },
      discriminator: { input: 'input_2', output: 'dense_2', inputShape: [28, 28, 1], outputShape: [1] },
      image: [28, 28, 1],
      activation: 'tanh',
    });
    expect(check.plan.generator.nodeIds).toHaveLength(9);
    expect(check.plan.discriminator.nodeIds).toHaveLength(9);
  });

  it('makes checkDataFit use the GAN rules in gan mode only', () => {
    const doc = template('dcgan-mnist');
    expect(fit(doc)).toEqual([]);
    expect(fit({ ...doc, training: { ...doc.training, mode: 'standard' } })[0]?.message).toContain('the network has 2 Input layers');
  });

  it('asks for a role on layers that have none', () => {
    const doc = template('dcgan-mnist');
    doc.graph.nodes = doc.graph.nodes.map((n) => (n.id === 'dropout_1' ? { ...n, role: 'model' } : n));
    expect(fit(doc)[0]).toMatchObject({ nodeId: 'dropout_1', message: expect.stringContaining('dropout_1 has no role') as unknown });
  });

  it('refuses a connection between the two networks', () => {
    const doc = template('dcgan-mnist');
    doc.graph.nodes = doc.graph.nodes.filter((n) => n.id !== 'input_2');
    doc.graph.edges = [...doc.graph.edges.filter((e) => e.source !== 'input_2'), edge('conv2dtranspose_2', 'conv2d_1')];
    expect(fit(doc)[0]?.message).toBe(
      'conv2d_1 (discriminator) is connected to conv2dtranspose_2 (generator). Delete that connection: the generator and the discriminator stay separate, and training feeds generated images to the discriminator itself.',
    );
  });

  it('needs both networks, each with one Input and one output', () => {
    const noD = template('dcgan-mnist');
    noD.graph.nodes = noD.graph.nodes.filter((n) => n.role === 'generator');
    noD.graph.edges = noD.graph.edges.filter((e) => noD.graph.nodes.some((n) => n.id === e.source));
    expect(fit(noD)[0]?.message).toBe(
      'The GAN has no discriminator. Select the layers that tell real images from generated ones and set their role to "discriminator" in the inspector.',
    );

    const twoInputs = template('dcgan-mnist');
    twoInputs.graph.nodes.push(
      { ...node('input_3', 'InputLayer', { shape: [64] }), role: 'generator' },
      { ...node('dense_3', 'Dense', { units: 3136 }), role: 'generator' },
    );
    twoInputs.graph.edges.push(edge('input_3', 'dense_3'));
    const messages = fit(twoInputs).map((i) => i.message);
    expect(messages).toContain('The generator has 2 Input layers (input_1, input_3); it needs exactly one.');
    expect(messages).toContain('The generator ends in 2 layers (dense_3, conv2dtranspose_2); it must end in exactly one. Connect or delete the others.');
  });

  it('offers to shape the discriminator Input like the images', () => {
    const doc = setParam(template('dcgan-mnist'), 'input_2', 'shape', [32, 32, 1]);
    expect(fit(doc)[0]).toMatchObject({
      message: "MNIST digits images have shape (28, 28, 1) (784 values), but the discriminator's Input input_2 expects (32, 32, 1).",
      fix: { label: 'Set input_2 shape to (28, 28, 1)', nodeId: 'input_2', key: 'shape', value: [28, 28, 1] },
    });
  });

  it('needs the generator to make exactly what the discriminator reads', () => {
    const doc = tinyGan();
    doc.data = { ...doc.data, dataset: 'mnist' };
    const flat = setParam(setParam(doc, 'd_in', 'shape', [784]), 'g_out', 'units', 784);
    const reshaped = setParam(flat, 'g_img', 'targetShape', [28, 28, 1]);
    expect(fit(reshaped)[0]).toMatchObject({
      nodeId: 'g_img',
      message:
        "The generator makes (28, 28, 1) outputs, but the discriminator's Input d_in expects (784,). The generator must make images shaped exactly like the ones the discriminator reads.",
      fix: { label: 'Set d_in shape to (28, 28, 1)', nodeId: 'd_in', key: 'shape', value: [28, 28, 1] },
    });
  });

  it('needs one sigmoid unit out of the discriminator', () => {
    expect(fit(setParam(template('dcgan-mnist'), 'dense_2', 'units', 10))[0]).toMatchObject({
      fix: { label: 'Set units to 1', nodeId: 'dense_2', key: 'units', value: 1 },
    });
    expect(fit(setParam(template('dcgan-mnist'), 'dense_2', 'activation', 'relu'))[0]).toMatchObject({
      message: "The discriminator's output is a probability (real or generated) and needs a sigmoid activation (it has relu).",
      fix: { label: 'Use sigmoid', key: 'activation', value: 'sigmoid' },
    });
  });

  it('needs a tanh or sigmoid generator output, looking through Reshape', () => {
    const doc = tinyGan();
    doc.data = { ...doc.data, dataset: 'mnist' };
    const wrong = setParam(
      setParam(setParam(setParam(doc, 'g_out', 'units', 784), 'g_img', 'targetShape', [28, 28, 1]), 'd_in', 'shape', [28, 28, 1]),
      'g_out',
      'activation',
      'relu',
    );
    expect(fit(wrong)[0]).toMatchObject({
      nodeId: 'g_img',
      message: expect.stringContaining('; it has relu.') as unknown,
      fix: { label: 'Use tanh', nodeId: 'g_out', key: 'activation', value: 'tanh' },
    });
  });

  it('needs an image dataset', () => {
    const doc = template('dcgan-mnist');
    expect(fit({ ...doc, data: { ...doc.data, dataset: 'spirals' } })[0]?.message).toBe(
      'GAN training learns to make images, so it needs an image dataset such as MNIST digits; Spirals feeds point (x, y).',
    );
  });

  it('throws the first problem with its fix before training', () => {
    const doc = setParam(template('dcgan-mnist'), 'dense_2', 'activation', 'relu');
    expect(() => validateGan(doc)).toThrow(
      "The discriminator's output is a probability (real or generated) and needs a sigmoid activation (it has relu). Fix: Use sigmoid.",
    );
  });
});

describe('GAN training loop', () => {
  const setupFor = (doc: ProjectDoc) => {
    const analysis = analyzeGraph(doc.graph);
    const check = planGan(doc, analysis, [8, 8, 1]);
    if (!check.ok) throw new Error(check.issues[0]?.message);
    return { analysis, plan: check.plan, backend: { name: 'cpu' as const, device: 'CPU', reason: 'test' } };
  };

  it('runs two epochs on a tiny set: finite losses, samples, flat tensor count, nothing leaked', async () => {
    const doc = tinyGan();
    const events: HostEvent[] = [];
    const tensorsAtEpoch: number[] = [];
    const { recorder, calls } = fakeRecorder();
    const before = tf.memory().numTensors;
    await runGan(
      { runId: 'gan', document: doc },
      {
        tf,
        emit: (e) => {
          events.push(e);
          if (e.type === 'run.epoch') tensorsAtEpoch.push(tf.memory().numTensors);
        },
        recorder,
      },
      setupFor(doc),
      { train: randomImages(64, 1), validation: randomImages(16, 2), task: 'classification' },
    );
    expect(tf.memory().numTensors).toBe(before);
    expect(tensorsAtEpoch).toHaveLength(2);
    expect(tensorsAtEpoch[1]).toBe(tensorsAtEpoch[0]);

    const points = events.flatMap((e) => (e.type === 'run.batches' ? e.points : []));
    expect(points.map((p) => p.step)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    for (const p of points) {
      expect(Number.isFinite(p.values?.d_loss) && Number.isFinite(p.values?.g_loss)).toBe(true);
      expect(p.loss).toBe(p.values?.g_loss);
    }
    const epochs = events.flatMap((e) => (e.type === 'run.epoch' ? [e.logs] : []));
    for (const logs of epochs) {
      for (const key of ['loss', 'd_loss', 'g_loss', 'd_accuracy', 'val_loss', 'val_d_loss', 'val_d_accuracy'])
        expect(Number.isFinite(logs[key]), key).toBe(true);
    }
    const samples = events.filter((e) => e.type === 'run.samples');
    expect(samples).toHaveLength(2);
    expect(samples[0]).toMatchObject({ kind: 'generated', epoch: 1, images: [{ png: expect.stringMatching(/^data:image\/png;base64,/) as unknown }] });
    // 16 samples of 8×8 in a 4×4 grid with 1-pixel gaps: 35×35.
    const png = Buffer.from(samples[0]!.images[0]!.png.slice(22), 'base64');
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([35, 35]);
    expect(events.at(-1)).toMatchObject({ type: 'run.finished', status: 'completed', epochsDone: 2 });
    expect(calls).toEqual({
      batches: 8,
      epochs: [1, 2],
      samples: ['1:generated:1', '2:generated:1'],
      checkpoints: [`last:${2_400 + 1_057}`, `last:${2_400 + 1_057}`],
    });
  });

  it('has each epoch on disk, history, samples and weights, before the UI hears of it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'layerlab-gan-disk-'));
    try {
      const doc = tinyGan();
      const seen: string[] = [];
      const sample = (epoch: number) => join(dir, RUN_FILES.samples, `epoch-${String(epoch).padStart(3, '0')}-generated-0.png`);
      await runGan(
        { runId: 'gan', document: doc },
        {
          tf,
          recorder: openRecorder(dir),
          emit: (e) => {
            if (e.type === 'run.samples') seen.push(`samples ${e.epoch}: png ${existsSync(sample(e.epoch))}`);
            if (e.type !== 'run.epoch') return;
            const lines = readFileSync(join(dir, RUN_FILES.epochs), 'utf8').trim().split('\n');
            const last = JSON.parse(lines.at(-1)!) as { epoch: number; logs: unknown };
            const same = lines.length === e.epoch && last.epoch === e.epoch && JSON.stringify(last.logs) === JSON.stringify(e.logs);
            seen.push(`epoch ${e.epoch}: history ${same}, weights of epoch ${checkpointMeta(dir, 'last')?.epoch ?? 'none'}`);
          },
        },
        setupFor(doc),
        { train: randomImages(32, 1), validation: randomImages(16, 2), task: 'classification' },
      );
      expect(seen).toEqual([
        'samples 1: png true',
        'epoch 1: history true, weights of epoch 1',
        'samples 2: png true',
        'epoch 2: history true, weights of epoch 2',
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('calls observers with the combined model, after every batch and recorded epoch', async () => {
    const doc = tinyGan();
    const seen: string[] = [];
    const observer: RunObserver = {
      start: ({ model, sample }) => void seen.push(`start ${model.countParams()} sample ${sample(4) === null ? 'none' : 'some'}`),
      afterBatch: ({ step, epoch }) => void seen.push(`batch ${epoch}.${step}`),
      afterEpoch: ({ epoch, logs }) => void seen.push(`epoch ${epoch} d_loss ${Number.isFinite(logs.d_loss)}`),
      dispose: () => void seen.push('dispose'),
    };
    await runGan({ runId: 'gan', document: doc }, { tf, emit: () => undefined, observers: [observer] }, setupFor(doc), {
      train: randomImages(32, 1),
      validation: null,
      task: 'classification',
    });
    expect(seen).toEqual([
      'start 3457 sample none',
      'batch 1.1',
      'batch 1.2',
      'epoch 1 d_loss true',
      'batch 2.3',
      'batch 2.4',
      'epoch 2 d_loss true',
      'dispose',
    ]);
  });

  it('generates the same sample grid from the fixed latent batch when seeded', async () => {
    const grids: string[][] = [];
    for (let i = 0; i < 2; i++) {
      const doc = tinyGan();
      doc.training.epochs = 1;
      const events: HostEvent[] = [];
      const setup = setupFor(doc);
      // tfjs draws initial weights from Math.random; the engine seeds it per run (seedRandomness).
      const random = Math.random;
      Math.random = seededRandom(3);
      try {
        await runGan({ runId: 'gan', document: doc }, { tf, emit: (e) => events.push(e) }, setup, {
          train: randomImages(32, 1),
          validation: null,
          task: 'classification',
        });
      } finally {
        Math.random = random;
      }
      grids.push(events.flatMap((e) => (e.type === 'run.samples' ? e.images.map((im) => im.png) : [])));
    }
    expect(grids[0]).toHaveLength(1);
    expect(grids[1]).toEqual(grids[0]);
  });

  it('stops at the next batch, keeps the weights and reports no partial epoch', async () => {
    const doc = tinyGan();
    const events: HostEvent[] = [];
    const { recorder, calls } = fakeRecorder();
    let asked = 0;
    await runGan(
      { runId: 'gan', document: doc },
      // Asked once after each batch: stop after the second of four.
      { tf, emit: (e) => events.push(e), stopRequested: () => ++asked >= 2, recorder },
      setupFor(doc),
      { train: randomImages(64, 1), validation: null, task: 'classification' },
    );
    expect(events.filter((e) => e.type === 'run.epoch')).toHaveLength(0);
    expect(events.at(-1)).toMatchObject({ type: 'run.finished', status: 'stopped', epochsDone: 0 });
    expect(events.flatMap((e) => (e.type === 'run.batches' ? e.points : []))).toHaveLength(2);
    expect(calls.checkpoints).toHaveLength(1);
  });

  it('continues from a recorded checkpoint of both networks', async () => {
    const runDir = mkdtempSync(join(tmpdir(), 'layerlab-gan-'));
    try {
      const doc = tinyGan();
      doc.training.epochs = 1;
      const data = { train: randomImages(32, 1), validation: null, task: 'classification' as const };
      await runGan({ runId: 'gan', document: doc }, { tf, emit: () => undefined, recorder: openRecorder(runDir) }, setupFor(doc), data);
      const events: HostEvent[] = [];
      await runGan(
        { runId: 'gan2', document: doc, resume: { runDir, epochsDone: 1 } },
        { tf, emit: (e) => events.push(e), loadCheckpoint: (dir) => loadCheckpoint(tf, dir, 'last') },
        setupFor(doc),
        data,
      );
      expect(events.find((e) => e.type === 'run.started')).toMatchObject({ initialEpoch: 1, epochs: 2 });
      expect(events.flatMap((e) => (e.type === 'run.epoch' ? [e.epoch] : []))).toEqual([2]);

      const changed = setParam(doc, 'g_dense', 'units', 16);
      await expect(
        runGan(
          { runId: 'gan3', document: changed, resume: { runDir, epochsDone: 1 } },
          { tf, emit: () => undefined, loadCheckpoint: (dir) => loadCheckpoint(tf, dir, 'last') },
          setupFor(changed),
          data,
        ),
      ).rejects.toThrow('The GAN changed since that run');
    } finally {
      rmSync(runDir, { recursive: true, force: true });
    }
  });

  it('trains the DCGAN template one short epoch on wasm', async () => {
    await selectBackend(tf, 'wasm');
    const doc = template('dcgan-mnist');
    doc.training = { ...doc.training, epochs: 1, batchSize: 16 };
    doc.data = { ...doc.data, limit: 64 };
    const events: HostEvent[] = [];
    await trainGan({ runId: 'dcgan', document: doc, backend: 'wasm' }, { tf, emit: (e) => events.push(e) });
    expect(events.find((e) => e.type === 'run.started')).toMatchObject({ backend: { name: 'wasm' }, samples: { train: 58, validation: 6 } });
    const epoch = events.find((e) => e.type === 'run.epoch');
    expect(epoch?.type === 'run.epoch' && [epoch.logs.d_loss, epoch.logs.g_loss, epoch.logs.val_loss].every(Number.isFinite)).toBe(true);
    expect(events.filter((e) => e.type === 'run.samples')).toHaveLength(1);
    expect(events.at(-1)).toMatchObject({ type: 'run.finished', status: 'completed' });
  }, 120_000);
});
