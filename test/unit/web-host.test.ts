import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { appPaths } from '../../main/service/paths';
import { startWebHost, type WebHost } from '../../main/web/server';
import { ROOT } from './helpers';

let host: WebHost;
beforeAll(async () => {
  host = await startWebHost({ paths: appPaths(ROOT), version: '9.9.9', port: 0 });
});
afterAll(() => host.close());

const wsUrl = () => host.url.replace('http', 'ws') + 'ws';

function connect(origin = host.url.slice(0, -1)): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(wsUrl(), { origin });
    ws.once('open', () => resolve(ws));
    ws.once('unexpected-response', (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)));
    ws.once('error', reject);
  });
}

function call(ws: WebSocket, frame: unknown): Promise<unknown> {
  return new Promise((resolve) => {
    ws.once('message', (data) => resolve(JSON.parse(data.toString())));
    ws.send(JSON.stringify(frame));
  });
}

describe('web host', () => {
  it('binds to loopback and answers requests over the WebSocket', async () => {
    expect(host.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    const ws = await connect();
    expect(await call(ws, { id: 1, kind: 'app.info', payload: {} })).toEqual({
      t: 'reply',
      id: 1,
      ok: true,
      reply: { version: '9.9.9', host: 'web', files: 'browser' },
    });
    ws.close();
  });

  it('answers an invalid payload with an error reply', async () => {
    const ws = await connect();
    const reply = await call(ws, { id: 2, kind: 'run.stop', payload: { runId: 7 } });
    expect(reply).toMatchObject({ t: 'reply', id: 2, ok: false, error: expect.stringMatching(/^Invalid run.stop request/) });
    ws.close();
  });

  it('closes the connection on a malformed frame', async () => {
    const ws = await connect();
    const code = await new Promise<number>((resolve) => {
      ws.once('close', (c) => resolve(c));
      ws.send('this is not json');
    });
    expect(code).toBe(1003);
  });

  it('refuses WebSocket connections from pages on other sites', async () => {
    await expect(connect('https://evil.example')).rejects.toThrow('HTTP 403');
  });

  it('refuses paths outside the renderer', async () => {
    const res = await fetch(new URL('/..%2f..%2fpackage.json', host.url));
    expect(res.status === 403 || (await res.text()).includes('<!doctype html') || res.status === 503).toBe(true);
  });
});
