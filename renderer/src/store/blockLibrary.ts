import { z } from 'zod';
import { freeGroupName, nextGroupId, type GroupDoc } from '../../../app/document/groups';
import { edgeSchema, FORMAT, nodeSchema, type EdgeDoc, type NodeDoc, type ProjectDoc } from '../../../app/document/schema';
import { getLayer } from '../../../app/layers/registry';
import type { Command, XY } from './commands';
import { placeFragment } from './fragment';

/** Bounds on the personal library, which is read back from storage anyone on the machine can edit. */
export const MAX_BLOCKS = 100;
export const MAX_BLOCK_NODES = 300;
export const MAX_LIBRARY_CHARS = 2_000_000;

/** A saved block: its layers and the connections between them, as document JSON, placed from (0, 0). */
export interface SavedBlock {
  readonly id: string;
  readonly name: string;
  readonly savedAt: number;
  readonly nodes: readonly NodeDoc[];
  readonly edges: readonly EdgeDoc[];
}

const blockSchema = z.object({
  id: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/),
  name: z.string().trim().min(1).max(60),
  savedAt: z.number().int().nonnegative(),
  nodes: z.array(nodeSchema).min(1).max(MAX_BLOCK_NODES),
  edges: z.array(edgeSchema).max(MAX_BLOCK_NODES * 4),
});

const librarySchema = z.object({
  format: z.literal(FORMAT),
  kind: z.literal('blocks'),
  version: z.literal(1),
  // Entries are checked one by one below, so one damaged block does not cost the others.
  blocks: z.array(z.unknown()).max(MAX_BLOCKS),
});

export type LibraryRead = { ok: true; blocks: SavedBlock[]; dropped: string[] } | { ok: false; error: string };

/** Why a saved block cannot be used in this app, or null. */
function blockProblem(b: z.output<typeof blockSchema>): string | null {
  const unknown = b.nodes.find((n) => !getLayer(n.type));
  if (unknown) return `"${b.name}" uses a ${unknown.type} layer, which this version of LayerLab does not have`;
  if (new Set(b.nodes.map((n) => n.id)).size !== b.nodes.length) return `"${b.name}" has two layers with one id`;
  return null;
}

/** Reads the library's stored text as hostile input: size, shape, and each block on its own; what cannot be used is named. */
export function parseLibrary(text: string | null): LibraryRead {
  if (text === null || text === '') return { ok: true, blocks: [], dropped: [] };
  if (text.length > MAX_LIBRARY_CHARS) return { ok: false, error: `The saved block library is larger than ${MAX_LIBRARY_CHARS / 1e6} MB; it was not read.` };
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, error: 'The saved block library is not valid JSON; it was not read.' };
  }
  const lib = librarySchema.safeParse(json);
  if (!lib.success) return { ok: false, error: 'The saved block library is not in a format this LayerLab reads; it was not read.' };
  const blocks: SavedBlock[] = [];
  const dropped: string[] = [];
  const ids = new Set<string>();
  lib.data.blocks.forEach((raw, i) => {
    const parsed = blockSchema.safeParse(raw);
    const problem = parsed.success ? blockProblem(parsed.data) : `block ${i + 1} is damaged`;
    if (!parsed.success || problem) {
      dropped.push(problem ?? `block ${i + 1} is damaged`);
      return;
    }
    if (ids.has(parsed.data.id)) {
      dropped.push(`"${parsed.data.name}" repeats the id of another block`);
      return;
    }
    ids.add(parsed.data.id);
    const nodeIds = new Set(parsed.data.nodes.map((n) => n.id));
    blocks.push({ ...parsed.data, edges: parsed.data.edges.filter((e) => nodeIds.has(e.source) && nodeIds.has(e.target)) });
  });
  return { ok: true, blocks, dropped };
}

export function serializeLibrary(blocks: readonly SavedBlock[]): string {
  return JSON.stringify({ format: FORMAT, kind: 'blocks', version: 1, blocks });
}

/** A document's block as a library entry: its layers and inner connections, moved so the block starts at (0, 0). */
export function blockFromGroup(doc: ProjectDoc, groupId: string, id: string, savedAt: number): SavedBlock | null {
  const group = doc.groups.find((g) => g.id === groupId);
  if (!group) return null;
  const members = new Set(group.nodes);
  const nodes = doc.graph.nodes.filter((n) => members.has(n.id));
  if (nodes.length === 0 || nodes.length > MAX_BLOCK_NODES) return null;
  const x0 = Math.min(...nodes.map((n) => n.position.x));
  const y0 = Math.min(...nodes.map((n) => n.position.y));
  return {
    id,
    name: group.name,
    savedAt,
    nodes: nodes.map((n) => ({ ...n, position: { x: n.position.x - x0, y: n.position.y - y0 } })),
    edges: doc.graph.edges.filter((e) => members.has(e.source) && members.has(e.target)),
  };
}

/** The command that puts a saved block into a document at `at`: its layers with fresh ids, as one collapsed block. */
export function insertBlockCommand(doc: ProjectDoc, block: SavedBlock, at: XY): Extract<Command, { type: 'insertGraph' }> {
  const placed = placeFragment(doc.graph, block, at);
  const group: GroupDoc = { id: nextGroupId(doc.groups), name: freeGroupName(doc.groups, block.name), nodes: placed.nodes.map((n) => n.id), collapsed: true };
  return { type: 'insertGraph', nodes: placed.nodes, edges: placed.edges, groups: [group], label: `Add block ${group.name}` };
}
