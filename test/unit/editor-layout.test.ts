import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { GraphDoc } from '../../app/document/schema';
import { layoutGraph, overlaps, type LayoutDirection } from '../../app/layout/auto-layout';
import { nodeHeight, NODE_WIDTH } from '../../app/layout/node-geometry';
import { edge, graph, node, template, TEMPLATES } from './helpers';

const ids = readdirSync(TEMPLATES).map((f) => f.replace('.layerlab.json', ''));

function boxes(g: GraphDoc, placed: Map<string, { x: number; y: number }>) {
  return g.nodes.map((n) => ({ id: n.id, ...placed.get(n.id)!, width: NODE_WIDTH, height: nodeHeight(n) }));
}

/** A residual block: the skip path and the main path meet at an Add. */
const residual = graph(
  [node('in', 'InputLayer', { shape: [8] }), node('a', 'Dense'), node('b', 'Dense'), node('add', 'Add'), node('out', 'Dense')],
  [edge('in', 'a'), edge('a', 'b'), edge('in', 'add', 'inputs'), edge('b', 'add', 'inputs'), edge('add', 'out')],
);

describe('automatic layout', () => {
  it.each(ids.flatMap((id) => (['TB', 'LR'] as LayoutDirection[]).map((d) => [id, d] as const)))(
    '%s (%s): no two layers overlap and every edge flows forward',
    async (id, direction) => {
      const g = template(id).graph;
      const placed = await layoutGraph(g, { direction });
      expect(placed.size).toBe(g.nodes.length);
      expect(overlaps(boxes(g, placed))).toEqual([]);
      for (const e of g.edges) {
        const s = placed.get(e.source)!;
        const t = placed.get(e.target)!;
        if (direction === 'TB') expect(t.y).toBeGreaterThan(s.y);
        else expect(t.x).toBeGreaterThan(s.x);
      }
    },
  );

  it('puts a merge below both of its branches, and the branches side by side', async () => {
    const placed = await layoutGraph(residual, { direction: 'TB' });
    const y = (id: string) => placed.get(id)!.y;
    expect(y('add')).toBeGreaterThan(y('b'));
    expect(y('b')).toBeGreaterThan(y('a'));
    expect(y('out')).toBeGreaterThan(y('add'));
    expect(overlaps(boxes(residual, placed))).toEqual([]);
  });

  it('lays out only the selection and keeps it where it was', async () => {
    const moved = { ...residual, nodes: residual.nodes.map((n) => ({ ...n, position: { x: 500 + n.id.length * 7, y: 300 } })) };
    const only = new Set(['a', 'b', 'add']);
    const placed = await layoutGraph(moved, { direction: 'TB', only });
    expect([...placed.keys()].sort()).toEqual(['a', 'add', 'b']);
    const xs = [...placed.values()].map((p) => p.x);
    const ys = [...placed.values()].map((p) => p.y);
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(507);
    expect(Math.min(...ys)).toBeGreaterThanOrEqual(300);
  });

  it('finds overlapping boxes and ignores boxes that only touch', () => {
    const box = (id: string, x: number, y: number) => ({ id, x, y, width: 10, height: 10 });
    expect(overlaps([box('a', 0, 0), box('b', 5, 5), box('c', 15, 0)])).toEqual([['a', 'b']]);
  });

  it('the shipped templates are stored as laid out (scripts/layout-templates.ts)', async () => {
    for (const id of ids) {
      const g = template(id).graph;
      const placed = await layoutGraph(g, { direction: 'TB' });
      expect(
        g.nodes.map((n) => [n.id, n.position]),
        id,
      ).toEqual(g.nodes.map((n) => [n.id, placed.get(n.id)]));
    }
  });
});
