import { describe, expect, it } from 'vitest';
import { analyzeGraph } from '../../app/analysis/analyze';
import { formatSummary } from '../../app/analysis/summary';
import { edge, graph, node, template } from './helpers';

const messages = (g: ReturnType<typeof graph>) => analyzeGraph(g).issues.map((i) => `${i.nodeId ?? '-'}: ${i.message}`);

describe('graph analysis', () => {
  it('infers shapes and Keras parameter counts for the MNIST MLP', () => {
    const doc = template('mlp-mnist');
    const a = analyzeGraph(doc.graph);
    expect(a.ok).toBe(true);
    expect(a.totalParams).toBe(101_770);
    expect(a.nodes.get('dense_1')).toMatchObject({ shape: [128], params: 100_480, inbound: ['input_1'] });
    expect(formatSummary(doc.name, doc.graph, a)).toContain('Total params: 101,770');
  });

  it('marks every layer of a cycle', () => {
    const g = graph([node('in', 'InputLayer'), node('a', 'Dense'), node('b', 'Dense'), node('c', 'Dense')], [edge('in', 'a'), edge('c', 'b'), edge('b', 'c')]);
    const a = analyzeGraph(g);
    const onCycle = a.issues.filter((i) => i.message.includes('part of a loop')).map((i) => i.nodeId);
    expect(onCycle.sort()).toEqual(['b', 'c']);
    expect(a.ok).toBe(false);
  });

  it('asks for an Input when there is none', () => {
    const a = analyzeGraph(graph([node('a', 'Dense'), node('b', 'Dense')], [edge('a', 'b')]));
    expect(a.issues[0]).toMatchObject({ message: 'The network has no Input layer.', fix: 'Drag an Input from the palette and connect it to the first layer.' });
    expect(a.nodes.get('a')!.issues[0]).toMatchObject({ message: 'Nothing feeds this layer.', handle: 'input' });
  });

  it('flags a dangling layer and says how to fix it', () => {
    const a = analyzeGraph(graph([node('in', 'InputLayer'), node('a', 'Dense'), node('lost', 'Dropout')], [edge('in', 'a')]));
    expect(a.nodes.get('lost')!.issues).toEqual([
      {
        severity: 'error',
        nodeId: 'lost',
        message: 'This layer is not connected to anything.',
        fix: 'Wire it into the network, or select it and press Delete.',
      },
    ]);
  });

  it('puts a shape mismatch on the offending node only, with a fix', () => {
    const g = graph(
      [node('in', 'InputLayer', { shape: [784] }), node('r', 'Reshape', { targetShape: [10, 10] }), node('f', 'Flatten'), node('d', 'Dense', { units: 10 })],
      [edge('in', 'r'), edge('r', 'f'), edge('f', 'd')],
    );
    expect(messages(g)).toEqual(["r: Can't reshape (784,) (784 values) into (10, 10) (100 values)."]);
    expect(analyzeGraph(g).nodes.get('r')!.issues[0]!.fix).toBe('Use a target whose sizes multiply to 784, e.g. (28, 28, 1).');
  });

  it('rejects two edges into one input and duplicate layer names', () => {
    const a = node('a', 'Dense');
    const twin = { ...node('b', 'Dense'), name: 'a' };
    const g = graph([node('in', 'InputLayer'), node('in2', 'InputLayer'), a, twin], [edge('in', 'a'), { ...edge('in2', 'a'), id: 'second' }, edge('a', 'b')]);
    const issues = analyzeGraph(g).issues;
    expect(issues.find((i) => i.edgeId === 'second')?.message).toBe('a already receives its "input" input from another layer.');
    expect(issues.find((i) => i.nodeId === 'b')?.message).toBe('Another layer is already called "a".');
  });

  it('says so when an Input feeds nothing yet', () => {
    expect(messages(graph([node('in', 'InputLayer')], []))).toEqual(['-: The network has no layers after its Input.']);
  });

  it('reports invalid params by name', () => {
    const bad = { ...node('d', 'Dense'), params: { units: 0, activation: 'relu', useBias: true } };
    expect(messages(graph([node('in', 'InputLayer'), bad], [edge('in', 'd')]))[0]).toMatch(/^d: units: /);
  });

  it('counts a frozen layer and BatchNormalization statistics as non-trainable, as Keras does', () => {
    const frozen = { ...node('d1', 'Dense', { units: 128 }), trainable: false };
    const g = graph(
      [node('in', 'InputLayer', { shape: [784] }), frozen, node('bn', 'BatchNormalization'), node('d2', 'Dense', { units: 10 })],
      [edge('in', 'd1'), edge('d1', 'bn'), edge('bn', 'd2')],
    );
    const a = analyzeGraph(g);
    expect(a.totalParams).toBe(100_480 + 512 + 1_290);
    expect(a.nonTrainableParams).toBe(100_480 + 256);
    expect(a.trainableParams).toBe(256 + 1_290);
  });
});
