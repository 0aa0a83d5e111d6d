import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exportCommand } from '../../main/cli/export';
import { ROOT, tempDir } from './export-helpers';

const TEMPLATE = join(ROOT, 'resources', 'templates', 'mlp-iris.layerlab.json');

async function run(args: { to?: string; run?: string; out: string; dataDir: string }, file = TEMPLATE) {
  const lines: string[] = [];
  const code = await exportCommand(
    file,
    { to: args.to, out: args.out, run: args.run, dataDir: args.dataDir, root: ROOT },
    (l) => lines.push(l),
    (l) => lines.push(l),
  );
  return { code, text: lines.join('\n') };
}

describe('layerlab export', () => {
  it('writes model.py, train.py and a README, and says how many parameters', async () => {
    const dir = tempDir('cli');
    const r = await run({ to: 'pytorch', out: join(dir, 'out'), dataDir: dir });
    expect(r.code).toBe(0);
    expect(r.text).toContain('131 parameters');
    for (const f of ['model.py', 'train.py', 'README.md']) expect(existsSync(join(dir, 'out', f)), f).toBe(true);
    expect(readFileSync(join(dir, 'out', 'README.md'), 'utf8')).toContain('torchrun --nproc_per_node 4 train.py');
  });

  it('refuses an unknown target and a run that does not exist, writing nothing', async () => {
    const dir = tempDir('cli-bad');
    await expect(run({ to: 'onnx', out: join(dir, 'a'), dataDir: dir })).rejects.toThrow('--to must be one of pytorch, keras, tfjs, got "onnx"');
    await expect(run({ to: 'pytorch', run: 'last', out: join(dir, 'b'), dataDir: dir })).rejects.toThrow('This project has no runs yet: train it first.');
    await expect(run({ to: 'pytorch', run: '../etc', out: join(dir, 'c'), dataDir: dir })).rejects.toThrow('"../etc" is not a run id.');
    expect(existsSync(join(dir, 'a')) || existsSync(join(dir, 'b')) || existsSync(join(dir, 'c'))).toBe(false);
  });

  it('says why a project cannot go to a framework, and writes nothing', async () => {
    // Every catalog layer has both emitters (export-pytorch.test.ts checks a missing one by name); a GAN has no Keras fit.
    const dir = tempDir('cli-gan');
    const out = join(dir, 'out');
    await expect(run({ to: 'keras', out, dataDir: dir }, join(ROOT, 'resources', 'templates', 'dcgan-mnist.layerlab.json'))).rejects.toThrow(
      'GAN projects are exported to PyTorch',
    );
    expect(existsSync(out)).toBe(false);
  });
});
