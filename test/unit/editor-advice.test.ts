import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { adviseGraph } from '../../app/analysis/advice';
import { analyzeGraph } from '../../app/analysis/analyze';
import type { GraphDoc } from '../../app/document/schema';
import { edge, graph, node, template, TEMPLATES } from './helpers';

const advise = (g: GraphDoc) => adviseGraph(g, analyzeGraph(g));
const chain = (...nodes: ReturnType<typeof node>[]) =>
  graph(
    nodes,
    nodes.slice(1).map((n, i) => edge(nodes[i]!.id, n.id)),
  );

describe('advice beside errors', () => {
  it('warns that a hidden Dense without activation makes the stack one linear map (the first network on spirals)', () => {
    const g = chain(
      node('in', 'InputLayer', { shape: [2] }),
      node('dense_1', 'Dense', { units: 16 }),
      node('dense_2', 'Dense', { units: 2, activation: 'softmax' }),
    );
    const advice = advise(g);
    expect(analyzeGraph(g).issues).toEqual([]);
    expect(advice).toHaveLength(1);
    expect(advice[0]).toMatchObject({ severity: 'warning', nodeId: 'dense_1' });
    expect(advice[0]!.fix).toContain('relu');
    expect(advice[0]!.message).toContain('one linear map');
  });

  it('looks through Dropout, and is quiet once there is a non-linearity', () => {
    const through = chain(node('in', 'InputLayer', { shape: [2] }), node('d1', 'Dense'), node('drop', 'Dropout'), node('d2', 'Dense'));
    expect(advise(through).map((a) => a.nodeId)).toEqual(['d1']);
    const relu = chain(node('in', 'InputLayer', { shape: [2] }), node('d1', 'Dense', { activation: 'relu' }), node('d2', 'Dense'));
    expect(advise(relu)).toEqual([]);
    const act = chain(node('in', 'InputLayer', { shape: [2] }), node('d1', 'Dense'), node('a', 'Activation', { activation: 'tanh' }), node('d2', 'Dense'));
    expect(advise(act)).toEqual([]);
  });

  it('warns about softmax over a single unit', () => {
    const g = chain(node('in', 'InputLayer', { shape: [4] }), node('out', 'Dense', { units: 1, activation: 'softmax' }));
    const advice = advise(g);
    expect(advice.map((a) => a.nodeId)).toEqual(['out']);
    expect(advice[0]!.message).toContain('always outputs 1');
  });

  it('points a deep sigmoid stack to the vanishing-gradient lesson; the ReLU twin gets no advice', () => {
    const sig = advise(template('deep-sigmoid-mnist').graph);
    expect(sig).toHaveLength(1);
    expect(sig[0]!.message).toContain('vanishing gradients');
    expect(sig[0]!.fix).toContain('Deep ReLU');
    expect(advise(template('deep-relu-mnist').graph)).toEqual([]);
  });

  it('every other template is advice-free', () => {
    const ids = readdirSync(TEMPLATES)
      .map((f) => f.replace('.layerlab.json', ''))
      .filter((id) => id !== 'deep-sigmoid-mnist');
    for (const id of ids) expect(advise(template(id).graph), id).toEqual([]);
  });
});
