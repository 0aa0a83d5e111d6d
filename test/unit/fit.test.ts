import { describe, expect, it } from 'vitest';
import { analyzeGraph } from '../../app/analysis/analyze';
import { checkDataFit } from '../../app/data/fit';
import type { ProjectDoc } from '../../app/document/schema';
import { template } from './helpers';

const fit = (doc: ProjectDoc) => checkDataFit(doc, analyzeGraph(doc.graph));
const withParam = (doc: ProjectDoc, id: string, key: string, value: unknown): ProjectDoc => ({
  ...doc,
  graph: { ...doc.graph, nodes: doc.graph.nodes.map((n) => (n.id === id ? { ...n, params: { ...n.params, [key]: value } } : n)) },
});

describe('dataset fit', () => {
  it('accepts the templates as shipped', () => {
    for (const id of ['mlp-mnist', 'mlp-spirals', 'mlp-iris']) expect(fit(template(id)), id).toEqual([]);
  });

  it('offers to set the Input shape when the data has another size', () => {
    const doc = { ...template('mlp-spirals'), data: { ...template('mlp-spirals').data, dataset: 'mnist' as const } };
    const [issue] = fit(doc);
    expect(issue).toMatchObject({
      message: 'MNIST digits examples have shape (28, 28, 1) (784 values), but input_1 expects (2,).',
      fix: { label: 'Set input_1 shape to (784,)', nodeId: 'input_1', key: 'shape', value: [784] },
    });
  });

  it('accepts MNIST as an image when the Input is 28×28×1', () => {
    expect(fit(withParam(template('mlp-mnist'), 'input_1', 'shape', [28, 28, 1]))[0]?.message).toContain('output has shape (28, 28, 10)');
  });

  it('offers to set the output units to the number of classes', () => {
    const [issue] = fit(withParam(template('mlp-mnist'), 'dense_2', 'units', 7));
    expect(issue).toMatchObject({
      message: 'MNIST digits has 10 classes, but the output layer has 7 units.',
      fix: { nodeId: 'dense_2', key: 'units', value: 10 },
    });
  });

  it('asks for softmax on a multi-class output', () => {
    const [issue] = fit(withParam(template('mlp-mnist'), 'dense_2', 'activation', 'relu'));
    expect(issue).toMatchObject({ fix: { label: 'Use softmax', key: 'activation', value: 'softmax' } });
  });

  it('accepts one sigmoid unit for two classes', () => {
    const doc = withParam(withParam(template('mlp-spirals'), 'dense_2', 'units', 1), 'dense_2', 'activation', 'sigmoid');
    expect(fit(doc)).toEqual([]);
  });
});
