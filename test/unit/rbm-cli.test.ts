import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, TEMPLATES } from './helpers';

describe('layerlab train on the RBM template', () => {
  it('trains rbm-mnist for an epoch with a falling reconstruction error', () => {
    const r = spawnSync(process.execPath, [join(ROOT, 'bin', 'layerlab.mjs'), 'train', join(TEMPLATES, 'rbm-mnist.layerlab.json'), '--epochs', '1', '--json'], {
      encoding: 'utf8',
      timeout: 240_000,
    });
    expect(r.status, r.stderr).toBe(0);
    const epochs = r.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as Record<string, number | string | null>);
    expect(epochs).toHaveLength(1);
    const e = epochs[0]!;
    const first = e.first_batch_reconstruction_error as number;
    const mean = e.reconstruction_error as number;
    const after = e.val_reconstruction_error as number;
    // Untrained, reconstructions are ~0.5 everywhere; a single epoch of CD-1 brings them close to the digits.
    expect(first).toBeGreaterThan(0.1);
    expect(mean).toBeLessThan(first / 2);
    expect(after).toBeLessThan(mean);
    expect(after).toBeLessThan(0.05);
    expect(e.pseudo_likelihood).toEqual(expect.any(Number));
  }, 300_000);
});
