import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { DESKTOP_CSP } from '../../main/electron/csp';
import { ROOT } from './helpers';

const bundle = join(ROOT, 'dist', 'main', 'electron.cjs');

type Entry = [string, ...unknown[]];

/** The built main process, run under Node with only the electron module replaced; what it did, in order. */
function runMain(): Entry[] {
  const dir = mkdtempSync(join(tmpdir(), 'layerlab-main-'));
  const project = join(dir, 'second.layerlab.json');
  writeFileSync(project, '{"format":"layerlab"}');
  const out = join(dir, 'log.json');
  execFileSync(process.execPath, ['--import', pathToFileURL(join(__dirname, 'electron-stub.mjs')).href, bundle], {
    env: { ...process.env, STUB_USERDATA: dir, STUB_OUT: out, STUB_PROJECT: project },
    timeout: 30_000,
  });
  return JSON.parse(readFileSync(out, 'utf8')) as Entry[];
}

describe('the built Electron main process, with only Electron faked', () => {
  it.runIf(existsSync(bundle))('hardens the app before ready, serves app://, and guards IPC', () => {
    const log = runMain();
    const find = (name: string) => log.find((e) => e[0] === name);
    const index = (name: string) => log.findIndex((e) => e[0] === name);
    expect(find('crash')).toBeUndefined();
    expect(find('registerSchemesAsPrivileged')?.[1]).toEqual({
      ready: false,
      schemes: [{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } }],
    });
    expect(find('enableSandbox')?.[1]).toEqual({ ready: false });
    expect(find('protocol.handle')?.[1]).toEqual({ ready: true, scheme: 'app' });
    expect(find('permissionCheck')?.[1]).toBe(false);
    expect(find('devicePermission')?.[1]).toBe(false);
    expect(find('menu')?.[1]).toEqual(['&File', '&Edit', '&View', 'windowMenu', '&Help']);
    const window = find('BrowserWindow')?.[1] as { webPreferences: Record<string, unknown> };
    expect(window.webPreferences).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webviewTag: false });
    expect(window.webPreferences.preload).toBe(join(ROOT, 'dist', 'main', 'preload.cjs'));
    expect(find('loadURL')?.[1]).toBe('app://layerlab/index.html');
    expect(index('protocol.handle')).toBeLessThan(index('loadURL'));
    expect(find('ipc foreign')?.[1]).toEqual({ error: 'Request refused: it did not come from the LayerLab window.' });
    expect(find('ipc subframe')?.[1]).toEqual({ error: 'Request refused: it did not come from the LayerLab window.' });
    expect(find('ipc ours')?.[1]).toEqual({ ok: { version: expect.any(String) as string, host: 'electron', files: 'native' } });
    expect(find('app://')?.[1]).toEqual({ status: 200, type: 'text/html; charset=utf-8', csp: DESKTOP_CSP });
    expect(find('app:// escape')?.[1]).not.toBe(200);
    expect(find('will-navigate')?.[1]).toBe(true);
    expect(find('window.open')?.[1]).toEqual({ action: 'deny' });
    expect(find('openExternal')?.[1]).toBe('https://example.com/');
  });

  it.runIf(existsSync(bundle))("a second launch's file opens in the running window with a handle, and joins the recent documents", () => {
    const log = runMain();
    const shell = log.filter((e) => e[0] === 'send' && e[1] === 'layerlab:shell').map((e) => e[2] as Record<string, unknown>);
    expect(shell).toEqual([
      {
        v: 1,
        type: 'project.opened',
        path: expect.stringMatching(/second\.layerlab\.json$/) as string,
        text: '{"format":"layerlab"}',
        handle: expect.stringMatching(/^[a-f0-9]{32}$/) as string,
      },
    ]);
    expect(log.find((e) => e[0] === 'addRecentDocument')?.[1]).toBe(shell[0]!.path);
  });
});
