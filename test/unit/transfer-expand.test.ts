import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeGraph } from '../../app/analysis/analyze';
import type { ProjectDoc } from '../../app/document/schema';
import { expandPretrained } from '../../app/transfer/expand';
import { ROOT, template } from './helpers';

const SOURCE = JSON.parse(readFileSync(join(ROOT, 'resources', 'models', 'digits-0-4', 'model.json'), 'utf8')) as Record<string, unknown>;
const SOURCES = new Map<string, unknown>([['resource:digits-0-4', SOURCE]]);

function expanded(doc: ProjectDoc, sources: ReadonlyMap<string, unknown> = SOURCES) {
  const r = expandPretrained(doc, sources);
  if (!r.ok) throw new Error(r.errors.join('\n'));
  return r;
}

const withParams = (doc: ProjectDoc, params: Record<string, unknown>): ProjectDoc => ({
  ...doc,
  graph: { ...doc.graph, nodes: doc.graph.nodes.map((n) => (n.type === 'PretrainedModel' ? { ...n, params: { ...n.params, ...params } } : n)) },
});

describe('a pretrained node written out as its layers', () => {
  it('keeps the layers up to the cut, frozen as chosen, with the same counts', () => {
    const doc = template('transfer-digits');
    const r = expanded(doc);
    expect(r.doc.graph.nodes.map((n) => [n.name, n.type, n.trainable])).toEqual([
      ['input_1', 'InputLayer', true],
      ['conv1', 'Conv2D', false],
      ['pool1', 'MaxPooling2D', true],
      ['conv2', 'Conv2D', false],
      ['pool2', 'MaxPooling2D', true],
      ['flatten', 'Flatten', true],
      ['head', 'Dense', true],
    ]);
    const before = analyzeGraph(doc.graph);
    const after = analyzeGraph(r.doc.graph);
    expect(after.ok).toBe(true);
    expect([after.totalParams, after.trainableParams, after.nonTrainableParams]).toEqual([
      before.totalParams,
      before.trainableParams,
      before.nonTrainableParams,
    ]);
    expect(r.pretrained.map((l) => [l.name, l.sourceLayer, l.lrMultiplier])).toEqual([
      ['conv1', 'conv1', 1],
      ['conv2', 'conv2', 1],
    ]);
  });

  it('fine-tuning the top layer unfreezes it at its learning-rate multiplier', () => {
    const r = expanded(withParams(template('transfer-digits'), { trainMode: 'fineTuneTop', topN: 1, lrMultiplier: 0.1 }));
    expect(r.doc.graph.nodes.find((n) => n.name === 'conv2')?.trainable).toBe(true);
    expect(r.doc.graph.nodes.find((n) => n.name === 'conv1')?.trainable).toBe(false);
    expect(r.pretrained.find((l) => l.name === 'conv2')?.lrMultiplier).toBe(0.1);
  });

  it('renames a source layer whose name the project already uses, and two nodes on one source get a layer each', () => {
    const doc = template('transfer-digits');
    doc.graph.nodes = doc.graph.nodes.map((n) => (n.name === 'head' ? { ...n, name: 'conv1' } : n));
    const r = expanded(doc);
    expect(r.doc.graph.nodes.map((n) => n.name)).toContain('pretrained_conv1');
    expect(r.pretrained.find((l) => l.sourceLayer === 'conv1')?.name).toBe('pretrained_conv1');
    expect(new Set(r.doc.graph.nodes.map((n) => n.id)).size).toBe(r.doc.graph.nodes.length);
    expect(analyzeGraph(r.doc.graph).ok).toBe(true);
  });

  it('a preprocessing choice becomes a fixed 1×1 convolution named as the engine names it', () => {
    const r = expanded(withParams(template('transfer-digits'), { preprocess: 'none' }));
    expect(r.preprocess).toEqual([]);
    const out = expanded(withParams(template('transfer-digits'), { preprocess: 'scale-1-1' }));
    expect(out.preprocess).toEqual([{ name: 'pretrained_preprocess', preprocess: 'scale-1-1' }]);
    expect(out.doc.graph.nodes.find((n) => n.name === 'pretrained_preprocess')).toMatchObject({ type: 'Conv2D', trainable: false });
    // It feeds the source's first layer, which the node's input fed before.
    const pre = out.doc.graph.nodes.find((n) => n.name === 'pretrained_preprocess')!;
    const conv1 = out.doc.graph.nodes.find((n) => n.name === 'conv1')!;
    expect(out.doc.graph.edges.some((e) => e.source === pre.id && e.target === conv1.id)).toBe(true);
    expect(out.doc.graph.edges.some((e) => e.target === pre.id && e.source === 'input_1')).toBe(true);
  });

  it('says which node cannot be written out, and why', () => {
    const missing = expandPretrained(template('transfer-digits'), new Map());
    expect(missing).toEqual({ ok: false, errors: ['pretrained: its source model was not read, so its layers cannot be written out.'] });
    const broken = structuredClone(SOURCE) as { modelTopology: { config: { layers: { class_name: string; name: string }[] } } };
    broken.modelTopology.config.layers.find((l) => l.name === 'conv2')!.class_name = 'Conv3D';
    const gap = expandPretrained(template('transfer-digits'), new Map([['resource:digits-0-4', broken]]));
    expect(gap.ok).toBe(false);
    if (!gap.ok) expect(gap.errors[0]).toMatch(/^pretrained: its source's conv2 \(Conv3D: LayerLab has no Conv3D layer\) cannot be written as code\.$/);
    expect(expandPretrained(template('transfer-digits'), new Map([['resource:digits-0-4', 'not a model']])).ok).toBe(false);
  });
});
