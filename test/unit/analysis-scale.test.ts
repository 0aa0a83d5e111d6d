import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeGraph } from '../../app/analysis/analyze';
import { formatSummary } from '../../app/analysis/summary';
import type { EdgeDoc, GraphDoc, NodeDoc } from '../../app/document/schema';
import { validateCommand } from '../../main/cli/validate';
import { edge, graph, node } from './helpers';

const LOOP = 'This layer is part of a loop. Data must flow one way, from Input to output.';

/** `size` Dense layers, each feeding the next, the last feeding the first. */
function cycle(size: number): GraphDoc {
  const nodes = Array.from({ length: size }, (_, i) => node(`d${i}`, 'Dense', { units: 4 }));
  return graph(
    nodes,
    nodes.map((_, i) => edge(`d${i}`, `d${(i + 1) % size}`)),
  );
}

/** An Input and `size` Dense layers with no connections at all. */
function unconnected(size: number): GraphDoc {
  return graph([node('in', 'InputLayer', { shape: [4] }), ...Array.from({ length: size }, (_, i) => node(`d${i}`, 'Dense'))], []);
}

/** Input → `size` Dense layers in a row (four units each, 20 weights). */
function chain(size: number): GraphDoc {
  const nodes = [node('in', 'InputLayer', { shape: [4] }), ...Array.from({ length: size }, (_, i) => node(`d${i}`, 'Dense', { units: 4 }))];
  return graph(
    nodes,
    nodes.slice(1).map((n, i) => edge(nodes[i]!.id, n.id)),
  );
}

/**
 * Counts the elementary steps a run takes: every Map and Set lookup or insert, every array
 * push, and every property read of a node or an edge of the graph. A linear analysis does a
 * bounded number of these per node and edge; a per-node scan of the edge list, a search from
 * every node or a list copied per edge shows up as steps growing faster than the graph.
 */
function countSteps(g: GraphDoc, run: (g: GraphDoc) => void): number {
  let steps = 0;
  const counted = <T extends object>(o: T): T =>
    new Proxy(o, {
      get(target, key, receiver) {
        steps++;
        return Reflect.get(target, key, receiver) as unknown;
      },
    });
  const watched = { nodes: g.nodes.map((n) => counted<NodeDoc>(n)), edges: g.edges.map((e) => counted<EdgeDoc>(e)) };
  const targets: [object, string][] = [
    [Map.prototype, 'get'],
    [Map.prototype, 'set'],
    [Map.prototype, 'has'],
    [Set.prototype, 'has'],
    [Set.prototype, 'add'],
    [Array.prototype, 'push'],
  ];
  const originals = targets.map(([proto, name]) => Reflect.get(proto, name) as (...a: unknown[]) => unknown);
  targets.forEach(([proto, name], i) => {
    const original = originals[i]!;
    Reflect.set(proto, name, function (this: unknown, ...args: unknown[]) {
      steps++;
      return original.apply(this, args);
    });
  });
  try {
    run(watched);
  } finally {
    targets.forEach(([proto, name], i) => Reflect.set(proto, name, originals[i]));
  }
  return steps;
}

/** Steps for a graph four times as large, over steps for the base size: about 4 when linear, 16 when quadratic. */
function growth(make: (n: number) => GraphDoc, run: (g: GraphDoc) => void, n = 1_500): number {
  return countSteps(make(4 * n), run) / countSteps(make(n), run);
}

const analyse = (g: GraphDoc) => void analyzeGraph(g);
const analyseAndSummarise = (g: GraphDoc) => void formatSummary('big', g, analyzeGraph(g));

describe('graph analysis at scale', () => {
  it('marks every layer of a 20,000-node cycle, once each', () => {
    const a = analyzeGraph(cycle(20_000));
    const loops = a.issues.filter((i) => i.message === LOOP);
    expect(loops).toHaveLength(20_000);
    expect(new Set(loops.map((i) => i.nodeId)).size).toBe(20_000);
    expect(a.order).toEqual([]);
    expect(a.ok).toBe(false);
  });

  it('flags each of 100,000 unconnected layers', () => {
    const a = analyzeGraph(unconnected(100_000));
    const lost = a.issues.filter((i) => i.message === 'This layer is not connected to anything.');
    expect(lost).toHaveLength(100_001);
    expect(a.nodes.get('d99999')!.issues).toHaveLength(1);
  });

  it('infers a 200,000-layer chain and prints its summary without overflowing the stack', () => {
    const g = chain(200_000);
    const a = analyzeGraph(g);
    expect(a.issues).toEqual([]);
    expect(a.ok).toBe(true);
    expect(a.order).toHaveLength(200_001);
    expect(a.outputs).toEqual(['d199999']);
    expect(a.totalParams).toBe(200_000 * 20);
    const summary = formatSummary('big', g, a);
    expect(summary).toContain('Total params: 4,000,000');
    expect(summary).toContain('d199999 (Dense)');
  });

  it('tells a layer on a loop from one merely between two loops, and catches a self-loop', () => {
    // a ⇄ b → x → c ⇄ d: x is downstream of one loop and upstream of another, on neither.
    const nodes = ['a', 'b', 'c', 'd'].map((id) => node(id, 'Add'));
    const g = graph(
      [node('in', 'InputLayer'), ...nodes, node('x', 'Dense'), node('self', 'Add')],
      [
        edge('in', 'a', 'inputs'),
        edge('a', 'b', 'inputs'),
        edge('b', 'a', 'inputs'),
        edge('b', 'x'),
        edge('x', 'c', 'inputs'),
        edge('c', 'd', 'inputs'),
        edge('d', 'c', 'inputs'),
        edge('in', 'self', 'inputs'),
        edge('self', 'self', 'inputs'),
      ],
    );
    const onLoop = analyzeGraph(g)
      .issues.filter((i) => i.message === LOOP)
      .map((i) => i.nodeId)
      .sort();
    expect(onLoop).toEqual(['a', 'b', 'c', 'd', 'self']);
  });

  it('does work in proportion to the graph: 4× the layers, about 4× the steps', () => {
    // Loose bound: linear gives ~4, the old per-node cycle search gave ~16.
    expect(growth(cycle, analyse)).toBeLessThan(5);
    expect(growth(unconnected, analyse)).toBeLessThan(5);
    expect(growth(chain, analyseAndSummarise)).toBeLessThan(5);
  });

  it('validate lists a 20,000-node loop without looking each layer up in the node list', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'layerlab-scale-')), 'loop.layerlab.json');
    writeFileSync(file, JSON.stringify({ format: 'layerlab', version: 1, name: 'loop', graph: cycle(20_000) }));
    const lines: string[] = [];
    expect(await validateCommand(file, (l) => lines.push(l))).toBe(1);
    expect(lines).toContain('\n20001 problems in the network:');
    expect(lines.filter((l) => l.endsWith(`${LOOP} Delete one of the connections that loops back.`))).toHaveLength(20_000);
    expect(lines).toContain(`  ✗ d19999 (Dense): ${LOOP} Delete one of the connections that loops back.`);
  });
});
