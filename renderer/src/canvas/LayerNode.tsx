import { Handle, Position, type Node, type NodeProps } from '@xyflow/react';
import { memo } from 'react';
import { formatCount } from '../../../app/analysis/summary';
import type { GraphIssue } from '../../../app/analysis/types';
import { getLayer } from '../../../app/layers/registry';
import { formatShape, type InputHandle } from '../../../app/layers/types';
import { useAdvice, useAnalysis, useFitIssues } from '../store/analysis';
import { useNode } from '../store/nodeIndex';
import { useProjectStore } from '../store/project';
import { useView } from '../store/view';
import { categoryStyle, displayType } from '../ui/category';
import { NodeBadges } from './NodeBadges';
import { NodeError } from './NodeError';
import { nodeHandles, NODE_HEADER as HEADER, NODE_ROW as ROW, NODE_WIDTH } from '../../../app/layout/node-geometry';

/** Canvas nodes carry no data: the card reads its layer from the document by id. */
export type LayerFlowNode = Node<Record<string, never>, 'layer'>;

export { NODE_WIDTH };

/** Where the i-th of n handles sits along the top or bottom edge, in handle order left to right. */
const along = (i: number, n: number) => `${((i + 1) / (n + 1)) * 100}%`;

const inputTitle = (h: InputHandle) => `${h.label} input${h.optional ? ' (optional)' : ''}${h.multiple ? ' — takes several connections, in order' : ''}`;

