import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DownloadError, ensureDownloaded, type DownloadProgress, type DownloadSpec } from '../../main/downloads/download';

const BODY = Buffer.from(Array.from({ length: 200_000 }, (_, i) => (i * 7) % 251));
const md5 = (b: Buffer) => createHash('md5').update(b).digest('hex');

/** A file server on 127.0.0.1 with one route per failure a real download meets. */
const requests: { url: string; range: string | undefined }[] = [];
let server: Server;
let base = '';
let cutFirst = true;

function serveRange(req: IncomingMessage, res: ServerResponse, body: Buffer): void {
  const m = /^bytes=(\d+)-$/.exec(req.headers.range ?? '');
  if (!m) {
    res.writeHead(200, { 'content-length': body.length }).end(body);
    return;
  }
  const from = Number(m[1]);
  if (from >= body.length) {
    res.writeHead(416).end();
    return;
  }
  res.writeHead(206, { 'content-length': body.length - from, 'content-range': `bytes ${from}-${body.length - 1}/${body.length}` }).end(body.subarray(from));
}

beforeAll(async () => {
  server = createServer((req, res) => {
    requests.push({ url: req.url ?? '', range: req.headers.range });
    switch (req.url) {
      case '/ok.bin':
      case '/resume.bin': {
        serveRange(req, res, BODY);
        return;
      }
      case '/other.bin':
        return res.writeHead(200, { 'content-length': BODY.length }).end(Buffer.alloc(BODY.length, 1));
      case '/cut.bin':
        // The first transfer announces the whole file and drops the connection halfway.
        if (cutFirst && !req.headers.range) {
          cutFirst = false;
          res.writeHead(200, { 'content-length': BODY.length });
          res.write(BODY.subarray(0, BODY.length / 2), () => res.socket?.destroy());
          return;
        }
        {
          serveRange(req, res, BODY);
          return;
        }
      default:
        return res.writeHead(404, 'Not Found').end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const spec = (path: string, digest = md5(BODY)): DownloadSpec => ({
  url: `${base}${path}`,
  file: path.slice(1),
  checksum: { algorithm: 'md5', digest },
  bytes: BODY.length,
  label: `the test file ${path}`,
});
const cache = () => mkdtempSync(join(tmpdir(), 'layerlab-downloads-'));

describe('downloads', () => {
  it('fetch a file once, check it, report progress, and serve it from the cache after', async () => {
    const dir = cache();
    const progress: DownloadProgress[] = [];
    const path = await ensureDownloaded(spec('/ok.bin'), dir, { onProgress: (p) => progress.push(p) });
    expect(readFileSync(path).equals(BODY)).toBe(true);
    expect(progress.at(-1)).toEqual({ file: 'ok.bin', received: BODY.length, total: BODY.length });
    const before = requests.length;
    expect(await ensureDownloaded(spec('/ok.bin'), dir)).toBe(path);
    expect(requests.length).toBe(before);
  });

  it('refuse a file whose checksum is wrong, and keep nothing of it', async () => {
    const dir = cache();
    await expect(ensureDownloaded(spec('/other.bin'), dir)).rejects.toThrow(/damaged: its md5 is [0-9a-f]{32}, not [0-9a-f]{32}/);
    expect(existsSync(join(dir, 'other.bin'))).toBe(false);
    expect(existsSync(join(dir, 'other.bin.part'))).toBe(false);
  });

  it('resume a transfer that stopped halfway with a Range request', async () => {
    const dir = cache();
    const path = await ensureDownloaded(spec('/cut.bin'), dir);
    expect(readFileSync(path).equals(BODY)).toBe(true);
    const cut = requests.filter((r) => r.url === '/cut.bin');
    expect(cut).toHaveLength(2);
    expect(cut[1]!.range).toBe(`bytes=${BODY.length / 2}-`);
  });

  it('continue a partial file left by an interrupted process', async () => {
    const dir = cache();
    writeFileSync(join(dir, 'resume.bin.part'), BODY.subarray(0, 50_000));
    await ensureDownloaded(spec('/resume.bin'), dir);
    expect(readFileSync(join(dir, 'resume.bin')).equals(BODY)).toBe(true);
    expect(requests.filter((r) => r.url === '/resume.bin').at(-1)!.range).toBe('bytes=50000-');
  });

  it('say plainly when the file is not there (404)', async () => {
    const err = await ensureDownloaded(spec('/missing.bin'), cache()).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DownloadError);
    expect((err as Error).message).toMatch(/answered HTTP 404 \(Not Found\)/);
  });

  it('say plainly when offline, and how to bring the file by hand', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const dir = cache();
    const offline = { ...spec('/ok.bin'), url: `http://127.0.0.1:${port}/ok.bin` };
    await expect(ensureDownloaded(offline, dir)).rejects.toThrow(new RegExp(`cannot be reached .*put it in ${dir} as ok\\.bin`));
  });
});
