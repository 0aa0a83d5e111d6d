import {
  applyEdgeChanges,
  applyNodeChanges,
  Background,
  BackgroundVariant,
  Controls,
  MiniMap,
  ReactFlow,
  SelectionMode,
  useReactFlow,
  useStore,
  type Connection,
  type Edge,
  type EdgeChange,
  type IsValidConnection,
  type NodeChange,
  type NodeTypes,
  type OnNodeDrag,
  type OnSelectionChangeParams,
} from '@xyflow/react';
import { useCallback, useEffect, useRef, useState, type DragEvent } from 'react';
import { getLayer } from '../../../app/layers/registry';
import { MAIN_OUTPUT } from '../../../app/layers/types';
import { useAnalysis } from '../store/analysis';
import { useProjectStore } from '../store/project';
import { isActive, useRun } from '../store/run';
import { useView } from '../store/view';
import { categoryStyle } from '../ui/category';
import { CanvasOverlays } from './CanvasOverlays';
import { ContextMenu, type MenuState } from './ContextMenu';
import { useEditActions } from './useEditActions';
import { BLOCK_MIME, LAYER_MIME, toFlowEdges, toFlowNodes, type CanvasFlowNode } from './flow';
import { LayerNode, NODE_WIDTH } from './LayerNode';
import { BlockNode } from './BlockNode';
import { BlockFrame } from './BlockFrame';
import { fitGraph, FIT_MIN_ZOOM } from './fitGraph';
import { flowToDocument } from './flowToDocument';

const nodeTypes: NodeTypes = { layer: LayerNode, block: BlockNode, frame: BlockFrame };

function minimapColor(node: CanvasFlowNode): string {
  if (node.type !== 'layer') return '#6366f1';
  const type = useProjectStore.getState().doc.graph.nodes.find((n) => n.id === node.id)?.type ?? '';
  return categoryStyle(getLayer(type)?.category).hex;
}

/** Shift, Ctrl or Cmd and a click adds a layer to the selection; Shift and a drag draws a selection box. */
const MULTI_SELECT_KEYS = ['Shift', 'Control', 'Meta'];

const isValidConnection: IsValidConnection = (c) => c.source !== c.target;

/**
 * The graph editor. React Flow keeps its own copy of the nodes for dragging and
 * measuring; the document stays the source of truth and every edit is a command.
 */
