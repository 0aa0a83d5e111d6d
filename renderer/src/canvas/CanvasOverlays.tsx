import { formatCount } from '../../../app/analysis/summary';
import { useAdvice, useAnalysis, useFitIssues } from '../store/analysis';
import { useProjectStore } from '../store/project';
import { Notices } from '../layout/Notices';
import { useReveal } from './useReveal';

/** What floats over the canvas: the empty-state hint, the graph's health, and notices. */
export function CanvasOverlays() {
  const empty = useProjectStore((s) => s.doc.graph.nodes.length === 0);
  return (
    <>
      {empty ? <EmptyHint /> : <GraphHealth />}
      <div className="pointer-events-none absolute inset-x-0 top-12 z-10 flex justify-center px-4">
        <Notices />
      </div>
    </>
  );
}

function EmptyHint() {
  return (
    <div className="pointer-events-none absolute inset-0 z-[5] flex items-center justify-center">
      <div className="max-w-sm rounded-xl border border-dashed border-slate-300 bg-white/85 px-8 py-7 text-center shadow-sm backdrop-blur-sm">
        <svg viewBox="0 0 48 48" className="mx-auto mb-3 size-10 text-indigo-400" aria-hidden>
          <rect x="4" y="8" width="14" height="10" rx="3" fill="none" stroke="currentColor" strokeWidth="2" />
          <rect x="30" y="30" width="14" height="10" rx="3" fill="none" stroke="currentColor" strokeWidth="2" />
          <path d="M18 13c10 0 2 22 12 22" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
        </svg>
        <p className="text-[15px] font-semibold text-slate-800">Drag a layer from the palette, or start from a template</p>
        <p className="mt-1.5 text-[13px] leading-relaxed text-slate-500">
          Every network starts with an <b>Input</b>. Wire layers by dragging from a node’s right handle to another’s left handle.
        </p>
      </div>
    </div>
  );
}

/** "Graph OK" only when the graph is valid and fits the data; advice turns it amber, never red. */
function GraphHealth() {
  const analysis = useAnalysis();
  const fit = useFitIssues();
  const advice = useAdvice();
  const reveal = useReveal();
  const errors = [...analysis.issues.filter((i) => i.severity === 'error'), ...fit.map((f) => ({ message: f.message, nodeId: f.nodeId }))];
  const first = errors.find((i) => i.nodeId);
  if (errors.length === 0) {
    const tip = advice[0];
    return (
      <button
        type="button"
        data-testid="graph-health"
        data-state={tip ? 'advice' : 'ok'}
        disabled={!tip}
        onClick={() => reveal(tip?.nodeId)}
        title={tip ? `${tip.message} ${tip.fix ?? ''}` : 'The graph is valid and fits the data'}
        className={`absolute top-3 left-3 z-10 flex items-center gap-1.5 rounded-full border bg-white/90 px-3 py-1 text-[12px] font-medium shadow-xs ${tip ? 'border-amber-300 text-amber-800 hover:bg-amber-50' : 'border-emerald-200 text-emerald-700'}`}
      >
        <span className={`size-1.5 rounded-full ${tip ? 'bg-amber-500' : 'bg-emerald-500'}`} aria-hidden />
        Graph OK · {formatCount(analysis.totalParams)} params
        {advice.length > 0 && ` · ${advice.length} tip${advice.length === 1 ? '' : 's'}`}
      </button>
    );
  }
  return (
    <button
      type="button"
      data-testid="graph-health"
      data-state="problems"
      className="absolute top-3 left-3 z-10 flex items-center gap-1.5 rounded-full border border-red-200 bg-white/90 px-3 py-1 text-[12px] font-medium text-red-700 shadow-xs hover:bg-red-50"
      title={first ? `Select the first layer with a problem: ${first.message}` : errors[0]!.message}
      onClick={() => reveal(first?.nodeId)}
    >
      <span className="size-1.5 rounded-full bg-red-500" aria-hidden />
      {errors.length} problem{errors.length === 1 ? '' : 's'}
      {fit.length > 0 ? ' (graph and data)' : ' in the graph'}
    </button>
  );
}
