import ELK from 'elkjs/lib/elk.bundled.js';
import type { ElkExtendedEdge, ElkNode, ElkPort } from 'elkjs/lib/elk-api';
import type { GraphDoc, NodeDoc } from '../document/schema';
import { nodeHandles, nodeHeight, NODE_WIDTH } from './node-geometry';

export type LayoutDirection = 'TB' | 'LR';
export interface XY {
  x: number;
  y: number;
}
export interface Size {
  width: number;
  height: number;
}

/** Room between layers along the flow, and between neighbours across it. */
const LAYER_GAP = 56;
const NODE_GAP = 40;

const elk = new ELK();

const portId = (node: string, dir: 'in' | 'out', handle: string) => `${node}\u0000${dir}\u0000${handle}`;

function elkNode(node: NodeDoc, size: Size, direction: LayoutDirection): ElkNode {
  const { inputs, outputs } = nodeHandles(node);
  const inSide = direction === 'TB' ? 'NORTH' : 'WEST';
  const outSide = direction === 'TB' ? 'SOUTH' : 'EAST';
  // Ports in handle order, so a decoder's two inputs come from the side they are drawn on.
  const ports: ElkPort[] = [
    ...inputs.map((h, i) => ({
      id: portId(node.id, 'in', h.name),
      width: 1,
      height: 1,
      layoutOptions: { 'elk.port.side': inSide, 'elk.port.index': String(i) },
    })),
    ...outputs.map((h, i) => ({
      id: portId(node.id, 'out', h),
      width: 1,
      height: 1,
      layoutOptions: { 'elk.port.side': outSide, 'elk.port.index': String(i) },
    })),
  ];
  return { id: node.id, width: size.width, height: size.height, ports, layoutOptions: { 'elk.portConstraints': 'FIXED_ORDER' } };
}

/**
 * Layered (Sugiyama) layout of the whole graph or of the nodes in `only`: layers follow the data
 * flow, so branches sit side by side and merges below (or right of) everything they merge.
 * A partial layout keeps the laid-out nodes where their group's top-left corner was.
 * Pure apart from elkjs, so the template script runs exactly what the Layout command runs.
 */
export async function layoutGraph(
  graph: GraphDoc,
  opts: { direction: LayoutDirection; only?: ReadonlySet<string>; sizes?: ReadonlyMap<string, Size> },
): Promise<Map<string, XY>> {
  const nodes = opts.only ? graph.nodes.filter((n) => opts.only?.has(n.id)) : graph.nodes;
  if (nodes.length === 0) return new Map();
  const ids = new Set(nodes.map((n) => n.id));
  const sizeOf = (n: NodeDoc): Size => opts.sizes?.get(n.id) ?? { width: NODE_WIDTH, height: nodeHeight(n) };
  const children = nodes.map((n) => elkNode(n, sizeOf(n), opts.direction));
  const ports = new Set(children.flatMap((c) => (c.ports ?? []).map((p) => p.id)));
  // An edge to a handle the layer does not have (a broken file) still ties the two layers together.
  const end = (node: string, dir: 'in' | 'out', handle: string) => (ports.has(portId(node, dir, handle)) ? portId(node, dir, handle) : node);
  const edges: ElkExtendedEdge[] = graph.edges
    .filter((e) => ids.has(e.source) && ids.has(e.target))
    .map((e, i) => ({ id: `e${i}`, sources: [end(e.source, 'out', e.sourceHandle)], targets: [end(e.target, 'in', e.targetHandle)] }));
  const root: ElkNode = {
    id: '\u0000root',
    layoutOptions: {
      'elk.algorithm': 'layered',
      'elk.direction': opts.direction === 'TB' ? 'DOWN' : 'RIGHT',
      'elk.layered.spacing.nodeNodeBetweenLayers': String(LAYER_GAP),
      'elk.spacing.nodeNode': String(NODE_GAP),
      'elk.spacing.componentComponent': String(NODE_GAP * 2),
      'elk.layered.nodePlacement.strategy': 'BRANDES_KOEPF',
      'elk.layered.considerModelOrder.strategy': 'NODES_AND_EDGES',
      'elk.separateConnectedComponents': 'true',
    },
    children,
    edges,
  };
  const out = await elk.layout(root);
  const origin = opts.only ? { x: Math.min(...nodes.map((n) => n.position.x)), y: Math.min(...nodes.map((n) => n.position.y)) } : { x: 0, y: 0 };
  const placed = new Map<string, XY>();
  for (const c of out.children ?? []) placed.set(c.id, { x: Math.round(origin.x + (c.x ?? 0)), y: Math.round(origin.y + (c.y ?? 0)) });
  return placed;
}

/** Pairs of node boxes that overlap (touching edges do not count). */
export function overlaps(boxes: readonly ({ id: string } & XY & Size)[]): [string, string][] {
  const found: [string, string][] = [];
  for (let i = 0; i < boxes.length; i++) {
    for (let j = i + 1; j < boxes.length; j++) {
      const a = boxes[i]!;
      const b = boxes[j]!;
      if (a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height) found.push([a.id, b.id]);
    }
  }
  return found;
}
