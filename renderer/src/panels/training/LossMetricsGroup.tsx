import { useMemo } from 'react';
import { LOSSES, METRICS, type LossSetting, type MetricName } from '../../../../app/training/settings';
import { useAnalysis } from '../../store/analysis';
import { useProjectStore } from '../../store/project';
import { FieldRow } from '../../ui/FieldRow';
import { Group } from '../../ui/Group';
import { NumberInput } from '../../ui/NumberInput';
import { selectClass } from '../../ui/styles';
import { lossView } from './autoLoss';
import { LOSS_HELP, LOSS_LABEL, METRIC_HELP, METRIC_LABEL } from './labels';
import { useTraining } from './useTraining';

/** The loss (automatic, or the user's) and the metrics measured besides it. */
export function LossMetricsGroup() {
  const [t, set] = useTraining();
  const doc = useProjectStore((s) => s.doc);
  const analysis = useAnalysis();
  const view = useMemo(() => lossView(doc, analysis), [doc, analysis]);
  const autoLabel = view.auto ? LOSS_LABEL[view.auto] : 'from the task';
  const chosen = t.metrics;
  const toggle = (m: MetricName, on: boolean) => set({ metrics: on ? METRICS.filter((x) => x === m || chosen.includes(x)) : chosen.filter((x) => x !== m) });
  const autoMetrics = view.autoMetrics.map((m) => METRIC_LABEL[m].toLowerCase()).join(' and ');
  const summary = `${t.loss === 'auto' ? `Auto: ${autoLabel}` : LOSS_LABEL[t.loss]}${chosen.length ? ` · ${chosen.length} metric${chosen.length > 1 ? 's' : ''}` : ''}`;

  return (
    <Group title="Loss & metrics" summary={summary}>
      <FieldRow label="Loss" htmlFor="loss" error={view.error}>
        <select id="loss" data-testid="loss-select" className={selectClass} value={t.loss} onChange={(e) => set({ loss: e.target.value as LossSetting })}>
          {LOSSES.map((l) => (
            <option key={l} value={l}>
              {l === 'auto' ? `Automatic (${autoLabel})` : LOSS_LABEL[l]}
            </option>
          ))}
        </select>
      </FieldRow>
      {!view.error && (
        <p data-testid="loss-help" className="-mt-2 text-[12px] leading-snug text-slate-500">
          {t.loss === 'auto' ? <>Chosen for you: {view.why}.</> : LOSS_HELP[t.loss]}
        </p>
      )}
      <fieldset className="space-y-1.5">
        <legend className="mb-1 block text-[11px] font-medium tracking-wide text-slate-500 uppercase">Metrics</legend>
        <div className="grid grid-cols-2 gap-x-2 gap-y-1">
          {METRICS.map((m) => (
            <label key={m} className="flex cursor-pointer items-center gap-2 text-[13px] text-slate-700" title={METRIC_HELP[m]}>
              <input
                type="checkbox"
                data-testid={`metric-${m}-checkbox`}
                className="size-4 cursor-pointer accent-indigo-600"
                checked={chosen.includes(m)}
                onChange={(e) => toggle(m, e.target.checked)}
              />
              {m === 'topKAccuracy' ? `Top-${t.topK} accuracy` : METRIC_LABEL[m]}
              {chosen.length === 0 && view.autoMetrics.includes(m) && (
                <span className="rounded bg-slate-100 px-1 text-[10px] font-medium text-slate-500">auto</span>
              )}
            </label>
          ))}
        </div>
        <p className="text-[12px] leading-snug text-slate-500">
          {chosen.length === 0
            ? `None ticked: the run measures what suits the task${autoMetrics ? ` (${autoMetrics})` : ''}. Each metric is also measured on the validation set.`
            : 'Only the ticked metrics are measured, on the training and the validation set.'}
        </p>
        {chosen.includes('topKAccuracy') && (
          <div className="w-1/2 pr-1">
            <FieldRow label="k (top-k)" htmlFor="topk">
              <NumberInput id="topk" testId="topk-input" value={t.topK} integer min={1} max={100} step={1} onCommit={(topK) => set({ topK })} />
            </FieldRow>
          </div>
        )}
      </fieldset>
    </Group>
  );
}
