import type { Edge } from '@xyflow/react';
import { boundaryHandleId } from '../../../app/analysis/groups';
import type { Analysis } from '../../../app/analysis/types';
import type { GroupDoc } from '../../../app/document/groups';
import type { GraphDoc } from '../../../app/document/schema';
import { blockNodeId, frameBox, frameNodeId, membersBox } from './blockGeometry';
import type { FrameFlowNode } from './BlockFrame';
import type { BlockFlowNode } from './BlockNode';
import type { LayerFlowNode } from './LayerNode';

/** The drag-and-drop type the palette puts on a drag; its data is the layer type. */
export const LAYER_MIME = 'application/layerlab-layer';
/** The drag type of a block from "My blocks"; its data is the block's id in the library. */
export const BLOCK_MIME = 'application/layerlab-block';

/** Everything the canvas draws: layer cards, collapsed blocks' cards, and expanded blocks' frames. */
export type CanvasFlowNode = LayerFlowNode | BlockFlowNode | FrameFlowNode;

const collapsedMembers = (groups: readonly GroupDoc[]) => {
  const m = new Map<string, GroupDoc>();
  for (const g of groups) if (g.collapsed) for (const id of g.nodes) m.set(id, g);
  return m;
};

/**
 * Document nodes → React Flow nodes. Objects that did not change are reused, keeping
 * what React Flow measured about them (`measured`), so it does not measure again.
 * A collapsed block hides its members behind one card at their top-left corner; an
 * expanded one draws a frame behind them.
 */
export function toFlowNodes(graph: GraphDoc, groups: readonly GroupDoc[], selected: readonly string[], prev: readonly CanvasFlowNode[]): CanvasFlowNode[] {
  const before = new Map(prev.map((n) => [n.id, n]));
  const sel = new Set(selected);
  const hidden = collapsedMembers(groups);
  const frames: CanvasFlowNode[] = [];
  const blocks: CanvasFlowNode[] = [];
  for (const g of groups) {
    const box = membersBox(graph, g);
    if (!box) continue;
    const allSelected = g.nodes.every((id) => sel.has(id));
    if (g.collapsed) {
      const id = blockNodeId(g.id);
      const p = before.get(id);
      if (p?.type === 'block' && p.position.x === box.x && p.position.y === box.y && Boolean(p.selected) === allSelected && p.data.groupId === g.id)
        blocks.push(p);
      else
        blocks.push({ ...(p?.type === 'block' ? p : {}), id, type: 'block', position: { x: box.x, y: box.y }, data: { groupId: g.id }, selected: allSelected });
    } else {
      const f = frameBox(box);
      // Behind the layers, and transparent to the pointer except its title bar, so box selection still starts on it.
      frames.push({
        id: frameNodeId(g.id),
        type: 'frame',
        position: { x: f.x, y: f.y },
        data: { groupId: g.id, width: f.width, height: f.height, selected: allSelected },
        selectable: false,
        draggable: false,
        focusable: false,
        zIndex: -1,
        style: { pointerEvents: 'none' },
      });
    }
  }
  const layers = graph.nodes.map((n): CanvasFlowNode => {
    const p = before.get(n.id);
    const isSelected = sel.has(n.id);
    const isHidden = hidden.has(n.id);
    if (
      p?.type === 'layer' &&
      p.position.x === n.position.x &&
      p.position.y === n.position.y &&
      Boolean(p.selected) === isSelected &&
      Boolean(p.hidden) === isHidden
    )
      return p;
    return { ...(p?.type === 'layer' ? p : {}), id: n.id, type: 'layer', position: n.position, data: {}, selected: isSelected, hidden: isHidden };
  });
  return [...frames, ...layers, ...blocks];
}

export function toFlowEdges(graph: GraphDoc, groups: readonly GroupDoc[], analysis: Analysis, selected: readonly string[], animated: boolean): Edge[] {
  const bad = new Set(analysis.issues.flatMap((i) => (i.edgeId ? [i.edgeId] : [])));
  const sel = new Set(selected);
  const hidden = collapsedMembers(groups);
  return graph.edges.flatMap((e) => {
    const from = hidden.get(e.source);
    const to = hidden.get(e.target);
    // Inside one collapsed block an edge is part of the card.
    if (from && from === to) return [];
    return [
      {
        id: e.id,
        source: from ? blockNodeId(from.id) : e.source,
        sourceHandle: from ? boundaryHandleId(e.source, e.sourceHandle) : e.sourceHandle,
        target: to ? blockNodeId(to.id) : e.target,
        targetHandle: to ? boundaryHandleId(e.target, e.targetHandle) : e.targetHandle,
        selected: sel.has(e.id),
        animated: animated && !bad.has(e.id),
        className: bad.has(e.id) ? 'll-edge-bad' : '',
        data: {},
      },
    ];
  });
}
