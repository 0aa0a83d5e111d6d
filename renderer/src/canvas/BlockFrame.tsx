import type { Node, NodeProps } from '@xyflow/react';
import { memo } from 'react';
import { groupStats } from '../../../app/analysis/groups';
import { formatCount } from '../../../app/analysis/summary';
import { useAnalysis } from '../store/analysis';
import { useProjectStore } from '../store/project';
import { BlockName } from './BlockName';
import { collapseIcon } from './blockIcons';
import { FRAME_HEADER } from './blockGeometry';

/** An expanded block: a frame behind its layers, sized from the document. */
export type FrameFlowNode = Node<{ groupId: string; width: number; height: number; selected: boolean }, 'frame'>;

/** The outline of an expanded block, with its name, its counts and the button that folds it into one card. */
export const BlockFrame = memo(function BlockFrame({ data }: NodeProps<FrameFlowNode>) {
  const group = useProjectStore((s) => s.doc.groups.find((g) => g.id === data.groupId));
  const graph = useProjectStore((s) => s.doc.graph);
  const analysis = useAnalysis();
  if (!group) return null;
  const stats = groupStats(graph, group, analysis);
  const { run, select } = useProjectStore.getState();
  return (
    <div
      data-testid={`block-frame-${group.id}`}
      className={`rounded-xl border-2 border-dashed ${data.selected ? 'border-indigo-500 bg-indigo-50/60' : 'border-indigo-300 bg-indigo-50/35'}`}
      style={{ width: data.width, height: data.height }}
    >
      <div
        className="pointer-events-auto flex items-center gap-2 rounded-t-[10px] px-2.5"
        style={{ height: FRAME_HEADER }}
        title="Click to select the block's layers; right-click for more"
        onClick={() => select({ nodes: group.nodes, edges: [] })}
      >
        <BlockName group={group} className="text-[13px] font-semibold text-slate-800" />
        <span data-testid="block-frame-params" className="shrink-0 text-[11px] text-indigo-700/80 tabular-nums">
          {group.nodes.length} layers · {formatCount(stats.params)} params
        </span>
        <button
          type="button"
          data-testid={`block-collapse-${group.id}`}
          title="Collapse into one card"
          aria-label={`Collapse ${group.name}`}
          className="rounded p-0.5 text-slate-500 hover:bg-indigo-100 hover:text-indigo-700"
          onClick={(e) => {
            e.stopPropagation();
            run({ type: 'setGroupCollapsed', groupId: group.id, collapsed: true });
          }}
        >
          {collapseIcon}
        </button>
      </div>
    </div>
  );
});
