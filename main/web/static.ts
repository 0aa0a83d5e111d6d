import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { plain } from './headers';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.map': 'application/json',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
};

function relativePath(url: string): string | null {
  try {
    return normalize(decodeURIComponent(new URL(url, 'http://localhost').pathname)).replace(/^([/\\])+/, '');
  } catch {
    return null;
  }
}

/** Serves the built renderer; unknown paths get index.html so a reload never 404s. */
export async function serveStatic(root: string, req: IncomingMessage, res: ServerResponse): Promise<void> {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    plain(res, 405, 'Method not allowed.');
    return;
  }
  const rel = relativePath(req.url ?? '/');
  let file = rel === null ? '' : join(root, rel);
  if (rel === null || (!file.startsWith(root + sep) && file !== root) || rel.includes('\0')) {
    plain(res, 403, 'Forbidden.');
    return;
  }
  let info = await stat(file).catch(() => null);
  if (!info?.isFile()) {
    file = join(root, 'index.html');
    info = await stat(file).catch(() => null);
  }
  if (!info) {
    plain(res, 503, 'The LayerLab UI is not built. Run `npm run build`.');
    return;
  }
  res.writeHead(200, {
    'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
    'content-length': info.size,
    'cache-control': file.endsWith('index.html') ? 'no-cache' : 'max-age=3600',
  });
  if (req.method === 'HEAD') {
    res.end();
    return;
  }
  // pipeline attaches error handlers to both ends: a file that vanishes or fails mid-read ends this
  // response (the client sees a cut-off body), never the host.
  await pipeline(createReadStream(file), res).catch(() => res.destroy());
}
