import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, template, TEMPLATES } from './helpers';

const cli = (...args: string[]) => spawnSync(process.execPath, [join(ROOT, 'bin', 'layerlab.mjs'), ...args], { encoding: 'utf8', timeout: 120_000 });

describe('layerlab CLI', () => {
  it('validate prints a Keras-style summary with 101,770 parameters for the MNIST MLP', () => {
    const r = cli('validate', join(TEMPLATES, 'mlp-mnist.layerlab.json'));
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('dense_1 (Dense)       (None, 128)   100,480  input_1');
    expect(r.stdout).toContain('Total params: 101,770');
  });

  it('validate exits 1 and lists what is wrong with an invalid graph', () => {
    const doc = template('mlp-mnist');
    doc.graph.edges = doc.graph.edges.slice(1);
    const file = join(mkdtempSync(join(tmpdir(), 'layerlab-')), 'broken.layerlab.json');
    writeFileSync(file, JSON.stringify(doc));
    const r = cli('validate', file);
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('input_1 (InputLayer): This layer is not connected to anything.');
    expect(r.stdout).toContain('dense_1 (Dense) input "input": Nothing feeds this layer.');
  });

  it('explains a missing file and an unknown command', () => {
    expect(cli('validate', '/nonexistent.layerlab.json')).toMatchObject({ status: 1, stderr: 'error: Cannot read /nonexistent.layerlab.json: no such file\n' });
    expect(cli('launch').stderr).toContain('error: Unknown command "launch".');
  });

  it('train --json prints one JSON line per epoch with the fields scripts need', () => {
    const r = cli('train', join(TEMPLATES, 'mlp-spirals.layerlab.json'), '--epochs', '3', '--json', '--backend', 'wasm');
    expect(r.status).toBe(0);
    const lines = r.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines).toHaveLength(3);
    expect(Object.keys(lines[0])).toEqual(['epoch', 'loss', 'accuracy', 'val_loss', 'val_accuracy', 'seconds', 'backend']);
    expect(lines.map((l) => l.epoch)).toEqual([1, 2, 3]);
    expect(lines[2].backend).toBe('wasm');
    expect(lines[2].loss).toBeLessThan(lines[0].loss);
  });

  it('train rejects a bad backend name', () => {
    const r = cli('train', join(TEMPLATES, 'mlp-spirals.layerlab.json'), '--backend', 'tpu');
    expect(r).toMatchObject({ status: 1, stderr: 'error: --backend must be one of tensorflow, wasm, cpu, webgpu, pytorch\n' });
  });
});
