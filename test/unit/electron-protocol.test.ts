import { existsSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { appProtocolHandler, isRendererUrl, registerAppScheme, RENDERER_URL, serveApp } from '../../main/electron/app-protocol';
import { COMPUTE_CSP, DESKTOP_CSP } from '../../main/electron/csp';
import { ROOT } from './helpers';

/** A renderer folder beside a secret the protocol must never serve. */
function fixture() {
  const base = mkdtempSync(join(tmpdir(), 'layerlab-app-protocol-'));
  const renderer = join(base, 'renderer');
  mkdirSync(join(renderer, 'assets'), { recursive: true });
  writeFileSync(join(renderer, 'index.html'), '<!doctype html><script type="module" src="./assets/app.js"></script>');
  writeFileSync(join(renderer, 'assets', 'app.js'), 'console.log(1)');
  writeFileSync(join(renderer, 'assets', 'app.css'), 'body{}');
  writeFileSync(join(renderer, 'assets', 'notes.exe'), 'MZ');
  writeFileSync(join(base, 'secret.txt'), 'the secret');
  symlinkSync(join(base, 'secret.txt'), join(renderer, 'assets', 'link.js'));
  return { base, handler: appProtocolHandler(renderer) };
}

const get = (handler: (r: Request) => Promise<Response>, url: string, method = 'GET') => handler(new Request(url, { method }));

describe('the app:// protocol', () => {
  it('is registered before ready as a standard, secure scheme and served with protocol.handle', () => {
    const registered: unknown[] = [];
    registerAppScheme({ registerSchemesAsPrivileged: (s) => registered.push(...s) });
    expect(registered).toEqual([{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
    const handled: string[] = [];
    serveApp({ handle: (scheme) => handled.push(scheme) }, '/nowhere');
    expect(handled).toEqual(['app']);
  });

  it('allows workers only on the hidden compute page and its scripts, never on the UI', async () => {
    const { handler, base } = fixture();
    const renderer = join(base, 'renderer');
    writeFileSync(join(renderer, 'compute.html'), '<!doctype html><script src="compute-host.js"></script>');
    writeFileSync(join(renderer, 'compute-worker.js'), 'self.close()');
    writeFileSync(join(renderer, 'assets', 'compute.html'), 'not the compute page');
    for (const file of ['compute.html', 'compute-worker.js']) {
      expect((await get(handler, `app://layerlab/${file}`)).headers.get('content-security-policy'), file).toBe(COMPUTE_CSP);
    }
    expect(COMPUTE_CSP).toContain("worker-src 'self'");
    expect((await get(handler, 'app://layerlab/assets/compute.html')).headers.get('content-security-policy')).toBe(DESKTOP_CSP);
    expect((await get(handler, RENDERER_URL)).headers.get('content-security-policy')).toBe(DESKTOP_CSP);
    expect(DESKTOP_CSP).toContain("worker-src 'none'");
  });

  it('serves the UI with its MIME type and the CSP as a response header', async () => {
    const { handler } = fixture();
    const page = await get(handler, RENDERER_URL);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('content-security-policy')).toBe(DESKTOP_CSP);
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await page.text()).toContain('<script type="module"');
    const js = await get(handler, 'app://layerlab/assets/app.js');
    expect(js.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect((await get(handler, 'app://layerlab/assets/app.css')).headers.get('content-type')).toBe('text/css; charset=utf-8');
    expect((await get(handler, 'app://layerlab/')).status).toBe(200);
  });

  it.each([
    // The URL parser already folds %2e%2e into the root: it names renderer/secret.txt, which is not there.
    ['an encoded parent step', 'app://layerlab/%2e%2e/secret.txt', 404],
    ['an encoded separator', 'app://layerlab/assets%2f..%2f..%2fsecret.txt', 403],
    ['a backslash', 'app://layerlab/assets%5c..%5c..%5csecret.txt', 403],
    ['a NUL byte', 'app://layerlab/index.html%00.js', 403],
    ['a symlink out of the folder', 'app://layerlab/assets/link.js', 403],
    ['a file type the UI has none of', 'app://layerlab/assets/notes.exe', 403],
    ['another host', 'app://evil/index.html', 404],
    ['a missing file', 'app://layerlab/assets/missing.js', 404],
    ['a malformed escape', 'app://layerlab/%E0%A4%A', 400],
  ])('refuses %s', async (_name, url, status) => {
    const { handler } = fixture();
    const res = await get(handler, url);
    expect(res.status).toBe(status);
    expect(await res.text()).not.toContain('the secret');
    expect(res.headers.get('content-security-policy')).toBe(DESKTOP_CSP);
  });

  it('answers only GET and HEAD', async () => {
    const { handler } = fixture();
    expect((await get(handler, RENDERER_URL, 'POST')).status).toBe(405);
    const head = await get(handler, RENDERER_URL, 'HEAD');
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
  });

  it('says the UI is not built rather than failing when the folder is missing', async () => {
    const res = await get(appProtocolHandler(join(tmpdir(), 'layerlab-no-such-renderer')), RENDERER_URL);
    expect(res.status).toBe(503);
  });

  it('knows our page from any other URL', () => {
    expect(isRendererUrl('app://layerlab/index.html')).toBe(true);
    expect(isRendererUrl('app://layerlab/index.html#/x')).toBe(true);
    for (const url of ['file:///app/dist/renderer/index.html', 'app://evil/index.html', 'app://layerlab/other.html', 'https://layerlab/index.html', ''])
      expect(isRendererUrl(url)).toBe(false);
  });

  it('has the policy of the web host: self only, no objects, no base, no framing', () => {
    const directives = new Map(DESKTOP_CSP.split('; ').map((d) => [d.split(' ')[0], d.slice(d.indexOf(' ') + 1)]));
    expect(directives.get('default-src')).toBe("'self'");
    expect(directives.get('script-src')).toBe("'self'");
    expect(directives.get('object-src')).toBe("'none'");
    expect(directives.get('base-uri')).toBe("'none'");
    expect(directives.get('frame-ancestors')).toBe("'none'");
    expect(directives.get('connect-src')).toBe("'self'");
    expect(DESKTOP_CSP).not.toMatch(/unsafe-eval|\*/);
  });

  // The built page must run under that policy: no inline script, nothing loaded from elsewhere.
  it.skipIf(!existsSync(join(ROOT, 'dist', 'renderer', 'index.html')))('the built renderer needs nothing the policy forbids', () => {
    const html = readFileSync(join(ROOT, 'dist', 'renderer', 'index.html'), 'utf8');
    const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
    expect(scripts.length).toBeGreaterThan(0);
    for (const [, attrs, body] of scripts) {
      expect(attrs).toMatch(/src="\.\/assets\//);
      expect(body!.trim()).toBe('');
    }
    for (const [, url] of html.matchAll(/(?:src|href)="([^"]+)"/g)) expect(url).toMatch(/^(\.\/|data:)/);
  });
});
