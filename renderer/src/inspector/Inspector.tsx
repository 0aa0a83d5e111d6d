import { useProjectStore } from '../store/project';
import { Button } from '../ui/Button';
import { NodeInspector } from './NodeInspector';
import { NodeTraining } from './NodeTraining';

/** The selected layer's settings, or what to do when nothing (or several things) is selected. */
export function Inspector() {
  const selection = useProjectStore((s) => s.selection);
  const graph = useProjectStore((s) => s.doc.graph);
  const deleteSelection = useProjectStore((s) => s.deleteSelection);
  const count = selection.nodes.length + selection.edges.length;
  const node = selection.nodes.length === 1 && selection.edges.length === 0 ? graph.nodes.find((n) => n.id === selection.nodes[0]) : undefined;
  const edge = selection.edges.length === 1 && selection.nodes.length === 0 ? graph.edges.find((e) => e.id === selection.edges[0]) : undefined;
  const nameOf = (id: string) => graph.nodes.find((n) => n.id === id)?.name ?? id;

  return (
    <div data-testid="inspector">
      {node ? (
        <NodeInspector key={node.id} node={node} />
      ) : edge ? (
        <div className="space-y-3 text-[13px] text-slate-700">
          <p className="font-mono">
            {nameOf(edge.source)}
            {edge.sourceHandle !== 'output' && <span className="text-slate-500">.{edge.sourceHandle}</span>} → {nameOf(edge.target)}
            <span className="text-slate-500">.{edge.targetHandle}</span>
          </p>
          <p className="text-slate-500">A connection carries the output of one layer into an input of another.</p>
          <Button onClick={deleteSelection} title="Delete (Del / Backspace)">
            Delete connection
          </Button>
        </div>
      ) : count > 1 ? (
        <div className="space-y-3 text-[13px] text-slate-700">
          <p>
            {selection.nodes.length} layer{selection.nodes.length === 1 ? '' : 's'} and {selection.edges.length} connection
            {selection.edges.length === 1 ? '' : 's'} selected.
          </p>
          {selection.nodes.length > 1 && <NodeTraining nodes={graph.nodes.filter((n) => selection.nodes.includes(n.id))} />}
          <Button onClick={deleteSelection} title="Delete (Del / Backspace)">
            Delete selection
          </Button>
        </div>
      ) : (
        <p className="rounded-md border border-dashed border-slate-300 px-3 py-4 text-center text-[13px] leading-relaxed text-slate-500">
          Select a layer on the canvas to edit its settings and read what it does.
        </p>
      )}
    </div>
  );
}
