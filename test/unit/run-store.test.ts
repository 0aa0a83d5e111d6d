import { spawnSync } from 'node:child_process';
import { appendFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { ProjectDoc } from '../../app/document/schema';
import { runSummarySchema } from '../../app/protocol/runs';
import { openRecorder } from '../../main/record/recorder';
import { appPaths } from '../../main/service/paths';
import { fingerprint, projectIdForPath, RunStore, type NewRun } from '../../main/service/run-store';
import { createService } from '../../main/service/service';
import { ROOT, template } from './helpers';

const made: string[] = [];
function dataDir(): string {
  const d = mkdtempSync(join(tmpdir(), 'layerlab-store-'));
  made.push(d);
  return d;
}
afterAll(() => made.forEach((d) => rmSync(d, { recursive: true, force: true })));

const PROJECT = 'proj_abc123';

function doc(patch: Partial<ProjectDoc['training']> = {}): ProjectDoc {
  const d = template('mlp-spirals');
  d.id = PROJECT;
  d.training = { ...d.training, ...patch };
  return d;
}

const newRun = (runId: string, extra: Partial<NewRun> = {}): NewRun => ({
  runId,
  epochs: 5,
  dataset: 'spirals',
  fingerprint: fingerprint(doc().data),
  continuedFrom: null,
  ...extra,
});
const tick = () => new Promise((r) => setTimeout(r, 5));

/** Weights as the engine leaves them, without building a model. */
function fakeCheckpoint(runDir: string, which: 'last' | 'best', epoch: number): void {
  const d = join(runDir, 'weights', which);
  mkdirSync(d, { recursive: true });
  writeFileSync(join(d, 'weights.bin'), Buffer.alloc(4));
  writeFileSync(join(d, 'model.json'), JSON.stringify({ modelTopology: {}, weightsManifest: [], layerlab: { epoch, savedAt: '' } }));
}

describe('run store', () => {
  it('creates a run folder with its summary and the document it trains', () => {
    const store = new RunStore(dataDir());
    const dir = store.create(PROJECT, doc({ optimizer: 'adam', learningRate: 0.01 }), newRun('run-0001'));
    expect(dir).toBe(join(store.dataDir, 'projects', PROJECT, 'runs', 'run-0001'));
    const run = runSummarySchema.parse(JSON.parse(readFileSync(join(dir, 'run.json'), 'utf8')));
    expect(run).toMatchObject({
      id: 'run-0001',
      projectId: PROJECT,
      name: 'Run 1 · adam lr 0.01',
      notes: '',
      status: 'running',
      epochs: 5,
      epochsDone: 0,
      dataset: 'spirals',
      continuedFrom: null,
      backend: null,
      weights: { last: false, best: false },
    });
    expect(JSON.parse(readFileSync(join(dir, 'snapshot.json'), 'utf8'))).toEqual(doc({ optimizer: 'adam', learningRate: 0.01 }));
    const second = store.create(PROJECT, doc({ optimizer: 'sgd', learningRate: 0.1 }), newRun('run-0002'));
    expect(JSON.parse(readFileSync(join(second, 'run.json'), 'utf8')).name).toBe('Run 2 · sgd lr 0.1');
    expect(() => store.create(PROJECT, doc(), newRun('run-0001'))).toThrow(/already exists/);
  });

  it('records how a run ended, with the weights it left on disk', async () => {
    const store = new RunStore(dataDir());
    const dir = store.create(PROJECT, doc(), newRun('run-0001'));
    fakeCheckpoint(dir, 'last', 3);
    const backend = { name: 'cpu' as const, device: 'CPU', reason: 'test' };
    const done = await store.finish(PROJECT, 'run-0001', {
      status: 'completed',
      wallSeconds: 12.5,
      epochsDone: 3,
      backend,
      final: { loss: 0.2 },
      best: { epoch: 2, monitor: 'val_loss', value: 0.3 },
      error: null,
    });
    expect(done).toMatchObject({
      status: 'completed',
      wallSeconds: 12.5,
      epochsDone: 3,
      backend,
      final: { loss: 0.2 },
      best: { epoch: 2 },
      weights: { last: true, best: false },
    });
    expect((await new RunStore(store.dataDir).list(PROJECT))[0]).toEqual(done);
  });

  it('lists runs newest first and returns one in full', async () => {
    const store = new RunStore(dataDir());
    const a = store.create(PROJECT, doc(), newRun('run-aaaa'));
    await tick();
    store.create(PROJECT, doc(), newRun('run-bbbb'));
    const rec = openRecorder(a);
    rec.batches([
      { step: 1, epoch: 1, loss: 1 },
      { step: 2, epoch: 1, loss: 0.9 },
    ]);
    rec.epoch({ epoch: 1, logs: { loss: 0.95 }, seconds: 0.1 });
    expect((await store.list(PROJECT)).map((r) => r.id)).toEqual(['run-bbbb', 'run-aaaa']);
    const detail = await store.get(PROJECT, 'run-aaaa');
    expect(detail.run.id).toBe('run-aaaa');
    expect(detail.snapshot.id).toBe(PROJECT);
    expect(detail.batches.map((b) => b.step)).toEqual([1, 2]);
    expect(detail.epochs).toEqual([{ epoch: 1, logs: { loss: 0.95 }, seconds: 0.1 }]);
    expect(await store.list('other_project')).toEqual([]);
    await expect(store.get(PROJECT, 'run-none')).rejects.toThrow('There is no run run-none in this project.');
  });

  it('skips a torn last line in the history files', async () => {
    const store = new RunStore(dataDir());
    const dir = store.create(PROJECT, doc(), newRun('run-torn'));
    writeFileSync(join(dir, 'batches.jsonl'), '{"step":1,"epoch":1,"loss":1}\n{"step":2,"epoch":1,"loss":0.9}\n{"step":3,"ep');
    writeFileSync(join(dir, 'epochs.jsonl'), '{"epoch":1,"logs":{"loss":0.9},"seconds":1}\n{"epoch":2,"logs":{"lo');
    const detail = await store.get(PROJECT, 'run-torn');
    expect(detail.batches.map((b) => b.step)).toEqual([1, 2]);
    expect(detail.epochs.map((e) => e.epoch)).toEqual([1]);
  });

  it('reports a run whose host died as interrupted, with its history up to then', async () => {
    const data = dataDir();
    const first = new RunStore(data);
    const dir = first.create(PROJECT, doc(), newRun('run-crash'));
    const rec = openRecorder(dir);
    rec.batches([{ step: 1, epoch: 1, loss: 1 }]);
    rec.epoch({ epoch: 1, logs: { loss: 0.9, val_loss: 1.0 }, seconds: 0.1 });
    rec.epoch({ epoch: 2, logs: { loss: 0.7, val_loss: 0.6 }, seconds: 0.1 });
    rec.epoch({ epoch: 3, logs: { loss: 0.5, val_loss: 0.8 }, seconds: 0.1 });
    fakeCheckpoint(dir, 'last', 3);
    appendFileSync(join(dir, 'epochs.jsonl'), '{"epoch":4,"lo');
    // The store that made it knows the run is live; a reopened app does not.
    expect((await first.list(PROJECT))[0]!.status).toBe('running');
    const reopened = (await new RunStore(data).list(PROJECT))[0]!;
    expect(reopened).toMatchObject({
      status: 'interrupted',
      epochsDone: 3,
      final: { loss: 0.5, val_loss: 0.8 },
      best: { epoch: 2, monitor: 'val_loss', value: 0.6 },
      weights: { last: true, best: false },
    });
    expect(reopened.error).toMatch(/closed or crashed/);
    expect(new RunStore(data).resumePoint(PROJECT, 'run-crash')).toEqual({ runDir: dir, epochsDone: 3 });
  });

  it('trusts another live process that owns a running run, and not a dead one', async () => {
    const data = dataDir();
    const dir = new RunStore(data).create(PROJECT, doc(), newRun('run-other'));
    const owner = JSON.parse(readFileSync(join(dir, 'owner.json'), 'utf8'));
    writeFileSync(join(dir, 'owner.json'), JSON.stringify({ ...owner, pid: process.ppid }));
    expect((await new RunStore(data).list(PROJECT))[0]!.status).toBe('running');
    await expect(new RunStore(data).delete(PROJECT, 'run-other')).rejects.toThrow(/still training/);
    const dead = spawnSync(process.execPath, ['-e', '0']).pid;
    writeFileSync(join(dir, 'owner.json'), JSON.stringify({ ...owner, pid: dead }));
    expect((await new RunStore(data).list(PROJECT))[0]!.status).toBe('interrupted');
  });

  it('renames, annotates and deletes runs', async () => {
    const store = new RunStore(dataDir());
    const dir = store.create(PROJECT, doc(), newRun('run-edit'));
    await expect(store.delete(PROJECT, 'run-edit')).rejects.toThrow(/still training/);
    await store.finish(PROJECT, 'run-edit', { status: 'stopped' });
    expect(await store.update(PROJECT, 'run-edit', { name: 'Baseline', notes: 'lr too high?' })).toMatchObject({ name: 'Baseline', notes: 'lr too high?' });
    expect(await store.update(PROJECT, 'run-edit', { name: '  ' })).toMatchObject({ name: 'Baseline', notes: 'lr too high?' });
    expect(await store.delete(PROJECT, 'run-edit')).toBe(true);
    expect(existsSync(dir)).toBe(false);
    expect(await store.delete(PROJECT, 'run-edit')).toBe(false);
    expect(await store.list(PROJECT)).toEqual([]);
    // A deleted run's number is not given to the next one while a later run exists.
    for (const id of ['run-n1', 'run-n2', 'run-n3']) store.create(PROJECT, doc(), newRun(id));
    await store.finish(PROJECT, 'run-n2', { status: 'completed' });
    await store.delete(PROJECT, 'run-n2');
    store.create(PROJECT, doc(), newRun('run-n4'));
    expect((await store.list(PROJECT)).map((r) => r.name.split(' · ')[0]).sort()).toEqual(['Run 1', 'Run 3', 'Run 4']);
  });

  it('refuses to continue a run that saved no weights', () => {
    const store = new RunStore(dataDir());
    store.create(PROJECT, doc(), newRun('run-empty'));
    expect(() => store.resumePoint(PROJECT, 'run-empty')).toThrow(/saved no weights/);
    expect(() => store.resumePoint(PROJECT, 'run-absent')).toThrow(/no run run-absent/);
  });

  it('never builds a path from an id that is not one', async () => {
    const store = new RunStore(dataDir());
    for (const bad of ['../../etc', 'a/b/c/d', 'short', '..', 'x'.repeat(65), 'name with space']) {
      expect(() => store.runDir(bad, 'run-0001')).toThrow(/Invalid project id/);
      expect(() => store.runDir(PROJECT, bad)).toThrow(/Invalid run id/);
      await expect(store.list(bad)).rejects.toThrow(/Invalid project id/);
      await expect(store.get(PROJECT, bad)).rejects.toThrow(/Invalid run id/);
      await expect(store.delete(PROJECT, bad)).rejects.toThrow(/Invalid run id/);
    }
    expect(() => store.create(PROJECT, doc(), newRun('../../oops'))).toThrow(/Invalid run id/);
    expect(() => store.resumePoint(PROJECT, '../x')).toThrow(/Invalid run id/);
  });

  it('is reached through the service, which validates ids before the store sees them', async () => {
    const service = createService({
      host: 'web',
      version: '0',
      paths: appPaths(ROOT),
      dataDir: dataDir(),
      launchEngine: () => {
        throw new Error('no engine');
      },
      emit: () => {},
    });
    service.store.create(PROJECT, doc(), newRun('run-svc1'));
    await service.store.finish(PROJECT, 'run-svc1', { status: 'completed' });
    expect(await service.handle('runs.list', { projectId: PROJECT })).toMatchObject({ runs: [{ id: 'run-svc1', status: 'completed' }] });
    expect(await service.handle('runs.update', { projectId: PROJECT, runId: 'run-svc1', notes: 'n' })).toMatchObject({ run: { notes: 'n' } });
    await expect(service.handle('runs.get', { projectId: PROJECT, runId: '../../x' })).rejects.toThrow(/^Invalid runs.get request/);
    await expect(service.handle('run.start', { document: { ...doc(), id: undefined } })).rejects.toThrow(/has no id/);
    await expect(service.handle('run.start', { document: doc(), continueFrom: '../../x' })).rejects.toThrow(/Invalid run id/);
    expect(await service.handle('run.pause', { runId: 'nothing' })).toEqual({ ok: false });
    expect(await service.handle('runs.delete', { projectId: PROJECT, runId: 'run-svc1' })).toEqual({ deleted: true });
  });

  it('fingerprints data settings stably', () => {
    const data = doc().data;
    const reordered = Object.fromEntries(Object.entries(data).reverse()) as typeof data;
    expect(fingerprint(data)).toMatch(/^[0-9a-f]{16}$/);
    expect(fingerprint(reordered)).toBe(fingerprint(data));
    expect(fingerprint({ ...data, seed: data.seed + 1 })).not.toBe(fingerprint(data));
    expect(projectIdForPath('/a/model.layerlab.json')).toMatch(/^[0-9a-f]{16}$/);
    expect(projectIdForPath('/a/model.layerlab.json')).toBe(projectIdForPath('/a/model.layerlab.json'));
  });
});
