import { useEffect, useState } from 'react';
import type { Evaluation, PlaygroundInput } from '../../../app/protocol';
import { FeatureMapsView } from './FeatureMapsView';
import { AttentionPanel } from './AttentionHeatmap';
import { Playground } from './Playground';
import { closeEvaluation } from './actions';
import { ClassificationView } from './ClassificationView';
import { HeadStartCard } from './HeadStartCard';
import { GanView, ReconstructionView, SequenceView } from './OtherViews';
import { RegressionView } from './RegressionView';
import { useEval, type EvalState } from './store';
import { useProjectStore } from '../store/project';

function Body({ result }: { readonly result: Evaluation }) {
  switch (result.kind) {
    case 'classification':
      return <ClassificationView result={result} />;
    case 'regression':
      return <RegressionView result={result} />;
    case 'reconstruction':
      return <ReconstructionView result={result} />;
    case 'sequence':
      return <SequenceView result={result} />;
    case 'gan':
      return <GanView result={result} />;
  }
}

/** The Evaluate view of one recorded run: over the whole window, closed with Escape or the button. */
export function EvalDialog() {
  const view = useEval((s) => s.view);
  // Another run starts afresh: its own tab and drawing.
  return view.status === 'closed' ? null : <EvalWindow key={view.runId} view={view} />;
}

function EvalWindow({ view }: { readonly view: Exclude<EvalState, { status: 'closed' }> }) {
  const [tab, setTab] = useState<'evaluate' | 'playground' | 'features' | 'attention'>('evaluate');
  const [drawn, setDrawn] = useState<PlaygroundInput | null>(null);
  const columns = useProjectStore((s) => s.doc.data.source?.csv.columns);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') closeEvaluation();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
  const report = view.status === 'done' ? view.report : null;
  const split = report && report.result.kind !== 'gan' ? report.result.split.description : null;
  return (
    <div
      className="fixed inset-0 z-50 flex items-stretch justify-center bg-scrim p-6"
      role="dialog"
      aria-modal="true"
      aria-label={`Evaluation of ${view.title}`}
      data-testid="eval-dialog"
    >
      <div className="flex w-full max-w-[1400px] flex-col overflow-hidden rounded-xl bg-slate-50 shadow-2xl">
        <header className="flex items-center gap-3 border-b border-slate-200 bg-white px-5 py-3">
          <div className="min-w-0 flex-1">
            <h2 className="truncate text-[16px] font-semibold text-slate-900">Evaluate · {view.title}</h2>
            <p className="truncate text-[12.5px] text-slate-500" data-testid="eval-split">
              {view.status === 'loading'
                ? 'Scoring the recorded weights on examples the run did not train on…'
                : split
                  ? `On ${split} · ${report!.weights} weights${report!.epoch !== null ? ` of epoch ${report!.epoch}` : ''} · ${report!.backend}, ${report!.seconds.toFixed(1)} s`
                  : report
                    ? `${report.weights} weights${report.epoch !== null ? ` of epoch ${report.epoch}` : ''}`
                    : ''}
            </p>
          </div>
          {report && (
            <nav className="flex rounded-md border border-slate-300 bg-slate-50 p-0.5 text-[13px]" aria-label="View">
              {(
                [
                  ['evaluate', 'Evaluate'],
                  ['playground', 'Playground'],
                  ...(['mnist', 'images'].includes(view.dataset) ? [['features', 'Feature maps'] as const] : []),
                  ...(['imdb', 'text'].includes(view.dataset) ? [['attention', 'Attention'] as const] : []),
                ] as const
              ).map(([id, label]) => (
                <button
                  key={id}
                  type="button"
                  data-testid={`eval-tab-${id}`}
                  aria-pressed={tab === id}
                  onClick={() => setTab(id)}
                  className={`rounded px-3 py-1 font-medium ${tab === id ? 'bg-white text-indigo-700 shadow-xs' : 'text-slate-600 hover:text-slate-900'}`}
                >
                  {label}
                </button>
              ))}
            </nav>
          )}
          <button
            type="button"
            data-testid="eval-close"
            className="rounded-md border border-slate-300 bg-white px-3 py-1 text-[13px] font-medium text-slate-700 hover:bg-slate-50"
            onClick={closeEvaluation}
          >
            Close
          </button>
        </header>
        <div className="min-h-0 flex-1 overflow-y-auto p-4">
          {view.status === 'loading' && (
            <div className="flex h-full items-center justify-center gap-3 text-[14px] text-slate-600" data-testid="eval-loading">
              <span className="size-4 animate-spin rounded-full border-2 border-indigo-200 border-t-indigo-600" /> Evaluating…
            </div>
          )}
          {view.status === 'failed' && (
            <div className="mx-auto mt-10 max-w-xl rounded-md border border-red-200 bg-red-50 px-4 py-3 text-[13.5px] text-red-800" data-testid="eval-error">
              {view.message}
            </div>
          )}
          {report && tab === 'evaluate' && <Body result={report.result} />}
          {view.status === 'done' && tab === 'evaluate' && view.report.result.kind === 'classification' && (
            <div className="mt-3">
              <HeadStartCard run={view.run} result={view.report.result} weights={view.report.weights} />
            </div>
          )}
          {report && tab === 'playground' && <Playground runId={report.runId} dataset={view.dataset} columns={columns} onInput={setDrawn} />}
          {report && tab === 'attention' && <AttentionPanel runId={report.runId} />}
          {report && tab === 'features' && <FeatureMapsView runId={report.runId} result={report.result} drawn={drawn} />}
        </div>
      </div>
    </div>
  );
}
