import type { Edge } from '@xyflow/react';
import type { Analysis } from '../../../app/analysis/types';
import type { GraphDoc } from '../../../app/document/schema';
import type { LayerFlowNode } from './LayerNode';

/** The drag-and-drop type the palette puts on a drag; its data is the layer type. */
export const LAYER_MIME = 'application/layerlab-layer';

/**
 * Document nodes → React Flow nodes. Objects that did not change are reused, keeping
 * what React Flow measured about them (`measured`), so it does not measure again.
 */
export function toFlowNodes(graph: GraphDoc, selected: readonly string[], prev: readonly LayerFlowNode[]): LayerFlowNode[] {
  const before = new Map(prev.map((n) => [n.id, n]));
  const sel = new Set(selected);
  return graph.nodes.map((n) => {
    const p = before.get(n.id);
    const isSelected = sel.has(n.id);
    if (p?.position.x === n.position.x && p.position.y === n.position.y && Boolean(p.selected) === isSelected) return p;
    return { ...p, id: n.id, type: 'layer', position: n.position, data: {}, selected: isSelected };
  });
}

export function toFlowEdges(graph: GraphDoc, analysis: Analysis, selected: readonly string[], animated: boolean): Edge[] {
  const bad = new Set(analysis.issues.flatMap((i) => (i.edgeId ? [i.edgeId] : [])));
  const sel = new Set(selected);
  return graph.edges.map((e) => ({
    id: e.id,
    source: e.source,
    sourceHandle: e.sourceHandle,
    target: e.target,
    targetHandle: e.targetHandle,
    selected: sel.has(e.id),
    animated: animated && !bad.has(e.id),
    className: bad.has(e.id) ? 'll-edge-bad' : '',
    data: {},
  }));
}
