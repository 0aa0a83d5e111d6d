import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadProject, loadProjectText, serializeProject } from '../../app/document/load';
import { CURRENT_VERSION } from '../../app/document/schema';
import { ROOT, template, TEMPLATES } from './helpers';

const FIXTURES = join(ROOT, 'test', 'fixtures', 'documents');

describe('project documents', () => {
  it('opens a fixture of every released version', () => {
    for (let v = 1; v <= CURRENT_VERSION; v++) {
      const result = loadProjectText(readFileSync(join(FIXTURES, `v${v}.layerlab.json`), 'utf8'));
      expect(result.ok, `v${v}`).toBe(true);
      if (result.ok) expect(result.warnings).toEqual([]);
    }
  });

  it('every template loads cleanly', () => {
    for (const file of readdirSync(TEMPLATES)) {
      const result = loadProjectText(readFileSync(join(TEMPLATES, file), 'utf8'));
      expect(result, file).toMatchObject({ ok: true, warnings: [] });
    }
  });

  it('round-trips through save and open unchanged', () => {
    const doc = template('mlp-mnist');
    const again = loadProjectText(serializeProject(doc));
    expect(again).toEqual({ ok: true, doc, warnings: [] });
  });

  it.each([
    ['not JSON', '{"format": "layerlab",', 'not valid JSON'],
    ['another format', '{"format": "keras", "version": 1}', 'expected "format": "layerlab"'],
    ['no version', '{"format": "layerlab"}', 'no valid "version"'],
    ['a newer version', '{"format": "layerlab", "version": 99, "graph": {"nodes": [], "edges": []}}', 'saved by a newer LayerLab (file version 99'],
    ['a damaged graph', '{"format": "layerlab", "version": 1, "graph": {"nodes": [{"id": "a"}], "edges": []}}', 'graph.nodes.0.type'],
  ])('rejects %s with a clear message', (_name, text, message) => {
    const result = loadProjectText(text);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toContain(message);
  });

  it('refuses layers it does not know, naming them', () => {
    const doc = { ...template('mlp-mnist'), graph: { nodes: [{ id: 'x', type: 'Conv5D', name: 'x', position: { x: 0, y: 0 }, params: {} }], edges: [] } };
    expect(loadProject(doc)).toEqual({ ok: false, error: 'This project uses layers this version of LayerLab does not know: Conv5D.' });
  });

  it('repairs what is safe and reports it', () => {
    const doc = template('mlp-mnist');
    const damaged = {
      ...doc,
      graph: {
        nodes: doc.graph.nodes.map((n) => (n.id === 'dense_1' ? { ...n, params: { ...n.params, units: -3 } } : n)),
        edges: [...doc.graph.edges, { id: 'ghost', source: 'dense_2', target: 'nowhere', targetHandle: 'input' }],
      },
    };
    const result = loadProject(damaged);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.warnings).toEqual([
      'dense_1: reset units to the default (the saved value was invalid).',
      'Removed a connection to a missing node (dense_2 → nowhere).',
    ]);
    expect(result.doc.graph.nodes.find((n) => n.id === 'dense_1')!.params).toEqual({ units: 32, activation: 'relu', useBias: true });
    expect(result.doc.graph.edges).toHaveLength(2);
  });

  it('fills defaults for data and training settings an old file lacks', () => {
    const result = loadProject({ format: 'layerlab', version: 1, graph: { nodes: [], edges: [] } });
    expect(result.ok && result.doc.training).toMatchObject({
      mode: 'standard',
      optimizer: 'adam',
      learningRate: 0.01,
      batchSize: 32,
      epochs: 20,
      validationSplit: 0.2,
      loss: 'auto',
      metrics: [],
    });
    expect(result.ok && result.doc.training.earlyStopping).toEqual({ enabled: false, monitor: 'val_loss', patience: 5, restoreBest: true });
    expect(result.ok && result.doc.training.schedule.kind).toBe('constant');
  });
});
