import { Handle, Position, type Node, type NodeProps } from '@xyflow/react';
import { memo } from 'react';
import { groupStats, type BoundaryHandle } from '../../../app/analysis/groups';
import { formatCount } from '../../../app/analysis/summary';
import { formatShape } from '../../../app/layers/types';
import { useAnalysis } from '../store/analysis';
import { useProjectStore } from '../store/project';
import { useView } from '../store/view';
import { BlockName } from './BlockName';
import { expandIcon } from './blockIcons';
import { NODE_HEADER as HEADER, NODE_ROW as ROW, NODE_WIDTH } from '../../../app/layout/node-geometry';

/** A collapsed block's card: it reads its group from the document by id, as layer cards do. */
export type BlockFlowNode = Node<{ groupId: string }, 'block'>;

const along = (i: number, n: number) => `${((i + 1) / (n + 1)) * 100}%`;
const shapeOf = (h: BoundaryHandle) => (h.shape ? formatShape(h.shape) : '(?)');

/** One card for a whole block: its handles are the connections crossing its edge, its counts the members' sums. */
export const BlockNode = memo(function BlockNode({ data, selected }: NodeProps<BlockFlowNode>) {
  const group = useProjectStore((s) => s.doc.groups.find((g) => g.id === data.groupId));
  const graph = useProjectStore((s) => s.doc.graph);
  const analysis = useAnalysis();
  const vertical = useView((s) => s.direction === 'TB');
  if (!group) return null;
  const stats = groupStats(graph, group, analysis);
  const flowId = `block:${group.id}`;
  const main = stats.outputs[0];
  const rows = Math.max(stats.inputs.length, stats.outputs.length);
  const rowTop = (i: number) => HEADER + 4 + ROW / 2 + i * ROW;
  const border = stats.errors ? 'border-red-400' : selected ? 'border-indigo-500' : 'border-indigo-300';
  const expand = () => useProjectStore.getState().run({ type: 'setGroupCollapsed', groupId: group.id, collapsed: false });
  const count = group.nodes.length;
  return (
    <div
      data-testid={`block-${group.id}`}
      className={`relative rounded-lg border-2 bg-white text-left shadow-md ${border} ${selected ? 'ring-2 ring-indigo-500/30' : ''}`}
      style={{ width: NODE_WIDTH }}
      title={`Block “${group.name}”: ${count} layers (${group.nodes.join(', ')}). Double-click to expand.`}
      onDoubleClick={expand}
    >
      {/* A second card edge behind this one says "several layers" at a glance. */}
      <div className="absolute inset-x-1.5 -bottom-1.5 -z-10 h-3 rounded-b-lg border-2 border-t-0 border-indigo-200 bg-indigo-50" aria-hidden />
      <div className="absolute inset-y-0 left-0 w-1 rounded-l-[5px] bg-indigo-500" aria-hidden />
      <div className="flex flex-col justify-center pr-2 pl-3" style={{ height: HEADER }}>
        <div className="flex items-center justify-between gap-1">
          <BlockName group={group} className="text-[13px] font-semibold text-slate-900" />
          <span className="shrink-0 text-[11px] font-medium text-indigo-600">
            Block · {count} layer{count === 1 ? '' : 's'}
          </span>
          <button
            type="button"
            data-testid={`block-expand-${group.id}`}
            title="Expand: show the layers inside"
            aria-label={`Expand ${group.name}`}
            className="nodrag rounded p-0.5 text-slate-500 hover:bg-indigo-50 hover:text-indigo-700"
            onClick={expand}
          >
            {expandIcon}
          </button>
        </div>
        <div className="mt-0.5 flex items-baseline justify-between gap-2 pl-1 text-[11.5px]">
          <span data-testid="block-shape" className={`min-w-0 truncate font-mono ${main?.shape ? 'text-slate-700' : 'text-slate-400'}`} title="Output shape">
            {main ? shapeOf(main) : '(?)'}
          </span>
          <span
            data-testid="block-params"
            className="shrink-0 text-slate-500 tabular-nums"
            title={`${formatCount(stats.trainable)} trainable, ${formatCount(stats.frozen)} frozen`}
          >
            {formatCount(stats.params)} params{stats.frozen > 0 ? ` (${formatCount(stats.frozen)} frozen)` : ''}
          </span>
        </div>
      </div>
      {rows > 1 && (
        <div className="border-t border-slate-100 py-1 pr-3 pl-4 font-mono text-[10.5px] text-slate-500">
          {Array.from({ length: rows }, (_, i) => {
            const input = stats.inputs[i];
            const output = stats.outputs[i];
            return (
              <div key={i} className="flex items-center justify-between gap-2" style={{ height: ROW }}>
                <span className="min-w-0 truncate">{input?.label}</span>
                <span className="shrink-0 truncate" title={output ? `${output.label} ${shapeOf(output)}` : undefined}>
                  {output ? `${output.label} ${shapeOf(output)}` : ''}
                </span>
              </div>
            );
          })}
        </div>
      )}
      {stats.errors > 0 && (
        <div className="mx-2 mb-1.5 rounded-md bg-red-50 px-2 py-0.5 text-[11px] text-red-800">
          {stats.errors} problem{stats.errors === 1 ? '' : 's'} inside; expand to see {stats.errors === 1 ? 'it' : 'them'}.
        </div>
      )}
      {stats.inputs.map((h, i) => (
        <Handle
          key={h.id}
          id={h.id}
          type="target"
          position={vertical ? Position.Top : Position.Left}
          style={vertical ? { left: along(i, stats.inputs.length) } : { top: rows > 1 ? rowTop(i) : HEADER / 2 }}
          data-testid={`handle-in-${flowId}-${h.id}`}
          title={`Input of ${h.label}`}
          className={`ll-handle ${h.multiple ? 'll-handle-multi' : ''}`}
        />
      ))}
      {stats.outputs.map((h, i) => (
        <Handle
          key={h.id}
          id={h.id}
          type="source"
          position={vertical ? Position.Bottom : Position.Right}
          style={vertical ? { left: along(i, stats.outputs.length) } : { top: rows > 1 ? rowTop(i) : HEADER / 2 }}
          data-testid={`handle-out-${flowId}-${h.id}`}
          title={`${h.label} ${shapeOf(h)}`}
          className="ll-handle"
        />
      ))}
    </div>
  );
});
