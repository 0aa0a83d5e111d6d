import { groupOf } from '../document/groups';
import type { ProjectDoc } from '../document/schema';

/**
 * Exported code marks where each block begins: a comment before the first of its layers in the
 * code's order, naming the block and its layers. A block is its layers, so nothing else changes.
 * Call once per emitted model: it remembers which blocks it has announced.
 */
export function blockNotes(doc: ProjectDoc, comment = '#'): (nodeId: string) => string[] {
  const announced = new Set<string>();
  const names = new Map(doc.graph.nodes.map((n) => [n.id, n.name]));
  return (nodeId) => {
    const g = groupOf(doc.groups, nodeId);
    if (!g || announced.has(g.id)) return [];
    announced.add(g.id);
    // Names are checked on load to hold no control characters; this keeps any that slip through on one line.
    const name = g.name.replace(/\p{Cc}/gu, ' ');
    return [`${comment} Block "${name}": ${g.nodes.map((id) => names.get(id) ?? id).join(', ')}`];
  };
}