/** The one card every layer type is drawn with. */
export const LayerNode = memo(function LayerNode({ id, selected }: NodeProps<LayerFlowNode>) {
  const node = useNode(id);
  const info = useAnalysis().nodes.get(id);
  const fit = useFitIssues();
  const tip = useAdvice().find((a) => a.nodeId === id);
  const gan = useProjectStore((s) => s.doc.training.mode === 'gan');
  // Data flows down the page (inputs on top) or across it (inputs on the left), as the graph is laid out.
  const vertical = useView((s) => s.direction === 'TB');
  if (!node) return null;
  const def = getLayer(node.type);
  const style = categoryStyle(def?.category);
  // Data that does not fit is this layer's problem too (e.g. a classifier head before Flatten).
  const misfits = fit
    .filter((f) => f.nodeId === id)
    .map((f): GraphIssue => ({ severity: 'error', nodeId: id, message: f.message, ...(f.fix ? { fix: `Fix in the Data panel: ${f.fix.label}.` } : {}) }));
  const issues = [...(info?.issues ?? []), ...misfits];
  const { inputs, outputs, showInputs, showOutputs, rows } = nodeHandles(node);
  const badHandles = new Set(issues.map((i) => i.handle).filter(Boolean));
  const rowTop = (i: number) => HEADER + 4 + ROW / 2 + i * ROW;
  // Errors stop Train and are red; warnings (an ignored param) do not, and are amber.
  const worst = issues.some((i) => i.severity === 'error') ? 'error' : issues.length ? 'warning' : null;
  const border = worst === 'error' ? 'border-red-400' : worst === 'warning' ? 'border-amber-400' : selected ? 'border-indigo-500' : 'border-slate-300';
  const ring = selected ? (worst === 'error' ? 'ring-2 ring-red-400/40' : worst === 'warning' ? 'ring-2 ring-amber-400/40' : 'ring-2 ring-indigo-500/30') : '';

  return (
    <div
      data-testid={`node-${id}`}
      data-trainable={node.trainable}
      className={`relative rounded-lg border text-left shadow-sm ${node.trainable ? 'bg-white' : 'bg-sky-50/70'} ${border} ${ring}`}
      style={{ width: NODE_WIDTH }}
      title={def?.summary}
    >
      <div className={`absolute inset-y-0 left-0 w-1 rounded-l-[7px] ${style.bar}`} aria-hidden />
      <NodeBadges node={node} gan={gan} />
      <div className="flex flex-col justify-center pr-3 pl-4" style={{ height: HEADER }}>
        <div className="flex items-baseline justify-between gap-2">
          <span className="min-w-0 truncate text-[13px] font-semibold text-slate-900" title={node.name}>
            {node.name}
          </span>
          <span className="max-w-[45%] shrink-0 truncate text-[11px] font-medium text-slate-500" title={displayType(node.type)}>
            {displayType(node.type)}
          </span>
        </div>
        <div className="mt-0.5 flex items-baseline justify-between gap-2 text-[11.5px]">
          <span
            data-testid="node-shape"
            className={`min-w-0 truncate font-mono ${info?.shape ? 'text-slate-700' : 'text-slate-400'}`}
            title={info?.shape ? `Output shape ${formatShape(info.shape)}` : 'Output shape unknown until the layer is wired up'}
          >
            {info?.shape ? formatShape(info.shape) : '(?)'}
          </span>
          <span
            data-testid="node-params"
            className={`shrink-0 tabular-nums ${node.trainable ? 'text-slate-500' : 'text-sky-700'}`}
            title={node.trainable ? 'Parameters (weights) in this layer' : 'Parameters in this layer; frozen, so training leaves them as they are'}
          >
            {formatCount(info?.params ?? 0)} params
          </span>
        </div>
      </div>
      {rows > 0 && (
        <div className="border-t border-slate-100 py-1 pr-3 pl-4 font-mono text-[10.5px] text-slate-500">
          {Array.from({ length: rows }, (_, i) => {
            const input = showInputs ? inputs[i] : undefined;
            const output = showOutputs ? outputs[i] : undefined;
            const shape = output ? info?.outputShapes[i] : undefined;
            return (
              <div key={i} className="flex items-center justify-between gap-2" style={{ height: ROW }}>
                <span className={`min-w-0 truncate ${badHandles.has(input?.name) ? 'text-red-600' : ''}`}>
                  {input?.label}
                  {input?.optional && <span className="text-slate-400"> (optional)</span>}
                  {input?.multiple && <span className="text-slate-400"> (1 or more)</span>}
                </span>
                <span className="shrink-0" title={shape ? formatShape(shape) : undefined}>
                  {output ?? ''}
                </span>
              </div>
            );
          })}
        </div>
      )}
      {issues.length > 0 && <NodeError issues={issues} showHandle={inputs.length > 0} />}
      {issues.length === 0 && tip && (
        // One line on the card, so advice never pushes the card onto its neighbour; the whole tip is in the title and the inspector.
        <div
          data-testid="node-advice"
          title={`${tip.message}${tip.fix ? `\nFix: ${tip.fix}` : ''}`}
          className="mx-2 mb-1.5 truncate rounded-md bg-amber-50 px-2 py-0.5 text-[11px] leading-snug text-amber-900"
        >
          Tip: {tip.message}
        </div>
      )}
      {inputs.map((h, i) => (
        <Handle
          key={h.name}
          id={h.name}
          type="target"
          position={vertical ? Position.Top : Position.Left}
          style={vertical ? { left: along(i, inputs.length) } : { top: showInputs ? rowTop(i) : HEADER / 2 }}
          data-testid={`handle-in-${id}-${h.name}`}
          title={inputTitle(h)}
          className={`ll-handle ${badHandles.has(h.name) ? 'll-handle-bad' : ''} ${h.multiple ? 'll-handle-multi' : ''}`}
        />
      ))}
      {outputs.map((name, i) => (
        <Handle
          key={name}
          id={name}
          type="source"
          position={vertical ? Position.Bottom : Position.Right}
          style={vertical ? { left: along(i, outputs.length) } : { top: showOutputs ? rowTop(i) : HEADER / 2 }}
          data-testid={i === 0 ? `handle-out-${id}` : `handle-out-${id}-${name}`}
          title={`${name}${info?.outputShapes[i] ? ` ${formatShape(info.outputShapes[i])}` : ''}`}
          className="ll-handle"
        />
      ))}
    </div>
  );
});
