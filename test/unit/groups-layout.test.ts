import { describe, expect, it } from 'vitest';
import { layoutGraph, overlaps } from '../../app/layout/auto-layout';
import { collapsedForLayout } from '../../renderer/src/canvas/blockLayout';
import { applyCommand } from '../../renderer/src/store/commands';
import { nodeHeight, NODE_WIDTH } from '../../app/layout/node-geometry';
import { template } from './helpers';

const FEATURES = ['conv2d_1', 'max_pooling2d_1', 'conv2d_2', 'max_pooling2d_2'];

describe('layout with a collapsed block', () => {
  it('lays the block out as its one card and moves its layers together, so it expands as it was', async () => {
    let doc = applyCommand(template('lenet-mnist'), { type: 'group', id: 'g', name: 'Features', nodeIds: FEATURES });
    doc = applyCommand(doc, { type: 'setGroupCollapsed', groupId: 'g', collapsed: true });
    const shown = collapsedForLayout(doc.graph, doc.groups);
    expect(shown.graph.nodes.map((n) => n.id)).toEqual(['input_1', 'flatten_1', 'dense_1', 'dense_2', 'dense_3', 'block:g']);
    expect(shown.graph.edges.map((e) => `${e.source}->${e.target}`)).toContain('input_1->block:g');
    expect(shown.graph.edges.map((e) => `${e.source}->${e.target}`)).toContain('block:g->flatten_1');

    const card = { width: NODE_WIDTH, height: 60 };
    const placed = await layoutGraph(shown.graph, { direction: 'TB', sizes: new Map([['block:g', card]]) });
    const moves = shown.expand(placed);
    // Every layer gets a place; the block's layers keep their places relative to one another.
    expect([...moves.keys()].sort()).toEqual(doc.graph.nodes.map((n) => n.id).sort());
    const at = (id: string) => doc.graph.nodes.find((n) => n.id === id)!.position;
    const d = (id: string) => ({ x: moves.get(id)!.x - at(id).x, y: moves.get(id)!.y - at(id).y });
    for (const id of FEATURES) expect(d(id)).toEqual(d(FEATURES[0]!));
    // What the canvas shows (the card and the other layers) overlaps nothing, and the card sits right below the Input.
    const boxes = [...placed].map(([id, p]) => {
      const n = doc.graph.nodes.find((m) => m.id === id);
      return { id, ...p, ...(n ? { width: NODE_WIDTH, height: nodeHeight(n) } : card) };
    });
    expect(overlaps(boxes)).toEqual([]);
    expect(placed.get('block:g')!.y - placed.get('input_1')!.y).toBeLessThan(200);
  });
});
