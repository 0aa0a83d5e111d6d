import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { loadProject } from '../../app/document/load';
import type { ProjectDoc } from '../../app/document/schema';

export const ROOT = resolve(__dirname, '../..');

/**
 * Debian's PyTorch lives under /usr/bin/python3 only (the python3 on PATH may be another interpreter):
 * try the one the user named, then that. null when none has torch and numpy, with the reason for the skip.
 */
function findPython(): { python: string | null; why: string } {
  const candidates = [process.env.LAYERLAB_PYTHON, '/usr/bin/python3', 'python3'].filter((c): c is string => !!c);
  for (const python of candidates) {
    const r = spawnSync(python, ['-c', 'import torch, numpy'], { encoding: 'utf8' });
    if (r.status === 0) return { python, why: '' };
  }
  return { python: null, why: `no Python with torch and numpy among ${candidates.join(', ')}` };
}

export const PYTHON = findPython();

export function runPython(args: readonly string[], cwd: string, timeout = 120_000): { code: number | null; out: string } {
  const r = spawnSync(PYTHON.python ?? 'python3', args, { cwd, encoding: 'utf8', timeout, env: { ...process.env, OMP_NUM_THREADS: '1' } });
  return { code: r.status, out: `${r.stdout}${r.stderr}` };
}

export function template(name: string): ProjectDoc {
  const loaded = loadProject(JSON.parse(readFileSync(join(ROOT, 'resources', 'templates', `${name}.layerlab.json`), 'utf8')));
  if (!loaded.ok) throw new Error(loaded.error);
  return loaded.doc;
}

export const tempDir = (prefix: string) => mkdtempSync(join(tmpdir(), `layerlab-${prefix}-`));

/** " Total params: 61,706" → 61706. */
export function printedTotal(out: string): number | null {
  const m = /Total params: ([\d,]+)/.exec(out);
  return m ? Number(m[1]!.replace(/,/g, '')) : null;
}
