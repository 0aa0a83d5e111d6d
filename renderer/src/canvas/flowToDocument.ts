import { parseBoundaryHandle } from '../../../app/analysis/groups';
import type { ProjectDoc } from '../../../app/document/schema';
import { groupIdOf, membersBox } from './blockGeometry';
import type { XY } from '../store/commands';

interface Placed {
  readonly id: string;
  readonly position: XY;
}

/** Reads what React Flow reports about the canvas's cards back into document terms: a block card means its layers. */
export const flowToDocument = {
  /** The layers a canvas card stands for: itself, a collapsed block's members, or nothing (a frame). */
  members(doc: ProjectDoc, flowId: string): readonly string[] {
    const groupId = groupIdOf(flowId);
    if (groupId !== null) return doc.groups.find((g) => g.id === groupId)?.nodes ?? [];
    return flowId.startsWith('frame:') ? [] : [flowId];
  },

  /** New positions for dragged cards; a block card moves each member by the distance the card moved. */
  moves(doc: ProjectDoc, dragged: readonly Placed[]): { id: string; position: XY }[] {
    const at = (p: XY) => ({ x: Math.round(p.x), y: Math.round(p.y) });
    return dragged.flatMap((n) => {
      const groupId = groupIdOf(n.id);
      if (groupId === null) return n.id.startsWith('frame:') ? [] : [{ id: n.id, position: at(n.position) }];
      const group = doc.groups.find((g) => g.id === groupId);
      const box = group && membersBox(doc.graph, group);
      if (!group || !box) return [];
      const dx = Math.round(n.position.x - box.x);
      const dy = Math.round(n.position.y - box.y);
      const members = new Set(group.nodes);
      return doc.graph.nodes.filter((m) => members.has(m.id)).map((m) => ({ id: m.id, position: { x: m.position.x + dx, y: m.position.y + dy } }));
    });
  },

  /** A connection's end on a block card is a member's handle. */
  handle(flowId: string, handle: string): { nodeId: string; handle: string } {
    if (groupIdOf(flowId) === null) return { nodeId: flowId, handle };
    return parseBoundaryHandle(handle) ?? { nodeId: flowId, handle };
  },
};
