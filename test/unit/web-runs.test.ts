import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { ProjectDoc } from '../../app/document/schema';
import { EVENT_VERSION, type HostEvent } from '../../app/protocol/events';
import type { EngineProcess } from '../../main/service/engine-process';
import { forkEngine } from '../../main/service/fork-engine';
import { appPaths } from '../../main/service/paths';
import { interruptedSummary } from '../../main/service/run-history';
import { RunStore } from '../../main/service/run-store';
import { MAX_ENGINES, RunManager } from '../../main/service/runs';
import { ROOT, template } from './helpers';

const made: string[] = [];
afterAll(() => made.forEach((d) => rmSync(d, { recursive: true, force: true })));
function dataDir(): string {
  const d = mkdtempSync(join(tmpdir(), 'layerlab-web-runs-'));
  made.push(d);
  return d;
}

const PROJECT = 'web_runs_project';
function doc(): ProjectDoc {
  const d = template('mlp-spirals');
  d.id = PROJECT;
  d.training.epochs = 1;
  return d;
}

/** An engine under the test's control: it says what it is told to, and exits only when told. */
function fakeEngines(opts: { sendThrows?: boolean } = {}) {
  const engines: { emit(m: unknown): void; exit(code: number | null): void; killed: boolean }[] = [];
  const launch = (): EngineProcess => {
    let onMessage: (m: unknown) => void = () => undefined;
    let onExit: (code: number | null, tail: string) => void = () => undefined;
    const e = { emit: (m: unknown) => onMessage(m), exit: (code: number | null) => onExit(code, ''), killed: false };
    engines.push(e);
    return {
      send: () => {
        if (opts.sendThrows) throw new RangeError('Maximum call stack size exceeded');
      },
      onMessage: (l) => (onMessage = l),
      onExit: (l) => (onExit = l),
      kill: () => (e.killed = true),
    };
  };
  return { launch, engines };
}

const started = (runId: string) => ({
  v: EVENT_VERSION,
  type: 'run.started',
  runId,
  backend: { name: 'cpu', device: 'CPU', reason: 'test' },
  epochs: 1,
  batchesPerEpoch: 1,
  samples: { train: 1, validation: 0 },
  loss: 'mse',
});

const runFolders = (data: string) => (existsSync(join(data, 'projects', PROJECT, 'runs')) ? readdirSync(join(data, 'projects', PROJECT, 'runs')) : []);

