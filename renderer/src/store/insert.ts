import type { GraphDoc, NodeDoc } from '../../../app/document/schema';
import { getLayer } from '../../../app/layers/registry';
import { MAIN_OUTPUT } from '../../../app/layers/types';
import type { LayoutDirection } from '../../../app/layout/auto-layout';
import { nodeHeight, NODE_WIDTH } from '../../../app/layout/node-geometry';
import type { Command, XY } from './commands';
import { nextLayerName } from './naming';

/** Room left between a new layer and its neighbours along the flow. */
const GAP = 56;
const MARGIN = 24;

const boxOf = (n: NodeDoc) => ({ x: n.position.x, y: n.position.y, w: NODE_WIDTH, h: nodeHeight(n) });

/** Every layer downstream of `id` (not `id` itself). */
function downstream(graph: GraphDoc, id: string): Set<string> {
  const out = new Map<string, string[]>();
  for (const e of graph.edges) out.set(e.source, [...(out.get(e.source) ?? []), e.target]);
  const seen = new Set<string>();
  const stack = [...(out.get(id) ?? [])];
  while (stack.length) {
    const n = stack.pop()!;
    if (n === id || seen.has(n)) continue;
    seen.add(n);
    stack.push(...(out.get(n) ?? []));
  }
  return seen;
}

/** The first spot at or after `start` (stepping along the flow) where a card of height `h` touches no other. */
export function freeSpot(graph: GraphDoc, start: XY, h: number, direction: LayoutDirection): XY {
  const boxes = graph.nodes.map(boxOf);
  const hits = (p: XY) => boxes.some((b) => p.x < b.x + b.w + MARGIN && b.x < p.x + NODE_WIDTH + MARGIN && p.y < b.y + b.h + MARGIN && b.y < p.y + h + MARGIN);
  const p = { ...start };
  for (let i = 0; i < 200 && hits(p); i++) {
    if (direction === 'TB') p.x += NODE_WIDTH + MARGIN;
    else p.y += h + MARGIN;
  }
  return p;
}

/**
 * Adds a layer after `anchor` and wires it: the anchor's main output feeds the new layer, and
 * whatever the anchor fed is now fed by the new layer (inserted into the chain), with everything
 * downstream moved along to make room. Without an anchor the layer goes to a free spot near `at`.
 */
export function insertLayerCommand(graph: GraphDoc, layerType: string, anchorId: string | null, at: XY, direction: LayoutDirection): Command | null {
  const def = getLayer(layerType);
  if (!def) return null;
  const id = nextLayerName(graph, layerType);
  const height = nodeHeight({ type: layerType, params: {} });
  const anchor = anchorId ? graph.nodes.find((n) => n.id === anchorId) : undefined;
  const input = def.inputs[0];
  if (!anchor || !input) {
    const position = freeSpot(graph, at, height, direction);
    return { type: 'insertLayer', id, layerType, position, wire: null, reroute: [], moves: [] };
  }
  const a = boxOf(anchor);
  const step = direction === 'TB' ? { x: 0, y: a.h + GAP } : { x: NODE_WIDTH + GAP, y: 0 };
  const position = { x: a.x + step.x, y: a.y + step.y };
  const reroute = graph.edges.filter((e) => e.source === anchor.id && e.sourceHandle === MAIN_OUTPUT).map((e) => e.id);
  const shift = direction === 'TB' ? { x: 0, y: height + GAP } : { x: NODE_WIDTH + GAP, y: 0 };
  // Only a chain that continues needs room; a layer added at the end of one goes to a free spot.
  const after = reroute.length > 0 ? downstream(graph, anchor.id) : new Set<string>();
  const moves = graph.nodes.filter((n) => after.has(n.id)).map((n) => ({ id: n.id, position: { x: n.position.x + shift.x, y: n.position.y + shift.y } }));
  const placed = reroute.length > 0 ? position : freeSpot(graph, position, height, direction);
  return {
    type: 'insertLayer',
    id,
    layerType,
    position: placed,
    wire: { source: anchor.id, sourceHandle: MAIN_OUTPUT, targetHandle: input.name },
    reroute,
    moves,
  };
}

/**
 * How far to move copied layers so none lands on a layer already there: beside the originals,
 * across the flow (right of them when the graph runs downwards), further on while it would overlap.
 */
export function clearOffset(graph: GraphDoc, nodes: readonly NodeDoc[], start: XY, direction: LayoutDirection): XY {
  const boxes = graph.nodes.map(boxOf);
  const moved = nodes.map(boxOf);
  const span =
    direction === 'TB'
      ? Math.max(...moved.map((b) => b.x + b.w)) - Math.min(...moved.map((b) => b.x))
      : Math.max(...moved.map((b) => b.y + b.h)) - Math.min(...moved.map((b) => b.y));
  const step = direction === 'TB' ? { x: span + MARGIN * 2, y: 0 } : { x: 0, y: span + MARGIN * 2 };
  const clash = (o: XY) =>
    moved.some((m) => boxes.some((b) => m.x + o.x < b.x + b.w && b.x < m.x + o.x + m.w && m.y + o.y < b.y + b.h && b.y < m.y + o.y + m.h));
  const o = { ...start };
  for (let i = 0; i < 100 && clash(o); i++) {
    o.x += step.x;
    o.y += step.y;
  }
  return o;
}
