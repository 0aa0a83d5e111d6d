import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, TEMPLATES } from './helpers';

const BIN = join(ROOT, 'bin', 'layerlab.mjs');
const cli = (...args: string[]) => spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', timeout: 30_000 });
const scratch = () => mkdtempSync(join(tmpdir(), 'layerlab-cli-'));

describe('project files the CLI is given', () => {
  it('opens a file that starts with a UTF-8 byte-order mark', () => {
    const file = join(scratch(), 'bom.layerlab.json');
    writeFileSync(file, `\uFEFF${readFileSync(join(TEMPLATES, 'mlp-mnist.layerlab.json'), 'utf8')}`);
    const r = cli('validate', file);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('Total params: 101,770');
  });

  it('refuses a named pipe at once instead of waiting for a writer', () => {
    const fifo = join(scratch(), 'pipe.layerlab.json');
    execFileSync('mkfifo', [fifo]);
    const started = Date.now();
    const r = cli('validate', fifo);
    // spawnSync's 30 s timeout would kill a hanging read (status null).
    expect(r.status).toBe(1);
    expect(r.stderr).toBe(`error: Cannot read ${fifo}: it is a named pipe, not a project file.\n`);
    expect(Date.now() - started).toBeLessThan(20_000);
  });

  it('refuses a folder and a device by what they are', () => {
    const dir = scratch();
    expect(cli('validate', dir).stderr).toBe(`error: Cannot read ${dir}: it is a folder, not a project file.\n`);
    expect(cli('train', '/dev/zero').stderr).toBe('error: Cannot read /dev/zero: it is a device, not a project file.\n');
  });
});

describe('layerlab train and signals', () => {
  it('records a run stopped by SIGTERM as stopped, like Ctrl+C', async () => {
    const dataDir = scratch();
    const child = spawn(
      process.execPath,
      [BIN, 'train', join(TEMPLATES, 'mlp-spirals.layerlab.json'), '--epochs', '500', '--backend', 'cpu', '--data-dir', dataDir],
      {
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let stdout = '';
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    // Signal once the first epoch is on screen: the run has started and recorded something.
    await new Promise<void>((resolve, reject) => {
      child.stdout.on('data', (d: Buffer) => {
        stdout += d.toString();
        if (stdout.includes('Epoch 1/500')) resolve();
      });
      child.on('exit', () => reject(new Error(`train exited before its first epoch:\n${stdout}\n${stderr}`)));
    });
    child.kill('SIGTERM');
    expect(await exited).toBe(143);
    expect(stdout).toMatch(/Run stopped after \d+ epochs? in/);
    const dir = /Run recorded in (.+)/.exec(stdout)![1]!.trim();
    const run = JSON.parse(readFileSync(join(dir, 'run.json'), 'utf8')) as { status: string; epochsDone: number };
    expect(run.status).toBe('stopped');
    expect(run.epochsDone).toBeGreaterThan(0);
    expect(run.epochsDone).toBeLessThan(500);
  });
});
