import * as tf from '@tensorflow/tfjs';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeGraph } from '../../app/analysis/analyze';
import { closestKey } from '../../app/analysis/unknown-params';
import { loadProjectText } from '../../app/document/load';
import { validateCommand } from '../../main/cli/validate';
import { buildModel } from '../../main/engine/build-model';
import { TEMPLATES } from './helpers';

/** The LeNet template with `extra` added to the first convolution's params, as a file would hold it. */
function lenetText(extra: Record<string, unknown>): string {
  const raw = JSON.parse(readFileSync(join(TEMPLATES, 'lenet-mnist.layerlab.json'), 'utf8')) as {
    graph: { nodes: { id: string; params: Record<string, unknown> }[] };
  };
  const conv = raw.graph.nodes.find((n) => n.id === 'conv2d_1')!;
  conv.params = { ...conv.params, ...extra };
  return JSON.stringify(raw);
}

function load(text: string) {
  const loaded = loadProjectText(text);
  if (!loaded.ok) throw new Error(loaded.error);
  return loaded.doc;
}

describe('params a layer does not have', () => {
  it('warns on the node, naming the key and the one it probably meant', () => {
    const doc = load(lenetText({ kernel_size: [3, 3] }));
    expect(doc.graph.nodes.find((n) => n.id === 'conv2d_1')!.params).toHaveProperty('kernel_size');
    const a = analyzeGraph(doc.graph);
    const warning = {
      severity: 'warning',
      nodeId: 'conv2d_1',
      message: 'conv2d_1 has no param "kernel_size" (did you mean kernelSize?); it is ignored.',
      fix: 'Rename "kernel_size" to "kernelSize" in the project file.',
    };
    expect(a.issues).toEqual([warning]);
    expect(a.nodes.get('conv2d_1')!.issues).toEqual([warning]);
    // A warning does not block training.
    expect(a.ok).toBe(true);
  });

  it('keeps the unknown key out of the built model', () => {
    const doc = load(lenetText({ kernel_size: [3, 3] }));
    const model = buildModel(tf, doc, analyzeGraph(doc.graph));
    try {
      expect(model.getLayer('conv2d_1').getConfig().kernelSize).toEqual([5, 5]);
    } finally {
      model.dispose();
    }
  });

  it('lists the known params when nothing is close', () => {
    const doc = load(lenetText({ colour: 'red' }));
    const [issue] = analyzeGraph(doc.graph).issues;
    expect(issue!.message).toBe('conv2d_1 has no param "colour"; it is ignored.');
    expect(issue!.fix).toMatch(/^Remove "colour"; Conv2D takes filters, kernelSize, strides, /);
  });

  it('suggests across case, underscores and small typos, and not beyond', () => {
    const known = ['kernelSize', 'filters', 'strides', 'useBias'];
    expect(closestKey('kernel_size', known)).toBe('kernelSize');
    expect(closestKey('KernelSize', known)).toBe('kernelSize');
    expect(closestKey('filtres', known)).toBe('filters');
    expect(closestKey('use_bais', known)).toBe('useBias');
    expect(closestKey('momentum', known)).toBeUndefined();
  });

  it('validate prints the warning and still passes', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'layerlab-params-')), 'typo.layerlab.json');
    writeFileSync(file, lenetText({ kernel_size: [3, 3] }));
    const lines: string[] = [];
    expect(await validateCommand(file, (l) => lines.push(l))).toBe(0);
    expect(lines).toContain('\n1 warning:');
    expect(lines).toContain(
      '  ! conv2d_1 (Conv2D): conv2d_1 has no param "kernel_size" (did you mean kernelSize?); it is ignored. Rename "kernel_size" to "kernelSize" in the project file.',
    );
  });
});
