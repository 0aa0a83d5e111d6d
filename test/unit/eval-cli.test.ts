import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT, TEMPLATES } from './helpers';

const dataDir = mkdtempSync(join(tmpdir(), 'layerlab-eval-'));
const cli = (...args: string[]) =>
  spawnSync(process.execPath, [join(ROOT, 'bin', 'layerlab.mjs'), ...args, '--data-dir', dataDir], { encoding: 'utf8', timeout: 120_000 });
const SPIRALS = join(TEMPLATES, 'mlp-spirals.layerlab.json');

/** The one run folder `train` recorded for the spirals template. */
function runDir(): string {
  const projects = join(dataDir, 'projects');
  const project = readdirSync(projects)[0]!;
  const runs = join(projects, project, 'runs');
  return join(runs, readdirSync(runs)[0]!);
}

describe('layerlab evaluate', () => {
  beforeAll(() => {
    const r = cli('train', SPIRALS, '--epochs', '3', '--backend', 'wasm');
    expect(r.status, r.stderr).toBe(0);
  });

  it('scores the last run on fresh points: accuracy, per-class scores and a confusion matrix that covers every point', () => {
    const r = cli('evaluate', SPIRALS, '--run', 'last', '--json', '--backend', 'wasm');
    expect(r.status, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout) as { kind: string; split: { name: string; count: number }; accuracy: number; confusion: number[][]; perClass: unknown[] };
    expect(out.kind).toBe('classification');
    expect(out.split.name).toBe('fresh');
    expect(out.confusion).toHaveLength(2);
    expect(out.confusion.flat().reduce((a, n) => a + n, 0)).toBe(out.split.count);
    const diagonal = out.confusion[0]![0]! + out.confusion[1]![1]!;
    expect(out.accuracy).toBeCloseTo(diagonal / out.split.count, 10);
    expect(out.perClass).toHaveLength(2);
  });

  it('prints a readable table without --json', () => {
    const r = cli('evaluate', SPIRALS, '--backend', 'wasm');
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/accuracy \d+\.\d+%/);
    expect(r.stdout).toContain('Confusion matrix (rows: true class):');
  });

  it('says plainly that damaged weights cannot be read, and leaves them as they were', () => {
    const bin = join(runDir(), 'weights', 'last', 'weights.bin');
    const good = readFileSync(bin);
    writeFileSync(bin, good.subarray(0, 10));
    try {
      const r = cli('evaluate', SPIRALS, '--json', '--backend', 'wasm');
      expect(r.status).toBe(1);
      expect(r.stderr).toMatch(/^error: The run's saved last weights could not be read, so they may be damaged .*Nothing was changed\.\n$/s);
      expect(readFileSync(bin).length).toBe(10);
    } finally {
      writeFileSync(bin, good);
    }
  });

  it('explains a run without weights and an unknown run id', () => {
    const dir = runDir();
    const best = join(dir, 'weights', 'best');
    const kept = readdirSync(best).map((f) => [f, readFileSync(join(best, f))] as const);
    rmSync(best, { recursive: true });
    try {
      const r = cli('evaluate', SPIRALS, '--weights', 'best', '--backend', 'wasm');
      expect(r.status).toBe(1);
      expect(r.stderr).toContain('This run saved no best weights');
    } finally {
      mkdirSync(best, { recursive: true });
      for (const [f, bytes] of kept) writeFileSync(join(best, f), bytes);
    }
    expect(cli('evaluate', SPIRALS, '--run', 'no-such-run').stderr).toContain('There is no run no-such-run in this project.');
    expect(cli('evaluate', SPIRALS, '--run', '../../etc').stderr).toContain('--run must be "last" or a run id');
  });
});
