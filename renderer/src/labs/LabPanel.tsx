import { checkLab, type RunFacts } from '../../../app/labs/check';
import type { LabStep } from '../../../app/labs/schema';
import { useAnalysis, useFitIssues } from '../store/analysis';
import { useProjectStore } from '../store/project';
import { useRun, type RunStatus } from '../store/run';
import { Button } from '../ui/Button';
import { useLab } from './labStore';

function runFacts(status: RunStatus, latest: Readonly<Record<string, number | undefined>> | null): RunFacts {
  const metrics = Object.fromEntries(Object.entries(latest ?? {}).filter((e): e is [string, number] => typeof e[1] === 'number'));
  switch (status) {
    case 'completed':
    case 'stopped':
    case 'failed':
      return { status, metrics };
    case 'starting':
    case 'training':
    case 'paused':
      return { status: 'running', metrics };
    case 'idle':
      return { status: 'none', metrics: {} };
  }
}

/** The lab beside the canvas: steps tick themselves as the project or the run meets them; a hint after a wrong Check. */
export function LabPanel() {
  const { lab, ticked, missed, tick, miss, close } = useLab();
  const doc = useProjectStore((s) => s.doc);
  const analysis = useAnalysis();
  const fit = useFitIssues();
  const status = useRun((s) => s.status);
  const latest = useRun((s) => s.latest);
  if (!lab) return null;
  const passed = checkLab(lab.steps, { doc, analysis, fit, run: runFacts(status, latest), ticked });
  const current = passed.findIndex((p) => !p);
  const done = passed.filter(Boolean).length;
  const check = (step: LabStep, ok: boolean) => {
    if (step.check.kind === 'reflect') tick(step.id);
    else if (!ok) miss(step.id);
  };
  return (
    <section aria-label={`Lab: ${lab.title}`} data-testid="lab-panel" className="border-b border-slate-200 bg-indigo-50/40 px-4 py-3">
      <div className="flex items-start justify-between gap-2">
        <div>
          <p className="text-[11px] font-semibold tracking-wide text-indigo-600 uppercase">Lab · {lab.module}</p>
          <h2 className="text-[14px] font-semibold text-slate-900">{lab.title}</h2>
        </div>
        <Button variant="ghost" onClick={close} title="Close the lab (your project stays as it is)" data-testid="lab-close">
          Close
        </Button>
      </div>
      <p className="mt-1 text-[12px] leading-snug text-slate-600">{lab.summary}</p>
      <p data-testid="lab-progress" className="mt-2 text-[12px] font-medium text-slate-700">
        {done} of {lab.steps.length} steps done
      </p>
      <ol className="mt-1.5 space-y-1.5">
        {lab.steps.map((step, i) => {
          const ok = passed[i] === true;
          const isCurrent = i === current;
          return (
            <li
              key={step.id}
              data-testid={`lab-step-${step.id}`}
              data-done={ok}
              className={`rounded-md border px-2.5 py-1.5 text-[12.5px] leading-snug ${ok ? 'border-emerald-200 bg-emerald-50 text-emerald-900' : isCurrent ? 'border-indigo-300 bg-white text-slate-800' : 'border-slate-200 bg-white/60 text-slate-500'}`}
            >
              <div className="flex items-start gap-2">
                <span
                  aria-label={ok ? 'done' : 'not done yet'}
                  className={`mt-px inline-flex size-4 shrink-0 items-center justify-center rounded-full text-[10px] font-bold ${ok ? 'bg-emerald-500 text-white' : 'border border-slate-300'}`}
                >
                  {ok ? '✓' : i + 1}
                </span>
                <span className="flex-1">{step.title}</span>
                {!ok && isCurrent && (
                  <button
                    type="button"
                    data-testid={`lab-check-${step.id}`}
                    onClick={() => check(step, ok)}
                    className="shrink-0 rounded border border-indigo-300 px-1.5 text-[11.5px] font-medium text-indigo-700 hover:bg-indigo-50"
                    title={step.check.kind === 'reflect' ? 'Mark this question as thought through' : 'Check this step now; a hint appears if it is not met yet'}
                  >
                    {step.check.kind === 'reflect' ? 'Done' : 'Check'}
                  </button>
                )}
              </div>
              {!ok && missed.has(step.id) && (
                <p data-testid={`lab-hint-${step.id}`} role="status" className="mt-1 ml-6 text-[12px] text-amber-800">
                  Hint: {step.hint}
                </p>
              )}
            </li>
          );
        })}
      </ol>
    </section>
  );
}
