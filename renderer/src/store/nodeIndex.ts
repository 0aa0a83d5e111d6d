import type { GraphDoc, NodeDoc } from '../../../app/document/schema';
import { useProjectStore } from './project';

// Every card looks itself up on every store change; a scan per card made that quadratic in the
// graph's size. One map per nodes array (commands replace the array when it changes) keeps it linear.
const indexes = new WeakMap<GraphDoc['nodes'], Map<string, NodeDoc>>();

export function nodeIndexOf(nodes: GraphDoc['nodes']): Map<string, NodeDoc> {
  let index = indexes.get(nodes);
  if (!index) {
    index = new Map(nodes.map((n) => [n.id, n]));
    indexes.set(nodes, index);
  }
  return index;
}

/** The node with this id in the open project, or undefined once it is deleted. */
export function useNode(id: string): NodeDoc | undefined {
  return useProjectStore((s) => nodeIndexOf(s.doc.graph.nodes).get(id));
}
