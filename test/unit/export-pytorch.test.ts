import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeGraph } from '../../app/analysis/analyze';
import { planGraph, type EmitPlan } from '../../app/export/graph';
import { kerasModel } from '../../app/export/keras';
import { pytorchModel } from '../../app/export/pytorch/model';
import { prepareExport, writeExport } from '../../main/export/export-folder';
import { printedTotal, PYTHON, ROOT, runPython, tempDir, template } from './export-helpers';

const TEMPLATES = readdirSync(join(ROOT, 'resources', 'templates')).map((f) => f.replace('.layerlab.json', ''));

describe('PyTorch export', () => {
  it('a layer without an emitter is an error naming it, never half-written code', () => {
    // Every layer of the catalog has both emitters today, so one is taken away from LeNet's dense_1 in the plan.
    const planned = planGraph(template('lenet-mnist'));
    if (!planned.ok) throw new Error(planned.errors.join('\n'));
    const strip = (target: 'keras' | 'pytorch'): EmitPlan => ({
      ...planned.plan,
      steps: planned.plan.steps.map((s) => (s.node.name === 'dense_1' ? { ...s, def: { ...s.def, [target]: undefined } } : s)),
    });
    const keras = kerasModel(strip('keras'));
    expect(keras.ok).toBe(false);
    if (!keras.ok) expect(keras.errors).toEqual(['dense_1 (Dense) has no Keras emitter yet, so the graph cannot be exported to Keras.']);
    const torch = pytorchModel(strip('pytorch'));
    expect(torch.ok).toBe(false);
    if (!torch.ok) expect(torch.errors.join('\n')).toContain('dense_1 (Dense)');
    expect(kerasModel(planned.plan).ok).toBe(true);
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
