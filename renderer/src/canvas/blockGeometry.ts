import type { GroupDoc } from '../../../app/document/groups';
import type { GraphDoc } from '../../../app/document/schema';
import { nodeHeight, NODE_WIDTH } from '../../../app/layout/node-geometry';

export interface Box {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/** Room around the members inside an expanded block's frame, and the frame's title bar above them. */
export const FRAME_PAD = 14;
export const FRAME_HEADER = 30;

/** The box the members' cards cover, from the document (not from measuring), so it is known before the cards are drawn. */
export function membersBox(graph: GraphDoc, group: GroupDoc): Box | null {
  const members = new Set(group.nodes);
  let x0 = Infinity;
  let y0 = Infinity;
  let x1 = -Infinity;
  let y1 = -Infinity;
  for (const n of graph.nodes) {
    if (!members.has(n.id)) continue;
    x0 = Math.min(x0, n.position.x);
    y0 = Math.min(y0, n.position.y);
    x1 = Math.max(x1, n.position.x + NODE_WIDTH);
    y1 = Math.max(y1, n.position.y + nodeHeight(n));
  }
  return x0 === Infinity ? null : { x: x0, y: y0, width: x1 - x0, height: y1 - y0 };
}

/** The frame drawn around an expanded block. */
export function frameBox(members: Box): Box {
  return {
    x: members.x - FRAME_PAD,
    y: members.y - FRAME_PAD - FRAME_HEADER,
    width: members.width + 2 * FRAME_PAD,
    height: members.height + 2 * FRAME_PAD + FRAME_HEADER,
  };
}

/** React Flow ids of a block's card (collapsed) and frame (expanded); never a layer id, since those have no colon. */
export const blockNodeId = (groupId: string): string => `block:${groupId}`;
export const frameNodeId = (groupId: string): string => `frame:${groupId}`;
export const groupIdOf = (flowId: string): string | null => (flowId.startsWith('block:') ? flowId.slice(6) : null);
