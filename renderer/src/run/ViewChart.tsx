import { useMemo, useState } from 'react';
import type uPlot from 'uplot';
import { series } from '../store/series';
import { ChartPanel, type LegendItem } from './ChartPanel';
import { forScale, isUnitMetric, lineOptions, type Line } from './chartOptions';
import { LogToggle } from './LogToggle';
import { colorOf, faded, pickView, type ChartView } from './views';

export interface ViewChartProps {
  readonly kind: 'batch' | 'epoch';
  readonly views: readonly ChartView[];
  /** Keys the run reports per epoch, to know which have validation twins. */
  readonly epochKeys: readonly string[];
  readonly testId: string;
  /** Said after the picked quantity, e.g. "per batch". */
  readonly suffix: string;
  readonly fallbackTitle: string;
  readonly empty: string;
}

const countNone = () => 0;
const countSteps = () => series.steps.length;
const countEpochs = () => series.epochs.length;
const nulls = (n: number): null[] => new Array<null>(n).fill(null);

function batchPlan(view: ChartView): { lines: Line[]; legend: LegendItem[]; columns: () => (number | null)[][] } {
  const one = view.keys.length === 1;
  const lines: Line[] = [];
  const legend: LegendItem[] = [];
  for (const k of view.keys) {
    const c = colorOf(k);
    lines.push({ label: `${k} (raw)`, color: faded(c), width: 1 }, { label: k, color: c });
    legend.push({ label: one ? `batch ${k}` : `${k} (raw)`, color: faded(c, 0.45), hoverOnly: !one }, { label: one ? 'smoothed' : k, color: c });
  }
  const columns = () =>
    view.keys.flatMap((k) => {
      const t = series.batch.get(k);
      return t ? [t.raw, t.smooth] : [nulls(series.steps.length), nulls(series.steps.length)];
    });
  return { lines, legend, columns };
}

function epochPlan(view: ChartView, epochKeys: readonly string[]) {
  const keys = view.keys.flatMap((k) => (epochKeys.includes(`val_${k}`) ? [k, `val_${k}`] : [k]));
  const lines: Line[] = keys.map((k) => ({ label: k, color: colorOf(k.replace(/^val_/, '')), dashed: k.startsWith('val_'), points: true }));
  const legend: LegendItem[] = lines.map((l) => ({ label: l.label, color: l.color, ...(l.dashed ? { dashed: true } : {}) }));
  const columns = () => keys.map((k) => series.epoch.get(k) ?? nulls(series.epochs.length));
  return { lines, legend, columns };
}

/** A live chart of the run that can switch between the quantities it reports, on a linear or log scale. */
export function ViewChart({ kind, views, epochKeys, testId, suffix, fallbackTitle, empty }: ViewChartProps) {
  const [picked, setPicked] = useState<string | null>(null);
  const [log, setLog] = useState(false);
  const view = pickView(views, picked);
  const valKey = epochKeys.filter((k) => k.startsWith('val_')).join(',');

  const countPoints = !view ? countNone : kind === 'batch' ? countSteps : countEpochs;
  const { options, getData, legend } = useMemo(() => {
    if (!view) return { options: lineOptions(kind === 'batch' ? 'step' : 'epoch', '', []), getData: (): uPlot.AlignedData => [[]], legend: [] };
    const plan = kind === 'batch' ? batchPlan(view) : epochPlan(view, valKey ? valKey.split(',') : []);
    const x = kind === 'batch' ? series.steps : series.epochs;
    const unit = kind === 'epoch' && view.keys.every(isUnitMetric);
    const yLabel = view.keys.length === 1 ? view.keys[0]! : 'loss';
    return {
      options: lineOptions(kind === 'batch' ? 'step' : 'epoch', yLabel, plan.lines, { log, unit }),
      getData: (): uPlot.AlignedData => forScale([x, ...plan.columns()] as uPlot.AlignedData, log),
      legend: plan.legend,
    };
  }, [kind, view, log, valKey]);

  const title =
    views.length > 1 ? (
      <span className="flex items-center gap-1">
        <select
          aria-label="Quantity to chart"
          data-testid={`${testId}-select`}
          className="h-6 max-w-40 cursor-pointer rounded border border-slate-200 bg-white pr-5 pl-1.5 text-[11.5px] font-semibold text-slate-700 normal-case hover:border-slate-300"
          value={view?.id ?? ''}
          onChange={(e) => setPicked(e.target.value)}
        >
          {views.map((v) => (
            <option key={v.id} value={v.id}>
              {v.label}
            </option>
          ))}
        </select>
        <span>{suffix}</span>
      </span>
    ) : view ? (
      `${view.label} ${suffix}`
    ) : (
      fallbackTitle
    );

  return (
    <ChartPanel
      className="flex-1"
      title={title}
      testId={testId}
      xLabel={kind === 'batch' ? 'step' : 'epoch'}
      options={options}
      getData={getData}
      countPoints={countPoints}
      legend={legend}
      empty={empty}
      aside={<LogToggle on={log} onChange={setLog} disabled={!view} />}
    />
  );
}
