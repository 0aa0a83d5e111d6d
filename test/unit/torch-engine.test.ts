import * as tf from '@tensorflow/tfjs';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ProjectDoc } from '../../app/document/schema';
import type { HostEvent } from '../../app/protocol/events';
import { RunControls } from '../../main/engine/controls';
import { evaluateRun } from '../../main/engine/evaluate/evaluate';
import { train } from '../../main/engine/train';
import { openRecorder, RUN_FILES } from '../../main/record/recorder';
import { PYTHON, tempDir, template } from './export-helpers';

/** The MLP template on a subset: seconds, not minutes, on two shared cores. */
function smallMlp(epochs: number, limit: number): ProjectDoc {
  const doc = template('mlp-mnist');
  return { ...doc, data: { ...doc.data, limit }, training: { ...doc.training, epochs, batchSize: 32 } };
}

function startRun(doc: ProjectDoc) {
  const events: HostEvent[] = [];
  const waiters: { test: (e: HostEvent) => boolean; resolve: (e: HostEvent) => void }[] = [];
  const emit = (e: HostEvent) => {
    events.push(e);
    for (const w of waiters.filter((w) => w.test(e))) {
      waiters.splice(waiters.indexOf(w), 1);
      w.resolve(e);
    }
  };
  const controls = new RunControls(
    (step) => emit({ v: 1, type: 'run.paused', runId: 'r', step }),
    () => emit({ v: 1, type: 'run.resumed', runId: 'r' }),
  );
  const runDir = tempDir('torch-run');
  const done = train(
    { runId: 'r', document: doc, backend: 'pytorch', runDir, ...(PYTHON.python ? { python: PYTHON.python } : {}) },
    { tf, emit, controls, recorder: openRecorder(runDir) },
  );
  const next = <T extends HostEvent['type']>(type: T, test: (e: Extract<HostEvent, { type: T }>) => boolean = () => true) =>
    new Promise<Extract<HostEvent, { type: T }>>((resolve) => {
      const found = events.find((e) => e.type === type && test(e as Extract<HostEvent, { type: T }>));
      if (found) {
        resolve(found as Extract<HostEvent, { type: T }>);
        return;
      }
      waiters.push({
        test: (e) => e.type === type && test(e as Extract<HostEvent, { type: T }>),
        resolve: (e) => resolve(e as Extract<HostEvent, { type: T }>),
      });
    });
  return { events, controls, runDir, done, next };
}

const losses = (events: HostEvent[]) => events.flatMap((e) => (e.type === 'run.batches' ? e.points.map((p) => p.loss) : []));

describe.skipIf(!PYTHON.python)(`the PyTorch engine (${PYTHON.python ?? PYTHON.why})`, () => {
  it('trains the MLP template: live events, loss falls, a record with metrics and a checkpoint that evaluation loads', async () => {
    const doc = smallMlp(2, 1200);
    const run = startRun(doc);
    await run.done;
    const started = run.events.find((e) => e.type === 'run.started');
    expect(started?.type === 'run.started' && started.backend.name).toBe('pytorch');
    expect(started?.type === 'run.started' && started.backend.device).toMatch(/CPU|GPU/);
    const finished = run.events.find((e) => e.type === 'run.finished');
    expect(finished).toMatchObject({ status: 'completed', epochsDone: 2 });
    const epochs = run.events.filter((e) => e.type === 'run.epoch');
    expect(epochs).toHaveLength(2);
    const l = losses(run.events);
    expect(l.length).toBe(2 * 34);
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    expect(mean(l.slice(-10))).toBeLessThan(mean(l.slice(0, 10)) * 0.7);

    const history = readFileSync(join(run.runDir, RUN_FILES.epochs), 'utf8').trim().split('\n');
    expect(history).toHaveLength(2);
    expect(JSON.parse(history[1]!)).toMatchObject({ epoch: 2, logs: { loss: expect.any(Number), val_accuracy: expect.any(Number) } });
    expect(existsSync(join(run.runDir, 'pytorch', 'checkpoints', 'last.pt'))).toBe(true);
    // The per-epoch copies were read and removed; only the state_dict stays.
    expect(readdirSync(join(run.runDir, 'pytorch', 'checkpoints'))).toEqual(['last.pt']);

    const report = await evaluateRun(tf, { runId: 'r', document: doc, runDir: run.runDir, weights: 'last' }, () => undefined);
    expect(report.epoch).toBe(2);
    const accuracy = (report.result as { accuracy?: number }).accuracy;
    // Ten classes: chance is 0.1; two short epochs on 1,080 digits reach well above it.
    expect(accuracy).toBeGreaterThan(0.6);
  }, 180_000);

  it('pauses after a batch, steps exactly one, and a stop keeps the weights reached', async () => {
    const run = startRun(smallMlp(3, 6000));
    await run.next('run.batches');
    run.controls.pause();
    const paused = await run.next('run.paused');
    const seen = () => Math.max(...losses(run.events).map((_, i) => i + 1));
    await new Promise((r) => setTimeout(r, 700));
    expect(seen()).toBe(paused.step);
    run.controls.step();
    const again = await run.next('run.paused', (e) => e.step > paused.step);
    expect(again.step).toBe(paused.step + 1);
    run.controls.stop();
    await run.done;
    expect(run.events.filter((e) => e.type === 'run.finished' || e.type === 'run.failed')).toMatchObject([{ status: 'stopped', epochsDone: 0 }]);
    expect(existsSync(join(run.runDir, RUN_FILES.weights, 'last', 'model.json'))).toBe(true);
  }, 180_000);
});
