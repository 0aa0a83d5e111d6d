import { groupStats } from '../../../app/analysis/groups';
import { formatCount } from '../../../app/analysis/summary';
import { formatShape } from '../../../app/layers/types';
import { useAnalysis } from '../store/analysis';
import { useProjectStore } from '../store/project';

/** One row per block under the layer summary: a block read as a layer, its shape and its summed parameters. Click to select its layers. */
export function BlockSummary() {
  const groups = useProjectStore((s) => s.doc.groups);
  const graph = useProjectStore((s) => s.doc.graph);
  const analysis = useAnalysis();
  if (groups.length === 0) return null;
  return (
    <div className="overflow-x-auto rounded-md border border-slate-200">
      <table data-testid="block-summary" className="w-full text-left text-[12px]">
        <thead className="bg-slate-50 text-[11px] whitespace-nowrap text-slate-500">
          <tr>
            <th className="px-1.5 py-1.5 font-medium">Block</th>
            <th className="px-1.5 py-1.5 font-medium">Output shape</th>
            <th className="px-1.5 py-1.5 text-right font-medium">Param #</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {groups.map((g) => {
            const stats = groupStats(graph, g, analysis);
            return (
              <tr
                key={g.id}
                data-testid={`block-summary-${g.id}`}
                onClick={() => useProjectStore.getState().select({ nodes: g.nodes, edges: [] })}
                className="cursor-pointer align-top hover:bg-indigo-50/60"
              >
                <td className="px-1.5 py-1.5">
                  <div className="font-medium text-slate-800">{g.name}</div>
                  <div className="text-[11px] text-slate-500">
                    {g.nodes.length} layers{g.collapsed ? ', collapsed' : ''}
                  </div>
                </td>
                <td className="px-1.5 py-1.5 font-mono whitespace-nowrap text-slate-700">
                  {stats.outputs.map((o) => (o.shape ? formatShape(o.shape) : '?')).join(', ') || '—'}
                </td>
                <td className="px-1.5 py-1.5 text-right font-mono text-slate-700 tabular-nums">
                  {formatCount(stats.params)}
                  {stats.frozen > 0 && <div className="text-[11px] text-sky-700">{formatCount(stats.frozen)} frozen</div>}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
