import * as tf from '@tensorflow/tfjs';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { HostEvent } from '../../app/protocol/events';
import type { DynamicsView, TrainingView } from '../../app/protocol/views';
import { openRecorder } from '../../main/record/recorder';
import { fingerprint, RunStore } from '../../main/service/run-store';
import { train } from '../../main/engine/train';
import { recordingViews, viewObservers } from '../../main/engine/views';
import { template } from './helpers';

const made: string[] = [];
afterAll(() => made.forEach((d) => rmSync(d, { recursive: true, force: true })));
const PROJECT = 'proj_dyn001';

function store(): RunStore {
  const d = mkdtempSync(join(tmpdir(), 'layerlab-dynamics-'));
  made.push(d);
  return new RunStore(d);
}

/** The deep-sigmoid template, small: what a teacher opens from the run history to show the vanishing gradient. */
function sigmoidDoc() {
  const doc = template('deep-sigmoid-mnist');
  doc.id = PROJECT;
  // 4,050 training examples: 64 batches an epoch, enough for every epoch to be measured (MIN_BATCHES_BETWEEN).
  doc.data = { ...doc.data, limit: 4500 };
  doc.training = { ...doc.training, epochs: 3 };
  return doc;
}

const close = (a: number, b: number) => Math.abs(a - b) <= Math.abs(b) * 1e-3 + 1e-12;

describe('training dynamics in the run record', () => {
  it('are written to the run folder before the UI hears of them and come back with the run, per epoch', async () => {
    const runs = store();
    const doc = sigmoidDoc();
    const dir = runs.create(PROJECT, doc, { runId: 'run-dyn1', epochs: 3, dataset: 'mnist', fingerprint: fingerprint(doc.data), continuedFrom: null });
    const recorder = openRecorder(dir);
    const heard: DynamicsView[] = [];
    const send = (view: TrainingView) => {
      // By the time the UI hears of an epoch's dynamics, its line is on disk.
      if (view.kind === 'dynamics') {
        const lines = readFileSync(join(dir, 'dynamics.jsonl'), 'utf8').trim().split('\n');
        expect(JSON.parse(lines.at(-1)!)).toMatchObject({ kind: 'dynamics', epoch: view.epoch });
        heard.push(view);
      }
    };
    const events: HostEvent[] = [];
    await train(
      { runId: 'run-dyn1', document: doc, backend: 'wasm', runDir: dir },
      { tf, emit: (e) => events.push(e), recorder, observers: viewObservers(tf, doc, recordingViews(recorder, send)) },
    );
    expect(events.at(-1)).toMatchObject({ type: 'run.finished', status: 'completed' });
    expect(heard.map((d) => d.epoch)).toEqual([1, 2, 3]);

    const detail = await runs.get(PROJECT, 'run-dyn1');
    expect(detail.dynamics.map((d) => d.epoch)).toEqual([1, 2, 3]);
    for (const [i, saved] of detail.dynamics.entries()) {
      const live = heard[i]!;
      expect(saved.layers.map((l) => l.name)).toEqual(live.layers.map((l) => l.name));
      saved.layers.forEach((l, j) => {
        const w = live.layers[j]!;
        expect(close(l.gradNorm, w.gradNorm) && close(l.weightNorm, w.weightNorm)).toBe(true);
        expect(l.grads.counts).toEqual(w.grads.counts);
        expect(l.weights.counts).toEqual(w.weights.counts);
        expect(close(l.activation!.std, w.activation!.std)).toBe(true);
      });
    }
    // What the history's chart shows: the sigmoid stack's first layer gets far less gradient than its last.
    const last = detail.dynamics.at(-1)!.layers;
    expect(last[0]!.gradNorm / last.at(-1)!.gradNorm).toBeLessThan(0.1);
    // Compact: 4 significant digits, a few kilobytes per epoch for seven layers.
    const bytes = readFileSync(join(dir, 'dynamics.jsonl')).length;
    expect(bytes / 3).toBeLessThan(8000);
  }, 120_000);

  it('skips a torn last line and keeps the latest line of an epoch written twice', async () => {
    const runs = store();
    const doc = sigmoidDoc();
    const dir = runs.create(PROJECT, doc, { runId: 'run-dyn2', epochs: 3, dataset: 'mnist', fingerprint: fingerprint(doc.data), continuedFrom: null });
    const layer = (gradNorm: number) => ({
      name: 'dense_1',
      gradNorm,
      weightNorm: 1,
      weights: { min: -1, max: 1, counts: [1, 2] },
      grads: { min: -1, max: 1, counts: [2, 1] },
      activation: { mean: 0.5, std: 0.1, dead: null },
    });
    const line = (epoch: number, g: number) => JSON.stringify({ kind: 'dynamics', epoch, layers: [layer(g)] });
    writeFileSync(join(dir, 'dynamics.jsonl'), `${line(2, 0.2)}\n${line(1, 0.1)}\n${line(2, 0.25)}\n{"kind":"dynamics","epoch":3,"lay`);
    const detail = await runs.get(PROJECT, 'run-dyn2');
    expect(detail.dynamics.map((d) => [d.epoch, d.layers[0]!.gradNorm])).toEqual([
      [1, 0.1],
      [2, 0.25],
    ]);
    // A recorder reopened on the torn file starts on a fresh line, so the next epoch reads.
    openRecorder(dir).dynamics({ kind: 'dynamics', epoch: 3, layers: [layer(0.3)] });
    expect((await runs.get(PROJECT, 'run-dyn2')).dynamics.map((d) => d.epoch)).toEqual([1, 2, 3]);
  });
});
