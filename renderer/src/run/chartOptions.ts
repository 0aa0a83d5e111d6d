import type uPlot from 'uplot';
import type { Theme } from '../store/theme';
import { chartInk, forTheme } from '../ui/ink';

export type ChartOptions = Omit<uPlot.Options, 'width' | 'height'>;

/** One y series as drawn: raw batch values are thin and faded, trends and epochs solid, validation dashed. */
export interface Line {
  readonly label: string;
  readonly color: string;
  readonly dashed?: boolean;
  readonly width?: number;
  readonly points?: boolean;
}

const font = '11px ui-sans-serif, system-ui, sans-serif';

const axis = (label: string, extra: Partial<uPlot.Axis> = {}): uPlot.Axis => ({
  label,
  labelSize: 16,
  labelFont: font,
  font,
  size: 46,
  stroke: '#64748b',
  grid: { stroke: '#eef2f7', width: 1 },
  ticks: { stroke: '#e2e8f0', width: 1, size: 4 },
  ...extra,
});

/** Steps and epochs are whole numbers: never tick at 1.5. */
const WHOLE = [1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000, 2500, 5000, 10_000, 20_000, 25_000, 50_000, 100_000, 200_000, 500_000, 1_000_000];

const fixed = (_u: uPlot, v: number | null) => (v == null ? '—' : v.toFixed(4));

/** A line chart over steps or epochs; `log` draws y on a log10 scale, `unit` pins y to [0, 1] (accuracy-like metrics). */
export function lineOptions(xLabel: string, yLabel: string, lines: readonly Line[], opts: { log?: boolean; unit?: boolean } = {}): ChartOptions {
  const y: uPlot.Scale = opts.log
    ? { distr: 3, log: 10 }
    : opts.unit
      ? { range: (_u, min, max) => [Math.min(0, Number.isFinite(min) ? min : 0), Math.max(1, Number.isFinite(max) ? max : 1)] }
      : { auto: true };
  return {
    cursor: { drag: { x: true, y: false } },
    scales: { x: { time: false }, y },
    axes: [axis(xLabel, { size: 32, incrs: WHOLE }), axis(yLabel)],
    series: [
      { label: xLabel },
      ...lines.map((l): uPlot.Series => ({
        label: l.label,
        stroke: l.color,
        width: l.width ?? 2,
        value: fixed,
        spanGaps: true,
        ...(l.dashed ? { dash: [5, 4] } : {}),
        // uPlot's own rule shows the dots while they are few enough to tell apart.
        points: l.points ? { size: 5 } : { show: false },
      })),
    ],
  };
}

/** A log scale cannot place 0 or negatives: they become gaps. Only copies when the scale is log. */
export function forScale(data: uPlot.AlignedData, log: boolean): uPlot.AlignedData {
  if (!log) return data;
  return [data[0], ...data.slice(1).map((ys) => Array.from(ys as ArrayLike<number | null>, (v) => (v !== null && v > 0 ? v : null)))] as uPlot.AlignedData;
}

/** Accuracy-like metrics live in [0, 1]; errors and losses do not. */
export const isUnitMetric = (key: string): boolean => /accuracy|precision|recall|auc/i.test(key);

/** The same options drawn for the current theme: axis ink from the theme's tokens, data colours lifted on dark. */
export function themedOptions(options: ChartOptions, theme: Theme): ChartOptions {
  const ink = chartInk();
  const lift = (s: uPlot.Series): uPlot.Series => ({
    ...s,
    ...(typeof s.stroke === 'string' ? { stroke: forTheme(s.stroke, theme) } : {}),
    ...(typeof s.fill === 'string' ? { fill: forTheme(s.fill, theme) } : {}),
  });
  return {
    ...options,
    ...(options.axes
      ? { axes: options.axes.map((a) => ({ ...a, stroke: ink.axis, grid: { ...a.grid, stroke: ink.grid }, ticks: { ...a.ticks, stroke: ink.tick } })) }
      : {}),
    series: options.series.map((s, i) => (i === 0 ? s : lift(s))),
  };
}
