import { z } from 'zod';
import { edgeSchema, FORMAT, nodeSchema, type EdgeDoc, type GraphDoc, type NodeDoc } from '../../../app/document/schema';
import { getLayer } from '../../../app/layers/registry';
import type { XY } from './commands';
import { edgeId, nextLayerName } from './naming';

/** Copied layers on the clipboard: document JSON, so it pastes into another window or tab. */
export interface Fragment {
  readonly nodes: readonly NodeDoc[];
  readonly edges: readonly EdgeDoc[];
}

/** What goes on the clipboard: the layers' graph, tagged so plain text is never mistaken for it. */
const clipboardSchema = z.object({
  format: z.literal(FORMAT),
  kind: z.literal('layers'),
  graph: z.object({ nodes: z.array(nodeSchema).min(1).max(500), edges: z.array(edgeSchema).max(2000) }),
});

/** The selected layers and the edges between them; edges to layers left out are not copied. */
export function copyFragment(graph: GraphDoc, nodeIds: readonly string[]): Fragment | null {
  const ids = new Set(nodeIds);
  const nodes = graph.nodes.filter((n) => ids.has(n.id));
  if (nodes.length === 0) return null;
  return { nodes, edges: graph.edges.filter((e) => ids.has(e.source) && ids.has(e.target)) };
}

export function serializeFragment(f: Fragment): string {
  return JSON.stringify({ format: FORMAT, kind: 'layers', graph: { nodes: f.nodes, edges: f.edges } });
}

/** Reads clipboard text; anything that is not copied layers (or names a layer type we lack) is refused with a reason. */
export function parseFragment(text: string): { ok: true; fragment: Fragment } | { ok: false; error: string } {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, error: 'The clipboard does not hold LayerLab layers.' };
  }
  const parsed = clipboardSchema.safeParse(json);
  if (!parsed.success) return { ok: false, error: 'The clipboard does not hold LayerLab layers.' };
  const { nodes, edges } = parsed.data.graph;
  const unknown = nodes.find((n) => !getLayer(n.type));
  if (unknown) return { ok: false, error: `The copied layer "${unknown.name}" is a ${unknown.type}, which this version of LayerLab does not have.` };
  const ids = new Set(nodes.map((n) => n.id));
  if (ids.size !== nodes.length) return { ok: false, error: 'The copied layers have repeated ids.' };
  return { ok: true, fragment: { nodes, edges: edges.filter((e) => ids.has(e.source) && ids.has(e.target)) } };
}

/**
 * The fragment with fresh ids (Keras-style names that are free in `graph`), moved by `offset`.
 * A custom name survives when it is free; a generated one follows the new id.
 */
export function placeFragment(graph: GraphDoc, f: Fragment, offset: XY): Fragment {
  const growing: { nodes: NodeDoc[]; edges: EdgeDoc[] } = { nodes: [...graph.nodes], edges: [...graph.edges] };
  const rename = new Map<string, string>();
  const nodes: NodeDoc[] = [];
  for (const n of f.nodes) {
    const id = nextLayerName(growing, n.type);
    const custom = n.name !== n.id && !growing.nodes.some((m) => m.name === n.name || m.id === n.name);
    const node: NodeDoc = { ...n, id, name: custom ? n.name : id, position: { x: n.position.x + offset.x, y: n.position.y + offset.y } };
    rename.set(n.id, id);
    nodes.push(node);
    growing.nodes.push(node);
  }
  const edges: EdgeDoc[] = [];
  for (const e of f.edges) {
    const source = rename.get(e.source);
    const target = rename.get(e.target);
    if (!source || !target) continue;
    const edge = { ...e, id: edgeId(growing, source, e.sourceHandle, target, e.targetHandle), source, target };
    edges.push(edge);
    growing.edges.push(edge);
  }
  return { nodes, edges };
}
