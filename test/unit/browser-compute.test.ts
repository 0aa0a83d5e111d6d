import * as tf from '@tensorflow/tfjs';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { EngineCommand } from '../../app/protocol/engine';
import type { HostEvent } from '../../app/protocol/events';
import { loadDataset as loadLocally } from '../../main/engine/datasets';
import { encodeFrame } from '../../main/engine/compute/frame-codec';
import { ComputePeer, useComputePeer, type FrameLink } from '../../main/engine/compute/peer';
import { BrowserRelay } from '../../main/engine/compute/relay';
import { loadDataset as loadThroughRelay } from '../../main/engine/compute/remote-data';
import { serveCompute } from '../../main/engine/compute/worker';
import { loadCheckpoint, RUN_FILES } from '../../main/record/recorder';
import { template } from './helpers';

const made: string[] = [];
afterAll(() => made.forEach((d) => rmSync(d, { recursive: true, force: true })));
function runDir(): string {
  const d = mkdtempSync(join(tmpdir(), 'layerlab-compute-'));
  made.push(d);
  return d;
}

type Start = Extract<EngineCommand, { type: 'start' }>;

/** The relay and a worker in one process, frames crossing as bytes a turn later, as over a socket. */
function pair(cmd: Start) {
  const events: HostEvent[] = [];
  const toWorker = new Set<(f: Uint8Array) => void>();
  const closers = new Set<() => void>();
  const relay = new BrowserRelay(
    cmd,
    (e) => events.push(e),
    (frame) => setImmediate(() => toWorker.forEach((l) => l(frame))),
  );
  const link: FrameLink = {
    send: (frame) => setImmediate(() => relay.deliver(frame)),
    onFrame: (l) => toWorker.add(l),
    onClose: (l) => closers.add(l),
    close: () => closers.forEach((c) => c()),
  };
  // As the host does: the run's end closes the worker's connection.
  void relay.ended.then(() => setImmediate(() => closers.forEach((c) => c())));
  return { relay, link, events };
}

function spirals(epochs: number): Start['document'] {
  const doc = template('mlp-spirals');
  return { ...doc, training: { ...doc.training, epochs } };
}

describe('a run computed by a browser worker, its data and record served by the engine process', () => {
  it('trains: the loss falls, the relay writes the history and a checkpoint the host can load', async () => {
    await tf.setBackend('cpu');
    const dir = runDir();
    const cmd: Start = { type: 'start', runId: 'r1', document: spirals(6), runDir: dir, compute: 'browser' };
    const { relay, link, events } = pair(cmd);
    await Promise.all([serveCompute(tf, link, 'cpu'), relay.ended]);

    const types = events.map((e) => e.type);
    expect(types).toContain('run.started');
    const finished = events.find((e) => e.type === 'run.finished');
    expect(finished, JSON.stringify(events.filter((e) => e.type === 'run.failed'))).toMatchObject({ status: 'completed', epochsDone: 6 });
    const losses = events.flatMap((e) => (e.type === 'run.epoch' ? [e.logs.loss] : []));
    expect(losses).toHaveLength(6);
    expect(losses.at(-1)!).toBeLessThan(losses[0]! * 0.9);

    const epochs = readFileSync(join(dir, RUN_FILES.epochs), 'utf8').trim().split('\n');
    expect(epochs).toHaveLength(6);
    expect(readFileSync(join(dir, RUN_FILES.batches), 'utf8').trim().split('\n').length).toBeGreaterThan(0);
    const model = await loadCheckpoint(tf, dir, 'last');
    expect(model.countParams()).toBe(322);
    model.dispose();
  }, 60_000);

  it('serves the run its own dataset as typed arrays, and refuses any other', async () => {
    const doc = spirals(1);
    const cmd: Start = { type: 'start', runId: 'r2', document: doc, compute: 'browser' };
    const { relay, link } = pair(cmd);
    // A worker that says ready and trains nothing: the test asks as the swapped-in datasets module would.
    const peer = new ComputePeer(link);
    useComputePeer(peer);
    peer.send({ t: 'ready', backend: { name: 'cpu', device: 'CPU', reason: 'test' } });
    const served = await loadThroughRelay(doc.data, doc.training.validationSplit);
    const local = await loadLocally(doc.data, doc.training.validationSplit);
    expect(served.count).toBe(local.count);
    expect(served.inputs[0]!.data).toBeInstanceOf(Float32Array);
    expect(Array.from(served.inputs[0]!.data)).toEqual(Array.from(local.inputs[0]!.data));
    await expect(loadThroughRelay({ ...doc.data, seed: doc.data.seed + 1 }, doc.training.validationSplit)).rejects.toThrow(/not this run’s/);
    relay.closed();
    await relay.ended;
  }, 60_000);
});