export function Canvas() {
  const graph = useProjectStore((s) => s.doc.graph);
  const selection = useProjectStore((s) => s.selection);
  const loadCount = useProjectStore((s) => s.loadCount);
  const { run, select, addLayer } = useProjectStore.getState();
  const analysis = useAnalysis();
  const training = useRun((s) => isActive(s.status));
  const groups = useProjectStore((s) => s.doc.groups);
  const flow = useReactFlow<CanvasFlowNode>();
  const { screenToFlowPosition } = flow;
  const minimap = useView((s) => s.minimap);
  const fitRequest = useView((s) => s.fitRequest);
  const zoom = useStore((s) => s.transform[2]);
  const box = useRef<HTMLDivElement>(null);
  const edit = useEditActions();
  const [menu, setMenu] = useState<MenuState | null>(null);
  const closeMenu = useCallback(() => setMenu(null), []);
  const openMenu = (e: { preventDefault(): void; clientX: number; clientY: number }, target: MenuState['target']) => {
    e.preventDefault();
    // Right-clicking a layer outside the selection acts on that layer alone, as file managers do.
    if (target.kind === 'group') {
      const members = useProjectStore.getState().doc.groups.find((g) => g.id === target.id)?.nodes ?? [];
      select({ nodes: members, edges: [] });
    } else if (target.kind !== 'pane') {
      const sel = useProjectStore.getState().selection;
      const inSel = target.kind === 'node' ? sel.nodes.includes(target.id) : sel.edges.includes(target.id);
      if (!inSel) select(target.kind === 'node' ? { nodes: [target.id], edges: [] } : { nodes: [], edges: [target.id] });
    }
    setMenu({ x: e.clientX, y: e.clientY, target });
  };
  const [nodes, setNodes] = useState<CanvasFlowNode[]>([]);
  const [edges, setEdges] = useState<Edge[]>([]);

  // React Flow's copies follow the document as it changes, adjusted during render (not in an effect) so no frame shows stale cards.
  const [synced, setSynced] = useState<readonly unknown[]>([]);
  const inputs = [graph, groups, selection, analysis, training];
  if (inputs.some((v, i) => v !== synced[i])) {
    setSynced(inputs);
    setNodes((prev) => toFlowNodes(graph, groups, selection.nodes, prev));
    setEdges(toFlowEdges(graph, groups, analysis, selection.edges, training));
  }
  useEffect(() => {
    // Fit whole-document loads (open, template, restore), never plain edits: the view must not jump under a drop.
    if (loadCount === 0 && fitRequest === 0) return;
    const t = setTimeout(() => fitGraph(box.current, flow, useView.getState().direction), 60);
    return () => clearTimeout(t);
  }, [loadCount, fitRequest, flow]);

  // Deletion goes through our own shortcut (one undo step); React Flow only reports moves and selection.
  const onNodesChange = useCallback((changes: NodeChange<CanvasFlowNode>[]) => {
    setNodes((nds) =>
      applyNodeChanges(
        changes.filter((c) => c.type !== 'remove'),
        nds,
      ),
    );
  }, []);
  const onEdgesChange = useCallback((changes: EdgeChange[]) => {
    setEdges((eds) =>
      applyEdgeChanges(
        changes.filter((c) => c.type !== 'remove'),
        eds,
      ),
    );
  }, []);
  // A block's card stands for its layers: selecting, moving and wiring it act on them.
  const onSelectionChange = useCallback(
    ({ nodes: ns, edges: es }: OnSelectionChangeParams) => {
      const doc = useProjectStore.getState().doc;
      select({ nodes: [...new Set(ns.flatMap((n) => flowToDocument.members(doc, n.id)))], edges: es.map((e) => e.id) });
    },
    [select],
  );
  const onNodeDragStop: OnNodeDrag<CanvasFlowNode> = useCallback(
    (_e, _node, dragged) => run({ type: 'moveNodes', moves: flowToDocument.moves(useProjectStore.getState().doc, dragged) }),
    [run],
  );
  const onConnect = useCallback(
    (c: Connection) => {
      const from = flowToDocument.handle(c.source, c.sourceHandle ?? MAIN_OUTPUT);
      const to = flowToDocument.handle(c.target, c.targetHandle ?? 'input');
      run({ type: 'connect', source: from.nodeId, sourceHandle: from.handle, target: to.nodeId, targetHandle: to.handle });
    },
    [run],
  );

  const onDragOver = (e: DragEvent) => {
    if (!e.dataTransfer.types.includes(LAYER_MIME) && !e.dataTransfer.types.includes(BLOCK_MIME)) return;
    e.preventDefault();
    e.dataTransfer.dropEffect = 'copy';
  };
  const onDrop = (e: DragEvent) => {
    const block = e.dataTransfer.getData(BLOCK_MIME);
    if (block) {
      e.preventDefault();
      const p = screenToFlowPosition({ x: e.clientX, y: e.clientY });
      edit.insertBlock(block, { x: Math.round(p.x - NODE_WIDTH / 2), y: Math.round(p.y - 24) });
      return;
    }
    const type = e.dataTransfer.getData(LAYER_MIME);
    if (!getLayer(type)) return;
    e.preventDefault();
    const p = screenToFlowPosition({ x: e.clientX, y: e.clientY });
    addLayer(type, { x: Math.round(p.x - NODE_WIDTH / 2), y: Math.round(p.y - 24) });
  };

  return (
    <div ref={box} data-testid="canvas" data-zoom={zoom.toFixed(3)} className="relative h-full w-full bg-slate-50" onDragOver={onDragOver} onDrop={onDrop}>
      <ReactFlow<CanvasFlowNode>
        nodes={nodes}
        edges={edges}
        nodeTypes={nodeTypes}
        onNodesChange={onNodesChange}
        onEdgesChange={onEdgesChange}
        onSelectionChange={onSelectionChange}
        onNodeDragStop={onNodeDragStop}
        onConnect={onConnect}
        isValidConnection={isValidConnection}
        deleteKeyCode={null}
        selectionKeyCode="Shift"
        multiSelectionKeyCode={MULTI_SELECT_KEYS}
        selectionMode={SelectionMode.Partial}
        onNodeContextMenu={(e, n) => openMenu(e, n.type === 'layer' ? { kind: 'node', id: n.id } : { kind: 'group', id: n.data.groupId })}
        onEdgeContextMenu={(e, ed) => openMenu(e, { kind: 'edge', id: ed.id })}
        onPaneContextMenu={(e) => openMenu(e, { kind: 'pane' })}
        onSelectionContextMenu={(e) => openMenu(e, { kind: 'pane' })}
        minZoom={0.2}
        maxZoom={2.5}
        fitViewOptions={{ minZoom: FIT_MIN_ZOOM, maxZoom: 1.1, padding: 0.1 }}
        defaultEdgeOptions={{ type: 'default' }}
        attributionPosition="top-right"
      >
        <Background variant={BackgroundVariant.Dots} gap={18} size={1.2} color="#cbd5e1" />
        {graph.nodes.length > 0 && minimap && (
          <MiniMap<CanvasFlowNode>
            pannable
            zoomable
            nodeColor={minimapColor}
            nodeStrokeWidth={0}
            maskColor="rgba(241,245,249,0.7)"
            className="ll-minimap"
            style={{ width: 140, height: 96 }}
            ariaLabel="Minimap of the graph"
          />
        )}
        <Controls showInteractive={false} className="ll-controls" />
      </ReactFlow>
      <CanvasOverlays />
      {menu && <ContextMenu menu={menu} edit={edit} onClose={closeMenu} />}
    </div>
  );
}
