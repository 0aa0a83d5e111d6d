import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WebHost } from '../../main/web/server';
import { call, connect, cookieFor, testHost } from './web-client';

let host: WebHost;
let cleanup: () => Promise<void>;
beforeAll(async () => {
  ({ host, cleanup } = await testHost());
});
afterAll(() => cleanup());

describe('web host', () => {
  it('binds to loopback and answers requests over the WebSocket', async () => {
    expect(host.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const ws = await connect(host);
    expect(await call(ws, { id: 1, kind: 'app.info', payload: {} })).toEqual({
      t: 'reply',
      id: 1,
      ok: true,
      reply: { version: '9.9.9', host: 'web', files: 'browser' },
    });
    ws.close();
  });

  it('answers an invalid payload with an error reply', async () => {
    const ws = await connect(host);
    const reply = await call(ws, { id: 2, kind: 'run.stop', payload: { runId: 7 } });
    expect(reply).toMatchObject({ t: 'reply', id: 2, ok: false });
    expect(reply.error).toMatch(/^Invalid run.stop request/);
    ws.close();
  });

  it('closes the connection on a malformed frame', async () => {
    const ws = await connect(host);
    const code = await new Promise<number>((resolve) => {
      ws.once('close', (c) => resolve(c));
      ws.send('this is not json');
    });
    expect(code).toBe(1003);
  });

  it('answers a frame with an id but no kind with a typed error, keeping the connection', async () => {
    const ws = await connect(host);
    const reply = await call(ws, { id: 3 } as never);
    expect(reply.ok).toBe(false);
    expect(reply.error).toMatch(/needs an id, a kind/);
    expect(await call(ws, { id: 4, kind: 'app.info', payload: {} })).toMatchObject({ ok: true });
    ws.close();
  });

  it('refuses paths outside the renderer', async () => {
    for (const path of ['/..%2f..%2fpackage.json', '/%2e%2e/%2e%2e/package.json', '/%00', '/%E0%A4%A']) {
      const res = await fetch(new URL(path, host.origin), { headers: { cookie: cookieFor(host) } });
      const body = await res.text();
      expect(body, path).not.toContain('"name": "layerlab"');
      expect(res.status === 403 || res.status === 400 || body.includes('<!doctype html'), path).toBe(true);
    }
  });
});
