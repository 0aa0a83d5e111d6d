import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT } from './helpers';

const BIN = join(ROOT, 'bin', 'layerlab.mjs');
const dir = mkdtempSync(join(tmpdir(), 'layerlab-serve-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('layerlab serve', () => {
  it('answers a port out of range with one line, not a stack trace', () => {
    for (const port of ['70000', '-1', 'abc', '1e3']) {
      const r = spawnSync(process.execPath, [BIN, 'serve', `--port=${port}`, '--data-dir', dir], { encoding: 'utf8', timeout: 30_000 });
      expect(r.status, port).toBe(1);
      expect(r.stderr).toBe(`error: --port must be a whole number from 0 to 65535, got "${port}"\n`);
    }
  });

  it('with --host 0.0.0.0 warns what is exposed and still needs the token (over 127.0.0.1)', async () => {
    const token = 'e2e-test-token-0123456789abcdefghijklmnop';
    const child = spawn(process.execPath, [BIN, 'serve', '--host', '0.0.0.0', '--port', '0', '--workspace', dir, '--data-dir', dir], {
      env: { ...process.env, LAYERLAB_TOKEN: token },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    try {
      const url = await new Promise<string>((resolve, reject) => {
        const timer = setInterval(() => {
          const m = /running at (\S+)/.exec(stdout);
          if (m) resolve(m[1]!);
          if (child.exitCode !== null) reject(new Error(stderr));
        }, 20);
        child.once('exit', () => clearInterval(timer));
        setTimeout(() => clearInterval(timer), 20_000).unref();
      });
      expect(stderr).toMatch(/^warning: --host 0\.0\.0\.0 makes LayerLab reachable from other machines/);
      expect(stderr).toContain(dir);
      expect(url).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:\\d+/\\?token=${token}$`));
      const origin = new URL(url).origin;
      expect((await fetch(origin)).status).toBe(401);
      const login = await fetch(url, { redirect: 'manual' });
      expect(login.status).toBe(302);
      const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
      expect((await fetch(origin, { headers: { cookie } })).status).toBe(200);
    } finally {
      child.kill('SIGTERM');
      await new Promise((resolve) => child.once('exit', resolve));
    }
  });
});
