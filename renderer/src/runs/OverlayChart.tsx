import { useMemo, useState } from 'react';
import uPlot from 'uplot';
import type { RunDetail } from '../../../app/protocol';
import { ChartPanel, type LegendItem } from '../run/ChartPanel';
import { forScale, isUnitMetric, lineOptions, type Line } from '../run/chartOptions';
import { LogToggle } from '../run/LogToggle';
import type { RedrawSource } from '../run/UPlotChart';

/** Overlaid runs take these colours in the order they were ticked. */
export const OVERLAY_COLORS = ['#4f46e5', '#e11d48', '#059669', '#d97706', '#0891b2', '#9333ea', '#65a30d', '#db2777'];

const still: RedrawSource = () => () => undefined;

/** Every quantity at least one of the runs logged per epoch, loss first. */
function quantities(details: readonly RunDetail[]): string[] {
  const keys = new Set<string>();
  for (const d of details) for (const e of d.epochs) for (const k of Object.keys(e.logs)) if (!k.startsWith('val_')) keys.add(k);
  return ['loss', ...[...keys].filter((k) => k !== 'loss')];
}

/** Several runs' curves per epoch on one chart: training solid, validation dashed. */
export interface Overlaid {
  readonly detail: RunDetail;
  readonly color: string;
  readonly label: string;
}

export function OverlayChart({ details }: { readonly details: readonly Overlaid[] }) {
  const [picked, setPicked] = useState('loss');
  const [log, setLog] = useState(false);
  const keys = useMemo(() => quantities(details.map((d) => d.detail)), [details]);
  const key = keys.includes(picked) ? picked : 'loss';

  const { options, getData, legend } = useMemo(() => {
    const lines: Line[] = [];
    const legend: LegendItem[] = [];
    const tables: uPlot.AlignedData[] = [];
    for (const { detail, color, label: name } of details) {
      const xs = detail.epochs.map((e) => e.epoch);
      const train = detail.epochs.map((e) => e.logs[key] ?? null);
      const val = detail.epochs.map((e) => e.logs[`val_${key}`] ?? null);
      const hasVal = val.some((v) => v !== null);
      tables.push(hasVal ? [xs, train, val] : [xs, train]);
      lines.push({ label: name, color, points: true });
      legend.push({ label: name, color });
      if (hasVal) {
        lines.push({ label: `${name} (val)`, color, dashed: true });
        legend.push({ label: `${name} (val)`, color, dashed: true, hoverOnly: true });
      }
    }
    const joined = tables.length > 0 ? uPlot.join(tables) : ([[]] as uPlot.AlignedData);
    const data = forScale(joined, log);
    return { options: lineOptions('epoch', key, lines, { log, unit: isUnitMetric(key) }), getData: () => data, legend };
  }, [details, key, log]);

  const title =
    keys.length > 1 ? (
      <select
        aria-label="Quantity to compare"
        data-testid="overlay-select"
        className="h-6 cursor-pointer rounded border border-slate-200 bg-white pr-5 pl-1.5 text-[11.5px] font-semibold text-slate-700 normal-case"
        value={key}
        onChange={(e) => setPicked(e.target.value)}
      >
        {keys.map((k) => (
          <option key={k} value={k}>
            {k}
          </option>
        ))}
      </select>
    ) : (
      key
    );

  return (
    <ChartPanel
      className="h-52"
      title={title}
      testId="overlay-chart"
      attrs={{ 'data-series': details.length }}
      xLabel="epoch"
      options={options}
      getData={getData}
      source={still}
      legend={legend}
      empty={details.length === 0 ? 'Loading the runs’ histories…' : 'These runs have no finished epochs yet.'}
      aside={<LogToggle on={log} onChange={setLog} />}
    />
  );
}
