import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeGraph } from '../../app/analysis/analyze';
import { exportProject } from '../../app/export/export';
import { prepareExport, writeExport } from '../../main/export/export-folder';
import { printedTotal, PYTHON, ROOT, runPython, tempDir, template } from './export-helpers';

const TEMPLATES = readdirSync(join(ROOT, 'resources', 'templates')).map((f) => f.replace('.layerlab.json', ''));

describe('PyTorch export', () => {
  it('a layer without an emitter is an error naming it, never half-written code', () => {
    const doc = template('lenet-mnist');
    // Every layer has a PyTorch emitter; the RBM has no Keras one (its CD loop is written for PyTorch only).
    const dense = doc.graph.nodes.find((n) => n.name === 'dense_1')!;
    dense.type = 'RBM';
    dense.params = { units: 120 };
    const result = exportProject(doc, 'keras', { dataPackages: 'node_modules', withWeights: false });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors.join('\n')).toContain(`${dense.name} (RBM) has no Keras emitter`);
    expect(exportProject(doc, 'pytorch', { dataPackages: 'node_modules', withWeights: false }).ok).toBe(true);
  });

  it.skipIf(!PYTHON.python)(
    `model.py --check prints LayerLab's count for every template (${PYTHON.why || PYTHON.python})`,
    async () => {
      for (const name of TEMPLATES) {
        const doc = template(name);
        const dir = tempDir(`pt-${name}`);
        // As the menu and the CLI export: a Pretrained model node is written out as its source's layers.
        let prepared;
        try {
          prepared = await prepareExport({ doc, target: 'pytorch', root: ROOT });
        } catch (e) {
          // A zoo model is downloaded on first use, which these machines cannot: refused by name, never half-written.
          expect((e as Error).message, name).toMatch(/must be downloaded/);
          console.warn(`${name}: not exported (${(e as Error).message})`);
          continue;
        }
        await writeExport(prepared, dir);
        const r = runPython(['model.py', '--check'], dir);
        expect(r.code, `${name}: ${r.out}`).toBe(0);
        expect(printedTotal(r.out), name).toBe(analyzeGraph(doc.graph).totalParams);
      }
    },
    300_000,
  );
});
