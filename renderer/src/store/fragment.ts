import { z } from 'zod';
import { freeGroupName, groupSchema, MAX_GROUPS, nextGroupId, type GroupDoc } from '../../../app/document/groups';
import { edgeSchema, FORMAT, nodeSchema, type EdgeDoc, type GraphDoc, type NodeDoc } from '../../../app/document/schema';
import { getLayer } from '../../../app/layers/registry';
import type { XY } from './commands';
import { edgeId, nextLayerName } from './naming';

/** Copied layers on the clipboard: document JSON, so it pastes into another window or tab. */
export interface Fragment {
  readonly nodes: readonly NodeDoc[];
  readonly edges: readonly EdgeDoc[];
  /** Blocks copied whole: every member is among the copied layers. */
  readonly groups?: readonly GroupDoc[];
}

/** What goes on the clipboard: the layers' graph, tagged so plain text is never mistaken for it. */
const clipboardSchema = z.object({
  format: z.literal(FORMAT),
  kind: z.literal('layers'),
  graph: z.object({ nodes: z.array(nodeSchema).min(1).max(500), edges: z.array(edgeSchema).max(2000) }),
  groups: z.array(groupSchema).max(MAX_GROUPS).optional(),
});

/** The selected layers and the edges between them; edges to layers left out are not copied. */
export function copyFragment(graph: GraphDoc, nodeIds: readonly string[], groups: readonly GroupDoc[] = []): Fragment | null {
  const ids = new Set(nodeIds);
  const nodes = graph.nodes.filter((n) => ids.has(n.id));
  if (nodes.length === 0) return null;
  const edges = graph.edges.filter((e) => ids.has(e.source) && ids.has(e.target));
  const whole = groups.filter((g) => g.nodes.every((id) => ids.has(id)));
  return whole.length ? { nodes, edges, groups: whole } : { nodes, edges };
}

export function serializeFragment(f: Fragment): string {
  return JSON.stringify({ format: FORMAT, kind: 'layers', graph: { nodes: f.nodes, edges: f.edges }, ...(f.groups?.length ? { groups: f.groups } : {}) });
}

/** Blocks from the clipboard that hold together: members among the pasted layers, no layer in two. Others paste as plain layers. */
function soundGroups(groups: readonly GroupDoc[], ids: ReadonlySet<string>): GroupDoc[] {
  const used = new Set<string>();
  return groups.filter((g) => {
    if (!g.nodes.every((id) => ids.has(id) && !used.has(id))) return false;
    for (const id of g.nodes) used.add(id);
    return true;
  });
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
  const groups = soundGroups(parsed.data.groups ?? [], ids);
  const kept = edges.filter((e) => ids.has(e.source) && ids.has(e.target));
  return { ok: true, fragment: groups.length ? { nodes, edges: kept, groups } : { nodes, edges: kept } };
}

/**
 * The fragment with fresh ids (Keras-style names that are free in `graph`), moved by `offset`.
 * A custom name survives when it is free; a generated one follows the new id.
 */
export function placeFragment(graph: GraphDoc, f: Fragment, offset: XY, groups: readonly GroupDoc[] = []): Fragment {
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
  // Blocks come along with fresh ids and names free in the document ("Encoder 2").
  const placedGroups: GroupDoc[] = [];
  for (const g of f.groups ?? []) {
    const all = [...groups, ...placedGroups];
    placedGroups.push({ ...g, id: nextGroupId(all), name: freeGroupName(all, g.name), nodes: g.nodes.flatMap((id) => rename.get(id) ?? []) });
  }
  return placedGroups.length ? { nodes, edges, groups: placedGroups } : { nodes, edges };
}
