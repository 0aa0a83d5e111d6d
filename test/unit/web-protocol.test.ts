import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WebHost } from '../../main/web/server';
import { LIMITS } from '../../main/web/connection';
import { call, connect, PROTOCOL_VIOLATIONS, type Reply, rawRequest, rawSocket, sendRaw, testHost, upgradeText } from './web-client';

let host: WebHost;
let cleanup: () => Promise<void>;
beforeAll(async () => {
  ({ host, cleanup } = await testHost());
});
afterAll(() => cleanup());

async function stillAnswers(): Promise<void> {
  const ws = await connect(host);
  expect(await call(ws, { id: 1, kind: 'app.info', payload: {} })).toMatchObject({ ok: true, reply: { host: 'web' } });
  ws.close();
}

describe('WebSocket protocol errors close the connection, never the host', () => {
  for (const [name, bytes] of PROTOCOL_VIOLATIONS) {
    it(`survives ${name}`, async () => {
      const socket = await rawSocket(host);
      expect(await sendRaw(socket, bytes())).toBe('closed');
      await stillAnswers();
    });
  }

  it('closes a connection that sends a real message over the limit, and keeps serving', async () => {
    const ws = await connect(host);
    const closed = new Promise<number>((resolve) => ws.once('close', resolve));
    ws.send(JSON.stringify({ id: 1, kind: 'app.info', payload: { pad: 'x'.repeat(LIMITS.maxPayload + 10) } }));
    expect(await closed).toBe(1009);
    await stillAnswers();
  });
});

describe('upgrade targets', () => {
  it('refuses one that new URL() cannot parse', async () => {
    const status = await rawRequest(host, upgradeText(host, '//['));
    expect(status).toMatch(/^HTTP\/1\.1 400/);
    await stillAnswers();
  });

  it('refuses other paths and garbage', async () => {
    expect(await rawRequest(host, upgradeText(host, '/elsewhere'))).toMatch(/^HTTP\/1\.1 404/);
    expect(await rawRequest(host, 'GET //[ HTTP/1.1\r\nHost: x\r\n\r\n')).toMatch(/^HTTP\/1\.1 400/);
    expect(await rawRequest(host, Buffer.from([0, 1, 2, 3, 255, 13, 10, 13, 10]))).toMatch(/^(HTTP\/1\.1 400|$)/);
    await stillAnswers();
  });
});

describe('requests are bounded', () => {
  it('answers more requests at once than a connection may have with a typed error each', async () => {
    const ws = await connect(host);
    const n = LIMITS.inFlightPerConnection * 3;
    const replies = await Promise.all(Array.from({ length: n }, (_, i) => call(ws, { id: i + 1, kind: 'templates.list', payload: {} })));
    const busy = replies.filter((r) => !r.ok);
    expect(replies.filter((r) => r.ok).length).toBeGreaterThanOrEqual(LIMITS.inFlightPerConnection);
    expect(busy.length).toBeGreaterThan(0);
    for (const r of busy) expect(r.error).toMatch(/Too many requests at once/);
    ws.close();
  });

  it('never echoes a big request back in an error', async () => {
    const ws = await connect(host);
    const huge = 'k'.repeat(10 * 1024 * 1024);
    const reply = await call(ws, { id: 5, kind: huge, payload: {} });
    expect(reply.ok).toBe(false);
    expect(reply.error!.length).toBeLessThanOrEqual(LIMITS.maxError);
    const bad = await call(ws, { id: 6, kind: 'run.stop', payload: { runId: { x: huge } } });
    expect(bad.error!.length).toBeLessThanOrEqual(LIMITS.maxError);
    ws.close();
  });

  it('refuses a request nested thousands of levels deep with a short error', async () => {
    const ws = await connect(host);
    const deep = `${'['.repeat(5000)}${']'.repeat(5000)}`;
    const reply = await new Promise<string>((resolve) => {
      ws.once('message', (d) => resolve((d as Buffer).toString()));
      ws.send(`{"id":9,"kind":"app.info","payload":${deep}}`);
    });
    const parsed = JSON.parse(reply) as Reply;
    expect(parsed).toMatchObject({ id: 9, ok: false });
    expect(parsed.error).toMatch(/nests deeper/);
    ws.close();
  });
});
