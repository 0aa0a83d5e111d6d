import type { GroupDoc } from '../../../app/document/groups';
import type { GraphDoc, NodeDoc } from '../../../app/document/schema';
import type { XY } from '../../../app/layout/auto-layout';
import { blockNodeId, membersBox } from './blockGeometry';

/**
 * The graph as the canvas shows it, for automatic layout: each collapsed block is one node (its
 * card's id, so the card's measured size applies) and the edges crossing it end on that node.
 * `expand` turns the laid-out positions back into layer moves: a block's members move together
 * by the distance its card moved, so the block expands as it was.
 */
export function collapsedForLayout(
  graph: GraphDoc,
  groups: readonly GroupDoc[],
  only?: ReadonlySet<string>,
): { graph: GraphDoc; only?: ReadonlySet<string>; expand: (placed: ReadonlyMap<string, XY>) => Map<string, XY> } {
  const collapsed = groups.filter((g) => g.collapsed);
  const owner = new Map<string, string>();
  const boxes = new Map<string, XY>();
  const cards: NodeDoc[] = [];
  for (const g of collapsed) {
    const box = membersBox(graph, g);
    if (!box) continue;
    const id = blockNodeId(g.id);
    boxes.set(id, box);
    for (const m of g.nodes) owner.set(m, id);
    // A stand-in without a layer type: the layout gives it no ports, so crossing edges end on the node itself.
    cards.push({ id, type: '', name: g.name, position: { x: box.x, y: box.y }, params: {}, trainable: true, role: 'model' });
  }
  const flat: GraphDoc = {
    nodes: [...graph.nodes.filter((n) => !owner.has(n.id)), ...cards],
    edges: graph.edges.flatMap((e) => {
      const s = owner.get(e.source);
      const t = owner.get(e.target);
      if (s && s === t) return [];
      return [{ ...e, source: s ?? e.source, target: t ?? e.target }];
    }),
  };
  const members = new Map(collapsed.map((g) => [blockNodeId(g.id), g.nodes]));
  const byId = new Map(graph.nodes.map((n) => [n.id, n]));
  const expand = (placed: ReadonlyMap<string, XY>) => {
    const out = new Map<string, XY>();
    for (const [id, p] of placed) {
      const box = boxes.get(id);
      if (!box) {
        out.set(id, p);
        continue;
      }
      for (const m of members.get(id) ?? []) {
        const n = byId.get(m);
        if (n) out.set(m, { x: n.position.x + p.x - box.x, y: n.position.y + p.y - box.y });
      }
    }
    return out;
  };
  const mapped = only && new Set([...only].map((id) => owner.get(id) ?? id));
  return mapped ? { graph: flat, only: mapped, expand } : { graph: flat, expand };
}
