import * as tf from '@tensorflow/tfjs';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import type { HostEvent } from '../../app/protocol/events';
import { buildModel } from '../../main/engine/build-model';
import { analyzeGraph } from '../../app/analysis/analyze';
import { train } from '../../main/engine/train';
import type { RunObserver } from '../../main/engine/run/observer';
import { checkpointMeta, openRecorder, RUN_FILES } from '../../main/record/recorder';
import { dataSettingsSchema } from '../../app/data/catalog';
import { emptyProject } from '../../app/document/schema';
import { importUserData } from '../../main/data/complete';
import { imageFolder, tempDir } from '../fixtures/user-data';
import { edge, node, template } from './helpers';

async function run(doc: ReturnType<typeof template>, stopAfterBatches = Infinity) {
  const events: HostEvent[] = [];
  let batches = 0;
  await train(
    { runId: 'test', document: doc, backend: 'wasm' },
    {
      tf,
      emit: (e) => {
        events.push(e);
        if (e.type === 'run.batches') batches += e.points.length;
      },
      stopRequested: () => batches >= stopAfterBatches,
    },
  );
  return events;
}

describe('training in the engine', () => {
  it('compiles the document into a tfjs model with Keras names and counts', () => {
    const doc = template('mlp-mnist');
    const model = buildModel(tf, doc, analyzeGraph(doc.graph));
    expect(model.layers.map((l) => l.name)).toEqual(['input_1', 'dense_1', 'dense_2']);
    expect(model.countParams()).toBe(101_770);
    model.dispose();
  });

  it('trains an MLP on spirals until the loss falls below half its start', async () => {
    const doc = template('mlp-spirals');
    doc.training.epochs = 30;
    const events = await run(doc);
    const started = events.find((e) => e.type === 'run.started');
    expect(started).toMatchObject({ backend: { name: 'wasm' }, epochs: 30, samples: { train: 800, validation: 200 } });
    const batches = events.flatMap((e) => (e.type === 'run.batches' ? e.points : []));
    const epochs = events.filter((e) => e.type === 'run.epoch');
    expect(epochs).toHaveLength(30);
    const first = batches[0]!.loss;
    const last = epochs.at(-1)!.logs;
    expect(last.loss).toBeLessThan(first / 2);
    expect(last.val_accuracy).toBeGreaterThan(0.9);
    expect(events.at(-1)).toMatchObject({ type: 'run.finished', status: 'completed', epochsDone: 30 });
  });

  it('throttles batch events instead of sending one per batch', async () => {
    const doc = template('mlp-spirals');
    doc.training.epochs = 5;
    doc.training.batchSize = 4;
    const events = await run(doc);
    const messages = events.filter((e) => e.type === 'run.batches');
    const points = messages.flatMap((e) => e.points);
    expect(points).toHaveLength(5 * 200);
    expect(points.map((p) => p.step)).toEqual(Array.from({ length: 1000 }, (_, i) => i + 1));
    expect(messages.length).toBeLessThan(points.length / 2);
  });

  it('stops at the next batch when asked', async () => {
    const doc = template('mlp-spirals');
    doc.training.epochs = 500;
    const events = await run(doc, 10);
    expect(events.at(-1)).toMatchObject({ type: 'run.finished', status: 'stopped' });
    expect(events.filter((e) => e.type === 'run.epoch').length).toBeLessThan(3);
  });

  it('has each epoch on disk, history and weights, before the UI hears of it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'layerlab-train-'));
    try {
      const doc = template('mlp-spirals');
      doc.training.epochs = 3;
      const seen: { epoch: number; logs: unknown; onDisk: unknown; weightsEpoch: number | undefined }[] = [];
      await train(
        { runId: 'disk', document: doc, backend: 'wasm' },
        {
          tf,
          recorder: openRecorder(dir),
          emit: (e) => {
            if (e.type !== 'run.epoch') return;
            const lines = readFileSync(join(dir, RUN_FILES.epochs), 'utf8').trim().split('\n');
            const last = JSON.parse(lines.at(-1)!) as { epoch: number; logs: unknown };
            seen.push({ epoch: e.epoch, logs: e.logs, onDisk: lines.length === e.epoch ? last : null, weightsEpoch: checkpointMeta(dir, 'last')?.epoch });
          },
        },
      );
      expect(seen.map((s) => s.epoch)).toEqual([1, 2, 3]);
      for (const s of seen) {
        expect(s.onDisk).toMatchObject({ epoch: s.epoch, logs: s.logs });
        expect(s.weightsEpoch).toBe(s.epoch);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('calls observers with the model and a sample of in-memory examples, batch by batch and epoch by epoch', async () => {
    const doc = template('mlp-spirals');
    doc.training.epochs = 2;
    const seen = { start: '', batches: 0, epochs: [] as number[], disposed: 0 };
    const observer: RunObserver = {
      start: ({ model, sample }) => {
        const s = sample(3)!;
        seen.start = `${model.name} x ${s.xs.map((x) => x.shape.join('x')).join()} y ${s.y.shape.join('x')}`;
        tf.dispose([...s.xs, s.y]);
      },
      afterBatch: () => {
        seen.batches++;
      },
      afterEpoch: ({ epoch }) => void seen.epochs.push(epoch),
      dispose: () => {
        seen.disposed++;
      },
    };
    const events: HostEvent[] = [];
    await train({ runId: 'obs', document: doc, backend: 'wasm' }, { tf, emit: (e) => events.push(e), observers: [observer] });
    const started = events.find((e) => e.type === 'run.started');
    expect(seen).toEqual({
      start: `${doc.name.replace(/[^A-Za-z0-9_.-]+/g, '_')} x 3x2 y 3x2`,
      batches: 2 * started!.batchesPerEpoch,
      epochs: [1, 2],
      disposed: 1,
    });
  });

  it('streams an image folder through the same skeleton, probing wasm on a streamed batch', async () => {
    const dir = tempDir();
    onTestFinished(() => {
      rmSync(dir, { recursive: true, force: true });
    });
    const root = await imageFolder(dir, ['a', 'b'], 8, 8);
    const data = dataSettingsSchema.parse({ dataset: 'images', source: { path: root, images: { size: [8, 8], color: 'rgb' } }, split: { validation: 0.25 } });
    const doc = emptyProject('folder');
    doc.data = (await importUserData('images', data)).settings;
    doc.graph = {
      nodes: [node('input_1', 'InputLayer', { shape: [8, 8, 3] }), node('flatten_1', 'Flatten'), node('dense_1', 'Dense', { units: 2, activation: 'softmax' })],
      edges: [edge('input_1', 'flatten_1'), edge('flatten_1', 'dense_1')],
    };
    doc.training = { ...doc.training, epochs: 2, batchSize: 4 };
    let sampled: unknown = 'not called';
    const events: HostEvent[] = [];
    await train(
      { runId: 'folder', document: doc, backend: 'wasm' },
      { tf, emit: (e) => events.push(e), observers: [{ start: ({ sample }) => void (sampled = sample(2)) }] },
    );
    expect(events.find((e) => e.type === 'run.started')).toMatchObject({
      backend: { name: 'wasm' },
      samples: { train: 12, validation: 4 },
      batchesPerEpoch: 3,
    });
    expect(events.flatMap((e) => (e.type === 'run.epoch' ? [e.epoch] : []))).toEqual([1, 2]);
    expect(events.at(-1)).toMatchObject({ type: 'run.finished', status: 'completed', epochsDone: 2 });
    // Streamed examples are not held in memory, so an observer gets none.
    expect(sampled).toBeNull();
  });

  it('refuses a graph with errors, naming the problem', async () => {
    const doc = template('mlp-spirals');
    doc.graph.edges = [];
    await expect(run(doc)).rejects.toThrow('The network has errors: This layer is not connected to anything.');
  });

  it('refuses data that does not fit, naming the fix', async () => {
    const doc = template('mlp-spirals');
    doc.data.dataset = 'iris';
    await expect(run(doc)).rejects.toThrow('Iris examples have shape (4,) (4 values), but input_1 expects (2,). Fix: Set input_1 shape to (4,).');
  });
});
