import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

/** A file whose read fails after its size was taken: a disk error, a file truncated or replaced mid-read. */
vi.mock('node:fs', async (importOriginal) => {
  const fs = await importOriginal<typeof import('node:fs')>();
  return {
    ...fs,
    createReadStream: (path: string, ...rest: unknown[]) => {
      if (path.endsWith('broken.js'))
        return new Readable({
          read() {
            this.destroy(Object.assign(new Error('EIO: i/o error, read'), { code: 'EIO' }));
          },
        });
      return (fs.createReadStream as (...a: unknown[]) => unknown)(path, ...rest);
    },
  };
});

const { serveStatic } = await import('../../main/web/static');

let root = '';
let server: Server;
let base = '';
beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'layerlab-static-'));
  mkdirSync(join(root, 'assets'));
  writeFileSync(join(root, 'index.html'), '<!doctype html><p>app</p>');
  writeFileSync(join(root, 'assets', 'broken.js'), 'x'.repeat(100_000));
  server = createServer((req, res) => void serveStatic(root, req, res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  rmSync(root, { recursive: true, force: true });
});

describe('static files', () => {
  it('cuts the response short when a read fails after the size check, and keeps serving', async () => {
    await expect(fetch(`${base}/assets/broken.js`).then((r) => r.text())).rejects.toThrow();
    const ok = await fetch(`${base}/`);
    expect(await ok.text()).toContain('app');
  });

  it('answers a path that cannot be decoded with 403, not a crash', async () => {
    expect((await fetch(`${base}/%E0%A4%A`)).status).toBe(403);
  });
});
