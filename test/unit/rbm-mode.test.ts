import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { emptyProject, type ProjectDoc } from '../../app/document/schema';
import type { HostEvent } from '../../app/protocol/events';
import { train } from '../../main/engine/train';
import { checkpointMeta, loadCheckpoint, openRecorder } from '../../main/record/recorder';
import { edge, node } from './helpers';

/** MNIST pixels → RBM(32) → RBM(16): two stacked RBMs, the second on the first's hidden probabilities. */
function stacked(persistent: boolean): ProjectDoc {
  const doc = emptyProject('stacked rbms');
  doc.graph = {
    nodes: [node('in', 'InputLayer', { shape: [784] }), node('rbm_a', 'RBM', { units: 32, persistent }), node('rbm_b', 'RBM', { units: 16, persistent })],
    edges: [edge('in', 'rbm_a'), edge('rbm_a', 'rbm_b')],
  };
  doc.data = { ...doc.data, dataset: 'mnist', limit: 400 };
  doc.training = { ...doc.training, mode: 'rbm', learningRate: 0.1, batchSize: 20, epochs: 2, validationSplit: 0.25, seed: 3 };
  return doc;
}

async function run(doc: ProjectDoc, dir?: string): Promise<HostEvent[]> {
  const events: HostEvent[] = [];
  await train(
    { runId: 'rbm', document: doc, backend: 'wasm' },
    { tf, emit: (e) => events.push(e), stopRequested: () => false, ...(dir ? { recorder: openRecorder(dir) } : {}) },
  );
  return events;
}

describe('rbm training mode', () => {
  it.each([false, true])(
    'trains two stacked RBMs (persistent CD: %s), reporting both scores per batch and epoch',
    async (persistent) => {
      const dir = mkdtempSync(join(tmpdir(), 'layerlab-rbm-'));
      try {
        const events = await run(stacked(persistent), dir);
        expect(events.at(-1)).toMatchObject({ type: 'run.finished', status: 'completed' });
        const points = events.flatMap((e) => (e.type === 'run.batches' ? e.points : []));
        expect(points.length).toBe(2 * 15);
        expect(points.every((p) => Number.isFinite(p.values?.reconstruction_error) && Number.isFinite(p.values?.pseudo_likelihood))).toBe(true);
        expect(points.at(-1)!.loss).toBeLessThan(points[0]!.loss);
        const epochs = events.flatMap((e) => (e.type === 'run.epoch' ? [e.logs] : []));
        expect(epochs).toHaveLength(2);
        expect(epochs[1]!.val_reconstruction_error).toBeLessThan(epochs[0]!.first_batch_reconstruction_error!);
        const samples = events.find((e) => e.type === 'run.samples');
        expect(samples?.type === 'run.samples' && samples.images.map((i) => i.caption)).toEqual([
          expect.stringMatching(/^Weights of the first 32 hidden units as 28×28 images/),
          expect.stringMatching(/reconstructions/),
        ]);
        // Both RBMs learned: their weights moved far from the N(0, 0.01) start, and the checkpoint holds them.
        expect(checkpointMeta(dir, 'last')?.epoch).toBe(2);
        const saved = await loadCheckpoint(tf, dir, 'last');
        for (const name of ['rbm_a', 'rbm_b']) {
          const kernel = saved.getLayer(name).getWeights()[0]!;
          expect(tf.moments(kernel).variance.sqrt().dataSync()[0]).toBeGreaterThan(0.012);
        }
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
    120_000,
  );

  it('pretrains, then fine-tunes a classifier head on the labels in the second half of the epochs', async () => {
    const doc = stacked(false);
    doc.graph = {
      nodes: [...doc.graph.nodes, node('head', 'Dense', { units: 10, activation: 'softmax' })],
      edges: [...doc.graph.edges, edge('rbm_b', 'head')],
    };
    const epochs = (await run(doc)).flatMap((e) => (e.type === 'run.epoch' ? [e.logs] : []));
    expect(epochs).toHaveLength(2);
    expect(epochs[0]!.reconstruction_error).toEqual(expect.any(Number));
    expect(epochs[0]!.accuracy).toBeUndefined();
    expect(epochs[1]!.val_accuracy).toBeGreaterThanOrEqual(0);
    expect(epochs[1]!.reconstruction_error).toBeUndefined();
  }, 60_000);

  it('checks a head against the labels as a standard network is checked', async () => {
    const doc = stacked(false);
    doc.graph = { nodes: [...doc.graph.nodes, node('head', 'Dense', { units: 1 })], edges: [...doc.graph.edges, edge('rbm_b', 'head')] };
    await expect(run(doc)).rejects.toThrow(/has 10 classes, but the output layer has 1 units/);
  });

  it('refuses a graph without an RBM, naming the fix', async () => {
    const doc = stacked(false);
    doc.graph = { nodes: [node('in', 'InputLayer', { shape: [784] }), node('d', 'Dense', { units: 4 })], edges: [edge('in', 'd')] };
    await expect(run(doc)).rejects.toThrow(/has none\. Add an RBM after the Input/);
  });
});
