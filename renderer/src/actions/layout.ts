import { layoutGraph, type LayoutDirection, type Size } from '../../../app/layout/auto-layout';
import { collapsedForLayout } from '../canvas/blockLayout';
import { useProjectStore } from '../store/project';
import { useView } from '../store/view';
import { errorText, say } from './notify';

/** Card sizes as drawn (an error message makes a card taller than its estimate). */
function measuredSizes(): Map<string, Size> {
  const sizes = new Map<string, Size>();
  for (const el of document.querySelectorAll<HTMLElement>('.react-flow__node[data-id]')) {
    const id = el.dataset.id;
    if (id && el.offsetWidth > 0) sizes.set(id, { width: el.offsetWidth, height: el.offsetHeight });
  }
  return sizes;
}

/**
 * Lays out the selected layers (two or more) or else the whole graph, as one undoable step.
 * A new direction is remembered and applied to the whole graph.
 */
export async function layoutProject(direction?: LayoutDirection): Promise<void> {
  const view = useView.getState();
  if (direction) view.set({ direction });
  const dir = direction ?? view.direction;
  const { doc, selection, run } = useProjectStore.getState();
  if (doc.graph.nodes.length === 0) return;
  const partial = !direction && selection.nodes.length > 1;
  try {
    // A collapsed block is laid out as the one card it is drawn as.
    const shown = collapsedForLayout(doc.graph, doc.groups, partial ? new Set(selection.nodes) : undefined);
    const placed = shown.expand(await layoutGraph(shown.graph, { direction: dir, sizes: measuredSizes(), ...(shown.only ? { only: shown.only } : {}) }));
    // The graph may have changed while elk worked; only layers still there move.
    if (useProjectStore.getState().doc !== doc) return;
    run({ type: 'layout', scope: partial ? 'selection' : 'graph', moves: [...placed].map(([id, position]) => ({ id, position })) });
    if (!partial) useView.getState().requestFit();
  } catch (e) {
    say('error', 'Layout failed', [errorText(e)]);
  }
}
