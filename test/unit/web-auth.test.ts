import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exposureWarning, type WebHost } from '../../main/web/server';
import { connect, cookieFor, portOf, rawRequest, testHost, upgradeText } from './web-client';

let host: WebHost;
let cleanup: () => Promise<void>;
beforeAll(async () => {
  ({ host, cleanup } = await testHost());
});
afterAll(() => cleanup());

const page = (path: string, headers: Record<string, string> = {}) => fetch(new URL(path, host.origin), { headers, redirect: 'manual' });

describe('the start token', () => {
  it('is a long random secret in the URL the host shows', async () => {
    expect(host.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[A-Za-z0-9_-]{43}$/);
    const other = await testHost();
    expect(other.host.token).not.toBe(host.token);
    await other.cleanup();
  });

  it('is exchanged on first load for an HttpOnly SameSite=Strict cookie, then the token leaves the address', async () => {
    const res = await page(`/?token=${host.token}`);
    expect(res.status).toBe(302);
    expect(res.headers.get('location')).toBe('/');
    const cookie = res.headers.get('set-cookie')!;
    expect(cookie).toContain(`layerlab_${portOf(host)}=${host.token}`);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    const app = await page('/', { cookie: cookie.split(';')[0]! });
    expect(app.status).toBe(200);
    expect(await app.text()).toMatch(/<!doctype html>/i);
  });

  it('is required on every HTTP request for the app', async () => {
    for (const path of ['/', '/index.html', '/assets/anything.js', '/upload']) {
      const res = await page(path);
      expect(res.status, path).toBe(401);
      expect(await res.text()).toMatch(/token/);
    }
    expect((await page('/?token=wrong-token-wrong-token-wrong-token')).status).toBe(401);
    expect((await page('/', { cookie: `layerlab_${portOf(host)}=nope` })).status).toBe(401);
    expect((await page('/', { authorization: `Bearer ${host.token}` })).status).toBe(200);
  });

  it('is required on the WebSocket upgrade, and so is a same-origin Origin', async () => {
    await expect(connect(host, { cookie: null })).rejects.toThrow('HTTP 401');
    await expect(connect(host, { cookie: `layerlab_${portOf(host)}=nope` })).rejects.toThrow('HTTP 401');
    await expect(connect(host, { origin: 'https://evil.example' })).rejects.toThrow('HTTP 403');
    await expect(connect(host, { origin: `http://127.0.0.1:${portOf(host) + 1}` })).rejects.toThrow('HTTP 403');
    // No Origin at all: not a browser page of ours, refused even with the cookie.
    expect(await rawRequest(host, upgradeText(host, '/ws', { Origin: null }))).toMatch(/^HTTP\/1\.1 403/);
    (await connect(host)).close();
  });

  it('checks the Host header, so a rebound DNS name cannot reach the host', async () => {
    expect(await rawRequest(host, `GET / HTTP/1.1\r\nHost: evil.example:${portOf(host)}\r\nCookie: ${cookieFor(host)}\r\n\r\n`)).toMatch(/^HTTP\/1\.1 400/);
    expect(await rawRequest(host, upgradeText(host, '/ws', { Host: `evil.example:${portOf(host)}`, Origin: `http://evil.example:${portOf(host)}` }))).toMatch(
      /^HTTP\/1\.1 400/,
    );
    expect(await rawRequest(host, `GET / HTTP/1.1\r\nHost: localhost:${portOf(host)}\r\nCookie: ${cookieFor(host)}\r\n\r\n`)).toMatch(/^HTTP\/1\.1 200/);
  });
});

describe('security headers', () => {
  it('are on every response, refusals included', async () => {
    for (const res of [await page('/'), await page('/', { cookie: cookieFor(host) }), await page('/nothing.js', { cookie: cookieFor(host) })]) {
      const csp = res.headers.get('content-security-policy')!;
      for (const part of ["default-src 'self'", "frame-ancestors 'none'", "object-src 'none'", "base-uri 'none'"]) expect(csp).toContain(part);
      expect(csp).toContain(`connect-src 'self' ws://127.0.0.1:${portOf(host)}`);
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('referrer-policy')).toBe('no-referrer');
      expect(res.headers.get('cross-origin-opener-policy')).toBe('same-origin');
    }
  });
});

describe('--host other than loopback', () => {
  it('warns what is exposed, and still requires the token (tested over 127.0.0.1)', async () => {
    expect(exposureWarning('127.0.0.1', '/w')).toBeNull();
    expect(exposureWarning('0.0.0.0', '/srv/lab')).toMatch(/reachable from other machines.*\/srv\/lab/s);
    const wide = await testHost({ host: '0.0.0.0' });
    try {
      const h = wide.host;
      expect(h.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=/);
      expect((await fetch(h.origin)).status).toBe(401);
      await expect(connect(h, { cookie: null })).rejects.toThrow('HTTP 401');
      expect((await fetch(h.origin, { headers: { cookie: cookieFor(h) } })).status).toBe(200);
      (await connect(h)).close();
    } finally {
      await wide.cleanup();
    }
  });
});
