import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { externalUrl } from '../../main/electron/external-links';
import { denyPermissions, hardenApp, secureWebPreferences } from '../../main/electron/security';
import { FakeApp, FakeContents, FakeSession, FakeShell, preventable } from './electron-fakes';
import { ROOT } from './helpers';

/** The app hardened as main.ts does it, and one web contents created afterwards. */
function hardened() {
  const app = new FakeApp();
  const shell = new FakeShell();
  const refused: string[] = [];
  hardenApp(app, shell, (what, detail) => refused.push(`${what} ${detail}`));
  const contents = new FakeContents();
  app.emit('web-contents-created', {}, contents);
  return { app, shell, contents, refused };
}

describe('Electron security checklist: app-wide', () => {
  it('enables the sandbox for every renderer', () => {
    expect(hardened().app.sandboxed).toBe(true);
  });

  it.each([
    'app://layerlab/index.html',
    'app://layerlab/other.html',
    'file:///etc/passwd',
    'https://example.com/',
    'http://127.0.0.1:8080/',
    'javascript:alert(1)',
  ])('denies navigating any web contents to %s', (url) => {
    const { contents } = hardened();
    const e = preventable(url);
    contents.emit('will-navigate', e);
    expect(e.prevented).toBe(true);
  });

  it('denies redirects and frame navigation', () => {
    const { contents, refused } = hardened();
    const redirect = preventable('https://evil.example/');
    const frame = preventable('app://layerlab/index.html');
    contents.emit('will-redirect', redirect);
    contents.emit('will-frame-navigate', frame);
    expect(redirect.prevented).toBe(true);
    expect(frame.prevented).toBe(true);
    expect(refused).toEqual(['redirect https://evil.example/', 'frame navigation app://layerlab/index.html']);
  });

  it('denies every window.open; only a checked https link goes to the system browser', () => {
    const { contents, shell } = hardened();
    const open = contents.windowOpenHandler!;
    for (const url of [
      'https://keras.io/api/layers/',
      'app://layerlab/index.html',
      'file:///etc/passwd',
      'http://example.com/',
      'ms-msdt:/id',
      'https://user:pw@example.com/',
      'not a url',
    ]) {
      expect(open({ url })).toEqual({ action: 'deny' });
    }
    expect(shell.opened).toEqual(['https://keras.io/api/layers/']);
  });

  it('a link clicked in the page never navigates it: https opens outside, anything else is dropped', () => {
    const { contents, shell } = hardened();
    for (const url of ['https://www.tensorflow.org/js', 'file:///home/me/secret.csv', 'smb://server/share']) {
      const e = preventable(url);
      contents.emit('will-navigate', e);
      expect(e.prevented).toBe(true);
    }
    expect(shell.opened).toEqual(['https://www.tensorflow.org/js']);
  });

  it('checks external links strictly', () => {
    expect(externalUrl('https://example.com/a?b#c')).toBe('https://example.com/a?b#c');
    for (const bad of ['http://example.com/', 'file:///x', 'https://a:b@example.com/', 'javascript:1', '', 'https://']) expect(externalUrl(bad)).toBeNull();
  });

  it('refuses to attach a <webview>', () => {
    const { contents, refused } = hardened();
    const e = preventable();
    contents.emit('will-attach-webview', e, {}, { src: 'https://evil.example/' });
    expect(e.prevented).toBe(true);
    expect(refused).toContain('webview ');
  });

  it('denies every permission request and check, in every session', () => {
    const app = new FakeApp();
    hardenApp(app, new FakeShell());
    const session = new FakeSession();
    app.emit('session-created', session);
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal', 'hid', 'serial', 'fullscreen', 'unknown']) {
      let granted: boolean | null = null;
      session.request!({}, permission, (g) => (granted = g), { requestingUrl: 'app://layerlab/index.html' });
      expect(granted, permission).toBe(false);
      expect(session.check!({}, permission, 'app://layerlab')).toBe(false);
    }
    expect(session.device!()).toBe(false);
  });

  it('lets only our page write text to the clipboard', () => {
    const session = new FakeSession();
    denyPermissions(session);
    const ask = (url: string) => {
      let granted: boolean | null = null;
      session.request!({}, 'clipboard-sanitized-write', (g) => (granted = g), { requestingUrl: url });
      return granted;
    };
    expect(ask('app://layerlab/index.html')).toBe(true);
    expect(session.check!({}, 'clipboard-sanitized-write', 'app://layerlab')).toBe(true);
    for (const url of ['https://evil.example/', 'file:///x.html', 'app://other/index.html', 'garbage']) {
      expect(ask(url)).toBe(false);
      expect(session.check!({}, 'clipboard-sanitized-write', url)).toBe(false);
    }
  });

  it('makes windows with context isolation and the sandbox on, Node integration and webviews off', () => {
    const prefs = secureWebPreferences('/app/preload.cjs');
    expect(prefs).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      webSecurity: true,
    });
  });

  it('every BrowserWindow in the shell is made with those preferences, and the UI never loads from file://', () => {
    const dir = join(ROOT, 'main', 'electron');
    const sources = readdirSync(dir)
      .filter((f) => f.endsWith('.ts'))
      .map((f) => [f, readFileSync(join(dir, f), 'utf8')] as const);
    const windows = sources.filter(([, s]) => s.includes('new BrowserWindow('));
    expect(windows.length).toBeGreaterThan(0);
    for (const [file, s] of windows) {
      const made = s.split('new BrowserWindow(').length - 1;
      expect(s.split('webPreferences: secureWebPreferences(').length - 1, file).toBe(made);
    }
    for (const [file, s] of sources) {
      expect(s, file).not.toMatch(/loadFile\(|pathToFileURL|['"`]file:\/\//);
    }
  });
});
