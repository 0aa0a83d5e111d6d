import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeGraph } from '../../app/analysis/analyze';
import { exportProject } from '../../app/export/export';
import { writeExport } from '../../main/export/export-folder';
import { printedTotal, PYTHON, ROOT, runPython, tempDir, template } from './export-helpers';

const TEMPLATES = readdirSync(join(ROOT, 'resources', 'templates')).map((f) => f.replace('.layerlab.json', ''));

describe('PyTorch export', () => {
  it('a layer without a PyTorch emitter is an error naming it', () => {
    const doc = template('lenet-mnist');
    // The RBM trains by contrastive divergence and has no PyTorch emitter yet.
    const dense = doc.graph.nodes.find((n) => n.name === 'dense_1')!;
    dense.type = 'RBM';
    dense.params = { units: 120 };
    const result = exportProject(doc, 'pytorch', { dataPackages: 'node_modules', withWeights: false });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors.join('\n')).toContain(`${dense.name} (RBM) has no PyTorch emitter`);
  });

  it.skipIf(!PYTHON.python)(
    `model.py --check prints LayerLab's count for every template (${PYTHON.why || PYTHON.python})`,
    async () => {
      for (const name of TEMPLATES) {
        const doc = template(name);
        const dir = tempDir(`pt-${name}`);
        // The code alone (app/export): --check needs no data, so none is prepared.
        const result = exportProject(doc, 'pytorch', { dataPackages: 'node_modules', withWeights: false });
        if (!result.ok) {
          // A layer without an emitter yet (the RBM, trained by contrastive divergence) must be refused by name.
          expect(result.errors.join('\n'), name).toMatch(/\(RBM\) has no PyTorch emitter/);
          console.warn(`${name}: not exported (${result.errors.join(' ')})`);
          continue;
        }
        await writeExport({ files: result.files.map((f) => ({ path: f.path, data: f.text })), totalParams: result.totalParams }, dir);
        const r = runPython(['model.py', '--check'], dir);
        expect(r.code, `${name}: ${r.out}`).toBe(0);
        expect(printedTotal(r.out), name).toBe(analyzeGraph(doc.graph).totalParams);
      }
    },
    300_000,
  );
});
