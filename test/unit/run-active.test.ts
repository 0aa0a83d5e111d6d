import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { EVENT_VERSION } from '../../app/protocol/events';
import type { EngineProcess } from '../../main/service/engine-process';
import { appPaths } from '../../main/service/paths';
import { createService } from '../../main/service/service';
import { ROOT, template } from './helpers';

const made: string[] = [];
afterAll(() => made.forEach((d) => rmSync(d, { recursive: true, force: true })));

/** An engine that says only what the test tells it to, so the host's view of the run is exact. */
function scriptedEngine() {
  let onMessage: (m: unknown) => void = () => undefined;
  let onExit: (code: number | null, tail: string) => void = () => undefined;
  const engine: EngineProcess = {
    send: (m) => {
      if ((m as { type: string }).type === 'stop') queueMicrotask(() => onExit(0, ''));
    },
    onMessage: (l) => (onMessage = l),
    onExit: (l) => (onExit = l),
    kill: () => undefined,
  };
  return { engine, say: (m: unknown) => onMessage(m) };
}

function service() {
  const dataDir = mkdtempSync(join(tmpdir(), 'layerlab-active-'));
  made.push(dataDir);
  const fake = scriptedEngine();
  const svc = createService({ host: 'web', version: 'test', paths: appPaths(ROOT), dataDir, launchEngine: () => fake.engine, emit: () => undefined });
  return { svc, say: fake.say };
}

const backend = { name: 'wasm', device: 'CPU (WebAssembly, SIMD)', reason: 'tensorflow did not load' } as const;

describe('run.active: the run a reloaded window reattaches to', () => {
  it('is null when nothing trains, and refuses a payload with junk in it gracefully', async () => {
    const { svc } = service();
    expect(await svc.handle('run.active', {})).toEqual({ run: null });
    await expect(svc.handle('run.active', 'nope')).rejects.toThrow(/Invalid run.active request/);
  });

  it('names the run, its project and what run.started said, follows pause, and ends with the run', async () => {
    const { svc, say } = service();
    const doc = template('mlp-spirals');
    doc.id = 'active_project';
    const { runId } = (await svc.handle('run.start', { document: doc })) as { runId: string };
    // Before the engine has started, a window learns the run exists but not its shape.
    expect(await svc.handle('run.active', {})).toEqual({ run: { runId, projectId: 'active_project', paused: false, started: null } });
    const samples = { train: 800, validation: 200 };
    say({ v: EVENT_VERSION, type: 'run.started', runId, backend, epochs: 30, batchesPerEpoch: 25, samples, loss: 'categoricalCrossentropy', initialEpoch: 0 });
    const started = { backend, epochs: 30, batchesPerEpoch: 25, samples, loss: 'categoricalCrossentropy', initialEpoch: 0, continuedFrom: null };
    expect(await svc.handle('run.active', {})).toEqual({ run: { runId, projectId: 'active_project', paused: false, started } });
    say({ v: EVENT_VERSION, type: 'run.paused', runId, step: 12 });
    expect(await svc.handle('run.active', {})).toMatchObject({ run: { runId, paused: true } });
    say({ v: EVENT_VERSION, type: 'run.resumed', runId });
    expect(await svc.handle('run.active', {})).toMatchObject({ run: { runId, paused: false } });
    // Once Stop is asked for, the run is on its way out: no window should attach to it.
    expect(await svc.handle('run.stop', { runId })).toEqual({ stopped: true });
    expect(await svc.handle('run.active', {})).toEqual({ run: null });
    await svc.runs.idle();
    expect(await svc.handle('run.active', {})).toEqual({ run: null });
  });
});
