import { open, realpath } from 'node:fs/promises';
import { basename, dirname, extname, resolve, sep } from 'node:path';
import { COMPUTE_CSP, COMPUTE_FILES, DESKTOP_CSP } from './csp';

/** The desktop UI lives at app://layerlab/, a standard, secure origin of its own (not file://). */
export const APP_SCHEME = 'app';
export const APP_HOST = 'layerlab';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const RENDERER_URL = `${APP_ORIGIN}/index.html`;

/** The renderer's file types; anything else is refused rather than guessed. */
const MIME: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
};

/** A page of ours: app://layerlab/index.html, ignoring any query or fragment. */
export function isRendererUrl(url: string): boolean {
  try {
    const u = new URL(url);
    return u.protocol === `${APP_SCHEME}:` && u.host === APP_HOST && u.pathname === '/index.html';
  } catch {
    return false;
  }
}

export interface SchemeRegistrar {
  registerSchemesAsPrivileged(schemes: { scheme: string; privileges: { standard: boolean; secure: boolean; supportFetchAPI: boolean } }[]): void;
}

export interface ProtocolLike {
  handle(scheme: string, handler: (request: Request) => Response | Promise<Response>): void;
}

/** Must run before the app is ready: a standard scheme gets an origin, a secure one counts as HTTPS. */
export function registerAppScheme(protocol: SchemeRegistrar): void {
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
}

const SECURITY_HEADERS = {
  'content-security-policy': DESKTOP_CSP,
  'x-content-type-options': 'nosniff',
  'cross-origin-opener-policy': 'same-origin',
  'referrer-policy': 'no-referrer',
};

const refuse = (status: number, text: string) => new Response(text, { status, headers: { 'content-type': 'text/plain; charset=utf-8', ...SECURITY_HEADERS } });

/** The file a request names, or the reason it is refused; symlinks are followed before the check. */
async function fileFor(request: Request, rootReal: string): Promise<string | { status: number; text: string }> {
  if (request.method !== 'GET' && request.method !== 'HEAD') return { status: 405, text: 'Only GET and HEAD.' };
  let url: URL;
  try {
    url = new URL(request.url);
  } catch {
    return { status: 400, text: 'Bad URL.' };
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return { status: 404, text: 'Not found.' };
  let rel: string;
  try {
    rel = decodeURIComponent(url.pathname);
  } catch {
    return { status: 400, text: 'Bad path.' };
  }
  // Encoded separators, NULs and parent steps never name a file of the UI.
  if (rel.includes('\0') || rel.includes('\\') || rel.split('/').includes('..')) return { status: 403, text: 'Outside the UI.' };
  if (rel === '/' || rel === '') rel = '/index.html';
  const file = resolve(rootReal, `.${rel}`);
  let real: string;
  try {
    real = await realpath(file);
  } catch {
    return { status: 404, text: 'Not found.' };
  }
  if (!real.startsWith(rootReal + sep)) return { status: 403, text: 'Outside the UI.' };
  if (MIME[extname(real).toLowerCase()] === undefined) return { status: 403, text: 'Not a file type of the UI.' };
  return real;
}

/**
 * The app:// handler: files of the built renderer only, with their MIME type and the CSP as a
 * response header. Paths are confined to the renderer folder after resolving symlinks.
 */
export function appProtocolHandler(rendererDir: string): (request: Request) => Promise<Response> {
  let rootReal: Promise<string> | null = null;
  return async (request) => {
    rootReal ??= realpath(resolve(rendererDir));
    let root: string;
    try {
      root = await rootReal;
    } catch {
      rootReal = null;
      return refuse(503, 'The LayerLab UI is not built. Run `npm run build`.');
    }
    const found = await fileFor(request, root);
    if (typeof found !== 'string') return refuse(found.status, found.text);
    const handle = await open(found, 'r').catch(() => null);
    if (!handle) return refuse(404, 'Not found.');
    try {
      const info = await handle.stat();
      if (!info.isFile()) return refuse(404, 'Not found.');
      const body = request.method === 'HEAD' ? null : await handle.readFile();
      return new Response(body, {
        status: 200,
        headers: {
          'content-type': MIME[extname(found).toLowerCase()]!,
          'content-length': String(info.size),
          'cache-control': 'no-cache',
          ...SECURITY_HEADERS,
          ...(dirname(found) === root && COMPUTE_FILES.has(basename(found)) ? { 'content-security-policy': COMPUTE_CSP } : {}),
        },
      });
    } finally {
      await handle.close();
    }
  };
}

/** After ready: serve the renderer folder on app://. */
export function serveApp(protocol: ProtocolLike, rendererDir: string): void {
  protocol.handle(APP_SCHEME, appProtocolHandler(rendererDir));
}
