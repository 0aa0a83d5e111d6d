import { useReactFlow } from '@xyflow/react';
import { useMemo } from 'react';
import { rememberCopied, readClipboard, writeClipboard } from '../actions/clipboard';
import { say } from '../actions/notify';
import { copyFragment, parseFragment, placeFragment, serializeFragment, type Fragment } from '../store/fragment';
import { clearOffset, insertLayerCommand } from '../store/insert';
import { noSelection, useProjectStore } from '../store/project';
import { useView } from '../store/view';
import { useBlocks } from '../store/blocks';
import { insertBlockCommand } from '../store/blockLibrary';
import type { XY } from '../store/commands';
import { NODE_WIDTH } from '../../../app/layout/node-geometry';

export interface EditActions {
  /** Adds a layer after the selected one, wired in, or at a free spot in view. */
  readonly insert: (layerType: string) => void;
  readonly selectAll: () => void;
  /** The selected layers as clipboard text, or null when nothing is selected. */
  readonly copyText: () => string | null;
  readonly copy: () => void;
  readonly cut: () => void;
  readonly paste: () => void;
  readonly pasteText: (text: string) => void;
  readonly duplicate: () => void;
  readonly remove: () => void;
  /** Puts a block from My blocks into the graph as one collapsed block: at `at` (a drop), or in view beside what is there. */
  readonly insertBlock: (blockId: string, at?: XY) => void;
}

const bounds = (f: Fragment) => ({ x: Math.min(...f.nodes.map((n) => n.position.x)), y: Math.min(...f.nodes.map((n) => n.position.y)) });

/** Editing actions shared by the keyboard, the context menus, the quick-add box and the palette. */
export function useEditActions(): EditActions {
  const flow = useReactFlow();
  return useMemo(() => {
    const viewCentre = (): XY => {
      const el = document.querySelector('[data-testid="canvas"]');
      const r = el?.getBoundingClientRect() ?? new DOMRect(0, 0, window.innerWidth, window.innerHeight);
      const c = flow.screenToFlowPosition({ x: r.left + r.width / 2, y: r.top + r.height / 2 });
      return { x: Math.round(c.x - NODE_WIDTH / 2), y: Math.round(c.y - 30) };
    };
    const reveal = (p: XY) => {
      const el = document.querySelector('[data-testid="canvas"]');
      if (!el) return;
      const r = el.getBoundingClientRect();
      const tl = flow.screenToFlowPosition({ x: r.left, y: r.top });
      const br = flow.screenToFlowPosition({ x: r.right, y: r.bottom });
      if (p.x < tl.x || p.y < tl.y || p.x + NODE_WIDTH > br.x || p.y + 60 > br.y)
        void flow.setCenter(p.x + NODE_WIDTH / 2, p.y + 30, { zoom: flow.getZoom(), duration: 200 });
    };
    const copyText = () => {
      const { doc, selection } = useProjectStore.getState();
      const f = copyFragment(doc.graph, selection.nodes, doc.groups);
      return f ? serializeFragment(f) : null;
    };
    /** Pastes beside the originals when they are in this graph, else in the middle of the view; never onto a layer. */
    const pasteFragment = (f: Fragment, label: string) => {
      const { doc, run, select } = useProjectStore.getState();
      const here = f.nodes.every((n) => doc.graph.nodes.some((m) => m.id === n.id && m.position.x === n.position.x && m.position.y === n.position.y));
      const b = bounds(f);
      const centre = viewCentre();
      const offset = clearOffset(doc.graph, f.nodes, here ? { x: 0, y: 0 } : { x: centre.x - b.x, y: centre.y - b.y }, useView.getState().direction);
      const placed = placeFragment(doc.graph, f, offset, doc.groups);
      run({ type: 'insertGraph', nodes: placed.nodes, edges: placed.edges, label, ...(placed.groups ? { groups: placed.groups } : {}) });
      select({ nodes: placed.nodes.map((n) => n.id), edges: placed.edges.map((e) => e.id) });
      const first = placed.nodes[0];
      if (first) reveal(first.position);
    };
    const pasteText = (text: string) => {
      const parsed = parseFragment(text);
      if (!parsed.ok) {
        say('warning', 'Nothing to paste', [parsed.error]);
        return;
      }
      const n = parsed.fragment.nodes.length;
      pasteFragment(parsed.fragment, `Paste ${n === 1 ? parsed.fragment.nodes[0]!.name : `${n} layers`}`);
    };
    const remove = () => useProjectStore.getState().deleteSelection();
    return {
      insert(layerType) {
        const { doc, selection, run, select } = useProjectStore.getState();
        const anchor = selection.nodes.length === 1 ? (selection.nodes[0] ?? null) : null;
        const cmd = insertLayerCommand(doc.graph, layerType, anchor, viewCentre(), useView.getState().direction);
        if (cmd?.type !== 'insertLayer') return;
        run(cmd);
        select({ nodes: [cmd.id], edges: [] });
        reveal(cmd.position);
      },
      selectAll() {
        const { doc, select } = useProjectStore.getState();
        select({ nodes: doc.graph.nodes.map((n) => n.id), edges: doc.graph.edges.map((e) => e.id) });
      },
      copyText,
      copy() {
        const text = copyText();
        if (text) void writeClipboard(text);
      },
      cut() {
        const text = copyText();
        if (!text) return;
        rememberCopied(text);
        void writeClipboard(text);
        const { selection, run, select } = useProjectStore.getState();
        run({
          type: 'removeElements',
          nodeIds: selection.nodes,
          edgeIds: selection.edges,
          label: `Cut ${selection.nodes.length === 1 ? selection.nodes[0] : `${selection.nodes.length} layers`}`,
        });
        select(noSelection);
      },
      paste() {
        void readClipboard().then((text) => {
          if (text) pasteText(text);
        });
      },
      pasteText,
      duplicate() {
        const { doc, selection } = useProjectStore.getState();
        const f = copyFragment(doc.graph, selection.nodes, doc.groups);
        if (f) pasteFragment(f, `Duplicate ${f.nodes.length === 1 ? f.nodes[0]!.name : `${f.nodes.length} layers`}`);
      },
      remove,
      insertBlock(blockId, at) {
        const block = useBlocks.getState().blocks.find((b) => b.id === blockId);
        if (!block) return;
        const { doc, run, select } = useProjectStore.getState();
        const start = at ?? viewCentre();
        const offset = at ? start : clearOffset(doc.graph, block.nodes, start, useView.getState().direction);
        const cmd = insertBlockCommand(doc, block, offset);
        run(cmd);
        select({ nodes: cmd.nodes.map((n) => n.id), edges: [] });
        if (!at) reveal(offset);
      },
    };
  }, [flow]);
}