describe('the relay, facing a hostile or broken worker', () => {
  const cmd: Start = { type: 'start', runId: 'r3', document: spirals(1), compute: 'browser' };
  const failure = (events: HostEvent[]) => events.find((e): e is Extract<HostEvent, { type: 'run.failed' }> => e.type === 'run.failed');

  it.each([
    ['garbage bytes', Uint8Array.of(1, 2, 3)],
    ['a frame of the wrong shape', encodeFrame({ t: 'ready', backend: { name: 'gpu-of-doom' } })],
    ['an event of another run', encodeFrame({ t: 'event', event: { v: 1, type: 'run.log', runId: 'other', level: 'info', message: 'x' } })],
    ['done before the run ended', encodeFrame({ t: 'done' })],
  ])('%s ends the run with a precise message and nothing else', async (_what, frame) => {
    const events: HostEvent[] = [];
    const relay = new BrowserRelay(
      cmd,
      (e) => events.push(e),
      () => undefined,
    );
    relay.deliver(encodeFrame({ t: 'ready', backend: { name: 'webgpu', device: 'GPU', reason: 'test' } }));
    relay.deliver(frame);
    await relay.ended;
    expect(failure(events)?.message).toMatch(/compute worker/);
  });

  it('a worker that closes mid-run, or never connects before a stop, ends the run cleanly', async () => {
    const events: HostEvent[] = [];
    const relay = new BrowserRelay(
      cmd,
      (e) => events.push(e),
      () => undefined,
    );
    relay.closed();
    await relay.ended;
    expect(failure(events)).toMatchObject({ message: expect.stringMatching(/tab .* closed/) });

    const stopped: HostEvent[] = [];
    const waiting = new BrowserRelay(
      cmd,
      (e) => stopped.push(e),
      () => undefined,
    );
    waiting.control('stop');
    await waiting.ended;
    expect(stopped.at(-1)).toMatchObject({ type: 'run.finished', status: 'stopped' });
  });

  it('a checkpoint whose weights do not match its specs is refused, not written', async () => {
    const sent: Uint8Array[] = [];
    const relay = new BrowserRelay(
      { ...cmd, runDir: runDir() },
      () => undefined,
      (f) => sent.push(f),
    );
    relay.deliver(encodeFrame({ t: 'ready', backend: { name: 'webgpu', device: 'GPU', reason: 'test' } }));
    const artifacts = { modelTopology: {}, weightSpecs: [{ name: 'k', shape: [4], dtype: 'float32' }], weightData: new ArrayBuffer(8) };
    relay.deliver(encodeFrame({ t: 'ask', id: 7, ask: { what: 'checkpoint', artifacts, which: 'last', includesOptimizer: false } }));
    await new Promise((r) => setTimeout(r, 50));
    const { decodeFrame } = await import('../../main/engine/compute/frame-codec');
    const answer = sent.map((f) => decodeFrame(f, 1e9) as { t: string; id?: number; ok?: boolean; message?: string }).find((m) => m.t === 'answer');
    expect(answer).toMatchObject({ id: 7, ok: false, message: expect.stringMatching(/8 bytes; its specs declare 16/) });
    relay.closed();
  });
});
