import { useReactFlow } from '@xyflow/react';
import { useCallback } from 'react';
import type { NodeDoc } from '../../../app/document/schema';
import { useProjectStore } from '../store/project';
import { NODE_WIDTH } from './LayerNode';

const ROW = 100;
const GAP_X = 80;

function free(nodes: readonly NodeDoc[], start: { x: number; y: number }) {
  const overlaps = (p: { x: number; y: number }) =>
    nodes.some((n) => Math.abs(n.position.x - p.x) < NODE_WIDTH + 20 && Math.abs(n.position.y - p.y) < ROW - 10);
  const p = { ...start };
  for (let i = 0; i < 50 && overlaps(p); i++) p.y += ROW;
  return p;
}

/**
 * Keyboard users add a layer without dragging: right of the selected layer (so Enter, Enter,
 * Enter builds a chain), or in the middle of the visible canvas; never on top of another one.
 */
export function useAddAtCentre(): (layerType: string) => void {
  const { screenToFlowPosition, setCenter, getZoom } = useReactFlow();
  return useCallback(
    (layerType: string) => {
      const { doc, selection, addLayer } = useProjectStore.getState();
      const nodes = doc.graph.nodes;
      const anchor = selection.nodes.length === 1 ? nodes.find((n) => n.id === selection.nodes[0]) : undefined;
      const el = document.querySelector('[data-testid="canvas"]');
      const r = el?.getBoundingClientRect() ?? new DOMRect(0, 0, window.innerWidth, window.innerHeight);
      const topLeft = screenToFlowPosition({ x: r.left, y: r.top });
      const bottomRight = screenToFlowPosition({ x: r.right, y: r.bottom });
      const c = { x: (topLeft.x + bottomRight.x) / 2, y: (topLeft.y + bottomRight.y) / 2 };
      const start = anchor
        ? { x: anchor.position.x + NODE_WIDTH + GAP_X, y: anchor.position.y }
        : { x: Math.round(c.x - NODE_WIDTH / 2), y: Math.round(c.y - 30) };
      const p = free(nodes, start);
      addLayer(layerType, p);
      const visible = p.x >= topLeft.x && p.y >= topLeft.y && p.x + NODE_WIDTH <= bottomRight.x && p.y + ROW <= bottomRight.y;
      if (!visible) void setCenter(p.x + NODE_WIDTH / 2, p.y + 30, { zoom: getZoom(), duration: 200 });
    },
    [screenToFlowPosition, setCenter, getZoom],
  );
}
