import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Workspace } from '../../main/service/workspace';
import type { WebHost } from '../../main/web/server';
import { call, connect, testHost } from './web-client';

let host: WebHost;
let root = '';
let workspace = '';
let cleanup: () => Promise<void>;
beforeAll(async () => {
  ({ host, root, workspace, cleanup } = await testHost());
  writeFileSync(join(root, 'secret.csv'), 'a,b\n1,2\n');
  mkdirSync(join(workspace, 'data'));
  writeFileSync(join(workspace, 'data', 'ok.csv'), 'x,y\n1,2\n3,4\n');
  symlinkSync(join(root, 'secret.csv'), join(workspace, 'link.csv'));
  symlinkSync(root, join(workspace, 'outside'));
});
afterAll(() => cleanup());

describe('the workspace', () => {
  it('resolves paths inside it, relative or absolute', () => {
    const ws = new Workspace(workspace);
    expect(ws.resolve('data/ok.csv')).toBe(join(ws.root, 'data', 'ok.csv'));
    expect(ws.resolve(join(workspace, 'data', 'ok.csv'))).toBe(join(ws.root, 'data', 'ok.csv'));
    expect(ws.resolve('not-yet/new.csv')).toBe(join(ws.root, 'not-yet', 'new.csv'));
  });

  it('refuses .., absolute paths outside, and symlinks that lead out, each with a precise message', () => {
    const ws = new Workspace(workspace);
    expect(() => ws.resolve('../secret.csv')).toThrow(/goes up with "\.\."/);
    expect(() => ws.resolve('data/../../secret.csv')).toThrow(/goes up with "\.\."/);
    expect(() => ws.resolve(join(root, 'secret.csv'))).toThrow(/is outside the workspace/);
    expect(() => ws.resolve('/etc/passwd')).toThrow(/"\/etc\/passwd" is outside the workspace/);
    expect(() => ws.resolve('link.csv')).toThrow(/outside the workspace/);
    expect(() => ws.resolve('outside/secret.csv')).toThrow(/outside the workspace/);
    expect(() => ws.resolve('outside/new/deeper.csv')).toThrow(/outside the workspace/);
    expect(() => ws.resolve('data/ok.csv', '/etc')).toThrow(/outside the workspace/);
    expect(() => ws.resolve('a\0b')).toThrow(/NUL/);
  });

  it('confines data.inspect, data.import and data.relocate in the web host', async () => {
    const ws = await connect(host);
    const settings = (path: string) => ({ dataset: 'csv', source: { path } });
    const outside = join(root, 'secret.csv');
    let id = 1;
    for (const kind of ['data.inspect', 'data.import']) {
      for (const path of [outside, '../secret.csv', 'link.csv', 'outside/secret.csv']) {
        const r = await call(ws, { id: id++, kind, payload: { settings: settings(path) } });
        expect(r.ok, `${kind} ${path}`).toBe(false);
        expect(r.error).toMatch(/outside the workspace|goes up/);
        expect(r.error).not.toContain('1,2');
      }
      const viaBase = await call(ws, { id: id++, kind, payload: { settings: settings('secret.csv'), baseDir: root } });
      expect(viaBase.error).toMatch(/outside the workspace/);
    }
    const relocate = await call(ws, { id: id++, kind: 'data.relocate', payload: { settings: settings('data/ok.csv'), path: outside } });
    expect(relocate.error).toMatch(/outside the workspace/);
    const inside = await call(ws, { id, kind: 'data.inspect', payload: { settings: settings('data/ok.csv') } });
    expect(inside.ok).toBe(true);
    // The reply keeps the path as typed, so the Data panel's field does not jump to a resolved path.
    expect(inside.reply).toMatchObject({ settings: { source: { path: 'data/ok.csv' } }, preview: { kind: 'csv' } });
    ws.close();
  });
});
