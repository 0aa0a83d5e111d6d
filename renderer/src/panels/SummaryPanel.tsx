import { formatCount, summaryRows } from '../../../app/analysis/summary';
import { useReveal } from '../canvas/useReveal';
import { BlockSummary } from './BlockSummary';
import { useAnalysis } from '../store/analysis';
import { useProjectStore } from '../store/project';
import { displayType } from '../ui/category';
import { SnowflakeIcon } from '../ui/runIcons';

/** Keras's model.summary(), plus the graph's problems; clicking either selects the layer. */
export function SummaryPanel() {
  const graph = useProjectStore((s) => s.doc.graph);
  const selected = useProjectStore((s) => s.selection.nodes);
  const analysis = useAnalysis();
  const rows = summaryRows(graph, analysis);
  const totals = { total: analysis.totalParams, trainable: analysis.trainableParams, nonTrainable: analysis.nonTrainableParams };
  const frozen = new Set(graph.nodes.filter((n) => !n.trainable).map((n) => n.id));
  const pick = useReveal();

  return (
    <div className="space-y-3">
      {rows.length === 0 ? (
        <p className="text-[13px] text-slate-500">No layers yet.</p>
      ) : (
        <div className="overflow-x-auto rounded-md border border-slate-200">
          <table data-testid="summary-table" className="w-full text-left text-[12px]">
            <thead className="bg-slate-50 text-[11px] whitespace-nowrap text-slate-500">
              <tr>
                <th className="px-1.5 py-1.5 font-medium">Layer (type)</th>
                <th className="px-1.5 py-1.5 font-medium">Output shape</th>
                <th className="px-1.5 py-1.5 text-right font-medium">Param #</th>
                <th className="px-1.5 py-1.5 font-medium">Connected to</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {rows.map((r) => (
                <tr
                  key={r.id}
                  onClick={() => pick(r.id)}
                  className={`cursor-pointer align-top hover:bg-indigo-50/60 ${selected.includes(r.id) ? 'bg-indigo-50' : ''}`}
                >
                  <td className="px-1.5 py-1.5">
                    <div className="flex items-center gap-1 font-medium text-slate-800">
                      {r.layer}
                      {frozen.has(r.id) && (
                        <span title="Frozen" className="text-sky-600">
                          <SnowflakeIcon />
                        </span>
                      )}
                    </div>
                    <div className="text-[11px] text-slate-500">{displayType(r.type)}</div>
                  </td>
                  <td className="px-1.5 py-1.5 font-mono whitespace-nowrap text-slate-700">{r.outputShape}</td>
                  <td className="px-1.5 py-1.5 text-right font-mono text-slate-700 tabular-nums">{formatCount(r.params)}</td>
                  <td className="px-1.5 py-1.5 font-mono text-[11px] text-slate-600">{r.connectedTo || '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <BlockSummary />
      <div className="rounded-md bg-slate-50 px-2.5 py-1.5 text-[13px] ring-1 ring-slate-200">
        <div className="flex items-baseline justify-between">
          <span className="text-slate-600">Total params</span>
          <span data-testid="total-params" className="font-mono font-semibold text-slate-900 tabular-nums">
            {formatCount(totals.total)}
          </span>
        </div>
        <div className="mt-0.5 flex justify-between text-[12px] text-slate-500">
          <span>Trainable</span>
          <span data-testid="trainable-params" className="font-mono tabular-nums">
            {formatCount(totals.trainable)}
          </span>
        </div>
        <div className={`flex justify-between text-[12px] ${totals.nonTrainable > 0 ? 'text-sky-700' : 'text-slate-500'}`}>
          <span>Non-trainable{frozen.size > 0 ? ` (${frozen.size} frozen layer${frozen.size > 1 ? 's' : ''})` : ''}</span>
          <span data-testid="non-trainable-params" className="font-mono tabular-nums">
            {formatCount(totals.nonTrainable)}
          </span>
        </div>
      </div>
      {analysis.issues.length > 0 && (
        <div className="space-y-1.5">
          <h4 className="text-[11px] font-semibold tracking-wide text-red-700 uppercase">
            {analysis.issues.length} problem{analysis.issues.length === 1 ? '' : 's'}
          </h4>
          <ul className="space-y-1.5">
            {analysis.issues.map((issue, i) => {
              const name = graph.nodes.find((n) => n.id === issue.nodeId)?.name;
              return (
                <li key={i}>
                  <button
                    type="button"
                    data-testid="graph-issue"
                    disabled={!issue.nodeId}
                    onClick={() => pick(issue.nodeId)}
                    className="w-full rounded-md border border-red-200 bg-red-50 px-2.5 py-1.5 text-left text-[12.5px] leading-snug text-red-800 enabled:hover:border-red-300 enabled:hover:bg-red-100/70 disabled:cursor-default"
                  >
                    {name && <span className="mr-1.5 font-mono font-semibold">{name}</span>}
                    {issue.handle && <span className="mr-1.5 rounded bg-red-100 px-1 font-mono text-[11px]">{issue.handle}</span>}
                    {issue.message}
                    {issue.fix && <span className="mt-0.5 block text-red-700/80">Fix: {issue.fix}</span>}
                  </button>
                </li>
              );
            })}
          </ul>
        </div>
      )}
    </div>
  );
}
