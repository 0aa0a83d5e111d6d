import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import type { HostEvent } from '../../app/protocol/events';
import { buildModel } from '../../main/engine/compile';
import { analyzeGraph } from '../../app/analysis/analyze';
import { train } from '../../main/engine/train';
import { template } from './helpers';

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
