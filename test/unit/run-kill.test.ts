import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { ProjectDoc } from '../../app/document/schema';
import type { EngineCommand } from '../../app/protocol/engine';
import type { EventOf, HostEvent, HostEventType } from '../../app/protocol/events';
import type { EngineProcess } from '../../main/service/engine-process';
import { forkEngine } from '../../main/service/fork-engine';
import { appPaths } from '../../main/service/paths';
import { readBatches, readEpochs } from '../../main/service/run-history';
import { RunStore } from '../../main/service/run-store';
import { RunManager } from '../../main/service/runs';
import { ROOT, template } from './helpers';

const paths = appPaths(ROOT);
const PROJECT = 'kill_test_project';
const made: string[] = [];
afterAll(() => made.forEach((d) => rmSync(d, { recursive: true, force: true })));

function dataDir(): string {
  const d = mkdtempSync(join(tmpdir(), 'layerlab-kill-'));
  made.push(d);
  return d;
}

/** A service-side run manager over the built engine, recording into `data`, that remembers what it sent. */
function host(data: string) {
  const events: HostEvent[] = [];
  const sent: EngineCommand[] = [];
  let engine: EngineProcess | undefined;
  const launch = forkEngine(paths.engine);
  const spy = (): EngineProcess => {
    const e = launch();
    engine = e;
    return {
      ...e,
      send: (m) => {
        sent.push(m as EngineCommand);
        e.send(m);
      },
      pid: e.pid,
    };
  };
  const store = new RunStore(data);
  const runs = new RunManager(spy, (e) => events.push(e), store);
  const until = <T extends HostEventType>(type: T, pred: (e: EventOf<T>) => boolean = () => true) =>
    new Promise<EventOf<T>>((resolve, reject) => {
      const timer = setInterval(() => {
        const hit = events.find((e): e is EventOf<T> => e.type === type && pred(e as EventOf<T>));
        const failed = events.find((e) => e.type === 'run.failed');
        if (hit || failed) clearInterval(timer);
        if (hit) resolve(hit);
        else if (failed && type !== 'run.failed') reject(new Error(`run failed: ${failed.message}`));
      }, 10);
    });
  const epochs = () => events.filter((e): e is EventOf<'run.epoch'> => e.type === 'run.epoch');
  return { runs, store, events, sent, until, epochs, pid: () => engine!.pid! };
}

function project(): ProjectDoc {
  const doc = template('mlp-spirals');
  doc.id = PROJECT;
  doc.training.epochs = 400;
  doc.training.seed = 7;
  return doc;
}

describe('a run survives its engine being killed', () => {
  const data = dataDir();
  let killedRunId = '';
  let seenEpochs: EventOf<'run.epoch'>[] = [];

  it('lists the killed run with its metrics up to the kill', async () => {
    const h = host(data);
    const runId = h.runs.start(project());
    killedRunId = runId;
    await h.until('run.epoch', (e) => e.epoch >= 4);
    // Hold still at a batch boundary so "what the UI saw" and "what was written" can be compared exactly.
    expect(h.runs.control(runId, 'pause')).toBe(true);
    const paused = await h.until('run.paused');
    process.kill(h.pid(), 'SIGKILL');
    await h.runs.idle();
    seenEpochs = h.epochs();
    expect(h.events.at(-1)).toMatchObject({ type: 'run.failed', message: 'Interrupted: the training engine was killed.' });

    // A reopened app: a fresh store over the same folder.
    const [run] = await new RunStore(data).list(PROJECT);
    expect(run).toMatchObject({ id: runId, status: 'interrupted', epochsDone: seenEpochs.length, final: seenEpochs.at(-1)!.logs, weights: { last: true } });
    expect(run!.error).toMatch(/killed/);
    expect(run!.backend?.name).toBeTruthy();

    const dir = h.store.runDir(PROJECT, runId);
    const recorded = await readEpochs(dir);
    expect(readFileSync(join(dir, 'epochs.jsonl'), 'utf8').trim().split('\n')).toHaveLength(seenEpochs.length);
    expect(recorded.map((r) => r.logs)).toEqual(seenEpochs.map((e) => e.logs));
    // Every batch up to the one it paused after is on disk.
    const batches = await readBatches(dir);
    expect(batches.at(-1)?.step).toBe(paused.step);
    expect(batches.map((b) => b.step)).toEqual(Array.from({ length: paused.step }, (_, i) => i + 1));
    const detail = await new RunStore(data).get(PROJECT, runId);
    expect(detail.epochs).toHaveLength(seenEpochs.length);
    expect(detail.snapshot.id).toBe(PROJECT);
  });

  it('calls a run interrupted when the app itself died with it', async () => {
    const dir = new RunStore(data).runDir(PROJECT, killedRunId);
    // What the app would have left had it died before writing how the run ended.
    const summary = JSON.parse(readFileSync(join(dir, 'run.json'), 'utf8'));
    writeFileSync(join(dir, 'run.json'), JSON.stringify({ ...summary, status: 'running', epochsDone: 0, final: null, best: null, error: null }));
    const [run] = await new RunStore(data).list(PROJECT);
    expect(run).toMatchObject({
      id: killedRunId,
      status: 'interrupted',
      epochsDone: seenEpochs.length,
      final: seenEpochs.at(-1)!.logs,
      weights: { last: true },
    });
    expect(run!.best?.epoch).toBeGreaterThanOrEqual(1);
  });

  it('continues the killed run from its saved weights at the next epoch', async () => {
    const h = host(data);
    const doc = project();
    // Continuing trains this many more epochs, numbered on from the earlier run's.
    doc.training.epochs = 2;
    const runId = h.runs.start(doc, undefined, killedRunId);
    const start = h.sent.find((c): c is Extract<EngineCommand, { type: 'start' }> => c.type === 'start')!;
    expect(start.runDir).toBe(h.store.runDir(PROJECT, runId));
    expect(start.resume).toEqual({ runDir: h.store.runDir(PROJECT, killedRunId), epochsDone: seenEpochs.length });
    await h.runs.idle();
    const started = h.events.find((e): e is EventOf<'run.started'> => e.type === 'run.started')!;
    expect(started.initialEpoch).toBe(seenEpochs.length);
    expect(h.epochs().map((e) => e.epoch)).toEqual([seenEpochs.length + 1, seenEpochs.length + 2]);
    // Fresh weights would start near the first epoch's loss; the saved ones start near where the kill left off.
    const first = seenEpochs[0]!.logs.loss;
    const last = seenEpochs.at(-1)!.logs.loss;
    expect(Math.abs(h.epochs()[0]!.logs.loss - last)).toBeLessThan(Math.abs(h.epochs()[0]!.logs.loss - first));
    const runs = await new RunStore(data).list(PROJECT);
    expect(runs.map((r) => [r.id, r.status])).toEqual([
      [runId, 'completed'],
      [killedRunId, 'interrupted'],
    ]);
    expect(runs[0]).toMatchObject({ continuedFrom: killedRunId, epochsDone: seenEpochs.length + 2, weights: { last: true } });
  });
});
