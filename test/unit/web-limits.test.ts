import { closeSync, ftruncateSync, openSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { replyFrame } from '../../main/web/connection';
import type { WebHost } from '../../main/web/server';
import { call, connect, testHost } from './web-client';

let host: WebHost;
let workspace = '';
let cleanup: () => Promise<void>;
beforeAll(async () => {
  ({ host, workspace, cleanup } = await testHost());
});
afterAll(() => cleanup());

describe('what a request may cost the host', () => {
  it('inspects a 600 MB file with no newline without ballooning or "Invalid string length"', async () => {
    // Sparse: 600 MB to the reader, next to nothing on the shared disk.
    const fd = openSync(join(workspace, 'one-line.csv'), 'w');
    ftruncateSync(fd, 600 * 1024 * 1024);
    writeSync(fd, Buffer.from('a,b,c'), 0, 5, 0);
    closeSync(fd);
    const ws = await connect(host);
    const before = process.memoryUsage().rss;
    const reply = await call(ws, { id: 1, kind: 'data.inspect', payload: { settings: { dataset: 'csv', source: { path: 'one-line.csv' } } } });
    const grown = process.memoryUsage().rss - before;
    const text = JSON.stringify(reply);
    expect(text).not.toMatch(/Invalid string length/);
    expect(text.length).toBeLessThan(64 * 1024);
    expect(grown).toBeLessThan(400 * 1024 * 1024);
    expect(await call(ws, { id: 2, kind: 'app.info', payload: {} })).toMatchObject({ ok: true });
    ws.close();
  });

  it('replaces a reply larger than a reply may be with a short error', () => {
    expect(JSON.parse(replyFrame(3, { x: 'y'.repeat(2000) }, 1000))).toEqual({
      t: 'reply',
      id: 3,
      ok: false,
      error: 'The answer is too large to send (1 MB; at most 1 MB).',
    });
    expect(JSON.parse(replyFrame(4, { x: 1 }, 1000))).toEqual({ t: 'reply', id: 4, ok: true, reply: { x: 1 } });
  });
});
