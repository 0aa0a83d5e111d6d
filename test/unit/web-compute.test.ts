import * as tf from '@tensorflow/tfjs';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import type { HostEvent } from '../../app/protocol/events';
import { socketLink } from '../../main/engine/compute/links';
import { serveCompute } from '../../main/engine/compute/worker';
import type { WebHost } from '../../main/web/server';
import { template } from './helpers';
import { call, connect, cookieFor, portOf, testHost } from './web-client';

let host: WebHost;
let root: string;
let cleanup: () => Promise<void>;
beforeAll(async () => {
  ({ host, root, cleanup } = await testHost());
});
afterAll(() => cleanup());

/** The compute socket a browser's worker opens: same origin, the cookie from the token exchange. */
function computeSocket(runId: string, cookie: string | null = cookieFor(host)): WebSocket {
  return new WebSocket(`ws://127.0.0.1:${portOf(host)}/compute?run=${encodeURIComponent(runId)}`, {
    headers: cookie ? { cookie } : {},
    origin: host.origin,
  });
}

function events(ws: WebSocket): HostEvent[] {
  const seen: HostEvent[] = [];
  ws.on('message', (data) => {
    const frame = JSON.parse((data as Buffer).toString()) as { t: string; event?: HostEvent };
    if (frame.t === 'event' && frame.event) seen.push(frame.event);
  });
  return seen;
}

async function until<T>(probe: () => T | undefined, ms = 60_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = probe();
    if (v !== undefined) return v;
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('the web host pairs a run with the browser worker that computes it', () => {
  it('a worker on /compute trains the run; the engine process records it; the UI hears the usual events', async () => {
    await tf.setBackend('cpu');
    const ui = await connect(host);
    const seen = events(ui);
    const doc = template('mlp-spirals');
    doc.id = 'web_compute_project';
    doc.training.epochs = 5;
    const reply = await call(ui, { id: 1, kind: 'run.start', payload: { document: doc, backend: 'webgpu', compute: 'browser' } });
    expect(reply.ok, reply.error).toBe(true);
    const { runId } = reply.reply as { runId: string };

    // The browser's worker, here in Node on cpu: the same code over the same socket.
    const worker = serveCompute(tf, socketLink(computeSocket(runId)), 'cpu');
    const end = await until(() => seen.find((e) => e.runId === runId && (e.type === 'run.finished' || e.type === 'run.failed')));
    await worker;
    expect(end, JSON.stringify(end)).toMatchObject({ type: 'run.finished', status: 'completed', epochsDone: 5 });
    const losses = seen.flatMap((e) => (e.type === 'run.epoch' && e.runId === runId ? [e.logs.loss] : []));
    expect(losses.at(-1)!).toBeLessThan(losses[0]!);
    const started = seen.find((e) => e.type === 'run.started' && e.runId === runId);
    expect(started).toMatchObject({ backend: { name: 'cpu' } });

    // Recorded by the engine process as any run: history, epochs and the last checkpoint on disk.
    const runs = await call(ui, { id: 2, kind: 'runs.list', payload: { projectId: doc.id } });
    const run = (runs.reply as { runs: { id: string; status: string; epochsDone: number }[] }).runs.find((r) => r.id === runId);
    expect(run).toMatchObject({ status: 'completed', epochsDone: 5 });
    const dir = join(root, 'data', 'projects', doc.id, 'runs', runId);
    expect(readFileSync(join(dir, 'epochs.jsonl'), 'utf8').trim().split('\n')).toHaveLength(5);
    expect(JSON.parse(readFileSync(join(dir, 'weights', 'last', 'model.json'), 'utf8'))).toHaveProperty('modelTopology');
    ui.close();
  }, 90_000);

  it('refuses a compute socket without the token, and closes one for a run that does not wait for a browser', async () => {
    const refused = await new Promise<number>((resolve) => {
      const ws = computeSocket('anything', null);
      ws.once('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
      ws.once('error', () => resolve(-1));
    });
    expect(refused).toBe(401);
    const closed = await new Promise<number>((resolve) => computeSocket('no-such-run').once('close', (code) => resolve(code)));
    expect(closed).toBe(1008);
  });

  it('a run whose browser never attaches can be stopped, and is recorded as stopped', async () => {
    const ui = await connect(host);
    const seen = events(ui);
    const doc = template('mlp-spirals');
    doc.id = 'web_compute_project';
    const reply = await call(ui, { id: 3, kind: 'run.start', payload: { document: doc, compute: 'browser' } });
    const { runId } = reply.reply as { runId: string };
    await until(() => seen.find((e) => e.type === 'run.log' && e.runId === runId));
    expect(await call(ui, { id: 4, kind: 'run.stop', payload: { runId } })).toMatchObject({ ok: true, reply: { stopped: true } });
    expect(await until(() => seen.find((e) => e.type === 'run.finished' && e.runId === runId))).toMatchObject({ status: 'stopped' });
    // The slot is free again, and a socket for the ended run is closed.
    const closed = await new Promise<number>((resolve) => computeSocket(runId).once('close', (code) => resolve(code)));
    expect(closed).toBe(1008);
    expect(await call(ui, { id: 5, kind: 'run.start', payload: { document: doc, backend: 'wasm', compute: 'browser' } })).toMatchObject({
      ok: false,
      error: expect.stringMatching(/runs on WebGPU, not wasm/),
    });
    ui.close();
  }, 60_000);
});
