import { getNodesBounds, type Node, type ReactFlowInstance } from '@xyflow/react';
import type { LayoutDirection } from '../../../app/layout/auto-layout';

/** Below this zoom a card's shape and parameter count stop being readable. */
export const FIT_MIN_ZOOM = 0.75;
const FIT_MAX_ZOOM = 1.1;
const PAD = 36;

/**
 * Fits the graph in the canvas, but never below a readable zoom: along an axis where the graph
 * is too long it starts at the beginning (the inputs) and the rest is a scroll away.
 */
export function fitGraph<N extends Node>(el: HTMLElement | null, flow: ReactFlowInstance<N>, direction: LayoutDirection, duration = 200): void {
  // Layers folded into a block's card are hidden; the card stands for them.
  const nodes = flow.getNodes().filter((n) => !n.hidden);
  if (!el || nodes.length === 0) return;
  const { width, height } = el.getBoundingClientRect();
  const b = getNodesBounds(nodes);
  const zoom = Math.max(FIT_MIN_ZOOM, Math.min(FIT_MAX_ZOOM, (width - 2 * PAD) / b.width, (height - 2 * PAD) / b.height));
  const centre = (size: number, start: number, extent: number) => size / 2 - (start + extent / 2) * zoom;
  // Along the flow a graph too long to fit starts at its inputs; across it, it stays centred.
  const along = (size: number, start: number, extent: number) => (extent * zoom <= size - 2 * PAD ? centre(size, start, extent) : PAD - start * zoom);
  const vertical = direction === 'TB';
  const x = vertical ? centre(width, b.x, b.width) : along(width, b.x, b.width);
  const y = vertical ? along(height, b.y, b.height) : centre(height, b.y, b.height);
  void flow.setViewport({ x, y, zoom }, { duration });
}
