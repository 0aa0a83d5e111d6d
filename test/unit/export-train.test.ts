import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DOWNLOADS } from '../../app/data/downloads';
import type { ZooId } from '../../app/transfer/sources';
import { downloadCache } from '../../main/engine/datasets/cache';
import { zooCacheDir } from '../../main/transfer/zoo';
import { prepareExport, writeExport } from '../../main/export/export-folder';
import { needsUserSource } from '../../main/export/user-data';
import { PYTHON, ROOT, runPython, tempDir, template } from './export-helpers';

const TEMPLATES = readdirSync(join(ROOT, 'resources', 'templates')).map((f) => f.replace('.layerlab.json', ''));

/** A template whose dataset is downloaded on first use (CIFAR-10, Fashion-MNIST) trains only where the download is cached. */
function missingDownload(name: string): string | null {
  const id = template(name).data.dataset;
  if (!(id in DOWNLOADS)) return null;
  const files = DOWNLOADS[id as keyof typeof DOWNLOADS].files.map((f) => join(downloadCache().dir, f.file));
  return files.every((f) => existsSync(f)) ? null : `${name}: ${id} is not downloaded here (no network), skipped`;
}

/** A template built on a zoo model exports only where the model is downloaded (the export never downloads). */
function missingZooModel(name: string): string | null {
  const zoo = template(name).graph.nodes.find((n) => n.type === 'PretrainedModel' && (n.params.source as { kind?: string }).kind === 'zoo');
  const model = zoo ? (zoo.params.source as { model: ZooId }).model : undefined;
  if (!model || existsSync(join(zooCacheDir(downloadCache().dir), model, 'model.json'))) return null;
  return `${name}: the ${model} model is not downloaded here (no network), skipped`;
}

async function exported(name: string): Promise<string> {
  const dir = tempDir(`train-${name}`);
  await writeExport(await prepareExport({ doc: template(name), target: 'pytorch', root: ROOT }), dir);
  return dir;
}

describe('exported train.py', () => {
  it.skipIf(!PYTHON.python)(
    `takes one training step for every template (${PYTHON.why || PYTHON.python})`,
    async () => {
      for (const name of TEMPLATES) {
        const skip = missingDownload(name) ?? missingZooModel(name);
        if (skip) {
          console.warn(skip);
          continue;
        }
        const dir = await exported(name);
        const r = runPython(['train.py', '--epochs', '1', '--steps', '1'], dir, 240_000);
        if (needsUserSource(template(name).data)) {
          // A template for your own pictures, as shipped: the code goes out, and train.py says what is missing.
          expect(r.code, name).not.toBe(0);
          expect(r.out, name).toContain("No data/ beside this script: choose the project's data in LayerLab's Data panel");
          continue;
        }
        expect(r.code, `${name}: ${r.out}`).toBe(0);
        expect(r.out, name).toMatch(/epoch 1\/1 .*loss \d/);
      }
    },
    900_000,
  );

  it.skipIf(!PYTHON.python)(
    'runs under torchrun with 2 gloo ranks and ends with the same weights on both',
    async () => {
      const dir = await exported('mlp-spirals');
      // Debian's PyTorch 1.13 on Python 3.11 needs --redirects 1 --tee 1 to start (see the export's README).
      const r = runPython(
        ['-m', 'torch.distributed.run', '--nproc_per_node', '2', '--redirects', '1', '--tee', '1', 'train.py', '--epochs', '1'],
        dir,
        240_000,
      );
      expect(r.code, r.out).toBe(0);
      const sums = [...r.out.matchAll(/rank (\d) weights checksum (-?[\d.]+)/g)].map((m) => [m[1], m[2]]);
      expect(new Set(sums.map(([rank]) => rank))).toEqual(new Set(['0', '1']));
      expect(new Set(sums.map(([, sum]) => sum)).size, r.out).toBe(1);
    },
    300_000,
  );
});