describe('starting a run claims nothing it cannot give back', () => {
  it('frees the slot, the process and the folder when the send to the engine throws', () => {
    const data = dataDir();
    const { launch, engines } = fakeEngines({ sendThrows: true });
    const runs = new RunManager(launch, () => undefined, new RunStore(data));
    expect(() => runs.start(doc())).toThrow(/could not be sent to the training engine/);
    expect(runs.busy).toBe(false);
    expect(engines[0]!.killed).toBe(true);
    expect(runFolders(data)).toEqual([]);
    // The next run is not refused as "already in progress".
    expect(() => runs.start(doc())).toThrow(/could not be sent/);
  });

  it('refuses params nested thousands deep without claiming the slot of a real engine', async () => {
    const data = dataDir();
    const runs = new RunManager(forkEngine(appPaths(ROOT).engine), () => undefined, new RunStore(data));
    const deep = doc();
    let nest: Record<string, unknown> = {};
    const top = nest;
    for (let i = 0; i < 20_000; i++) {
      const next: Record<string, unknown> = {};
      nest.x = next;
      nest = next;
    }
    deep.graph.nodes[0]!.params = { ...deep.graph.nodes[0]!.params, extra: top };
    // Hashing, the snapshot and the IPC clone all recurse: such a document is refused before any of them.
    expect(() => runs.start(deep)).toThrow(/nests deeper than 64 levels/);
    expect(runs.busy).toBe(false);
    expect(runFolders(data)).toEqual([]);
    runs.stop(runs.start(doc()));
    await runs.idle();
    expect(runs.busy).toBe(false);
  });

  it('validates the document before it spawns an engine or writes a snapshot', () => {
    const data = dataDir();
    const { launch, engines } = fakeEngines();
    const runs = new RunManager(launch, () => undefined, new RunStore(data));
    const broken = doc();
    broken.graph.edges = [];
    expect(() => runs.start(broken)).toThrow(/The network has errors|needs|connect/i);
    expect(engines).toHaveLength(0);
    expect(runFolders(data)).toEqual([]);
  });

  it('removes the record of a start that failed before training began', async () => {
    const data = dataDir();
    const { launch, engines } = fakeEngines();
    const events: HostEvent[] = [];
    const runs = new RunManager(launch, (e) => events.push(e), new RunStore(data));
    const runId = runs.start(doc());
    expect(runFolders(data)).toEqual([runId]);
    engines[0]!.emit({ v: EVENT_VERSION, type: 'run.failed', runId, message: 'Cannot read the data.' });
    await runs.idle();
    expect(runFolders(data)).toEqual([]);
    expect(events.at(-1)).toMatchObject({ type: 'run.failed', message: 'Cannot read the data.' });
  });

  it(`keeps at most ${MAX_ENGINES} engine processes alive`, async () => {
    const { launch, engines } = fakeEngines();
    const runs = new RunManager(launch, () => undefined);
    for (let i = 0; i < MAX_ENGINES; i++) {
      const id = runs.start(doc());
      runs.stop(id);
      await runs.idle();
    }
    // Stopped, killed, but not yet exited: no third process until one of them goes.
    expect(() => runs.start(doc())).toThrow(/still shutting down/);
    engines[0]!.exit(null);
    expect(() => runs.start(doc())).not.toThrow();
  });

  it('caps the run records one project keeps', () => {
    const data = dataDir();
    const store = new RunStore(data, 2);
    const { launch, engines } = fakeEngines();
    const runs = new RunManager(launch, () => undefined, store);
    for (let i = 0; i < 2; i++) {
      const id = runs.start(doc());
      engines[i]!.emit(started(id));
      engines[i]!.emit({ v: EVENT_VERSION, type: 'run.finished', runId: id, status: 'completed', epochsDone: 1, seconds: 1 });
      engines[i]!.exit(0);
    }
    expect(() => runs.start(doc())).toThrow(/already has 2 recorded runs/);
    expect(engines).toHaveLength(2);
  });
});

describe('interrupted, in the same words', () => {
  it('calls a run whose engine was killed interrupted, as it does a run whose host died', async () => {
    const data = dataDir();
    const store = new RunStore(data);
    const { launch, engines } = fakeEngines();
    const events: HostEvent[] = [];
    const runs = new RunManager(launch, (e) => events.push(e), store);
    const runId = runs.start(doc());
    engines[0]!.emit(started(runId));
    engines[0]!.exit(null);
    await runs.idle();
    const [killed] = await store.list(PROJECT);
    expect(killed).toMatchObject({ status: 'interrupted', error: 'Interrupted: the training engine was killed.' });
    expect(events.at(-1)).toMatchObject({ type: 'run.failed', message: 'Interrupted: the training engine was killed.' });

    const hostDied = await interruptedSummary({ ...killed!, status: 'running', error: null }, store.runDir(PROJECT, runId), null);
    expect(hostDied.status).toBe('interrupted');
    expect(hostDied.error).toMatch(/^Interrupted: the app closed or crashed/);
  });

  it('calls a run whose engine exited with an error code failed', async () => {
    const store = new RunStore(dataDir());
    const { launch, engines } = fakeEngines();
    const runs = new RunManager(launch, () => undefined, store);
    const runId = runs.start(doc());
    engines[0]!.emit(started(runId));
    engines[0]!.exit(3);
    await runs.idle();
    expect((await store.list(PROJECT))[0]).toMatchObject({ status: 'failed', error: expect.stringMatching(/exit code 3/) as unknown });
  });
});
