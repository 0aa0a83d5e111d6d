import { Legend, Plot } from '../eval/Plot';
import type { DynamicsView } from './store';

const PALETTE = ['#1e3a8a', '#2563eb', '#0891b2', '#059669', '#65a30d', '#ca8a04', '#ea580c', '#dc2626', '#db2777', '#7c3aed'];

/** From the first layer (dark blue) to the last (red): the order a gradient travels backwards. */
export const layerColor = (i: number, n: number) => PALETTE[Math.round((i * (PALETTE.length - 1)) / Math.max(1, n - 1))]!;

export interface Series {
  readonly label: string;
  readonly color: string;
  readonly dashed?: boolean;
  readonly points: readonly { x: number; y: number }[];
}

const SUPERSCRIPT: Record<string, string> = { '-': '⁻', '0': '⁰', '1': '¹', '2': '²', '3': '³', '4': '⁴', '5': '⁵', '6': '⁶', '7': '⁷', '8': '⁸', '9': '⁹' };
/** A log₁₀ tick as 10ⁿ, or a plain number near 1. */
function powerOfTen(v: number): string {
  if (!Number.isInteger(v)) return '';
  if (v >= -1 && v <= 2) return String(10 ** v);
  return `10${String(v).replace(/./g, (c) => SUPERSCRIPT[c] ?? c)}`;
}

/** Lines on a log₁₀ y axis: gradient norms span orders of magnitude, which is the whole point of the picture. */
export function LogLines({
  series,
  xLabel,
  yLabel,
  width,
  height,
  testId,
}: {
  readonly series: readonly Series[];
  readonly xLabel: string;
  readonly yLabel: string;
  readonly width: number;
  readonly height: number;
  readonly testId: string;
}) {
  const pts = series.flatMap((s) => s.points).filter((p) => p.y > 0);
  const ys = pts.map((p) => Math.log10(p.y));
  const xs = pts.map((p) => p.x);
  const y0 = Math.floor(Math.min(...ys, 0));
  const y1 = Math.ceil(Math.max(...ys, y0 + 1));
  const x0 = Math.min(...xs, 1);
  const x1 = Math.max(...xs, x0 + 1);
  return (
    <Plot width={width} height={height} x={[x0, x1]} y={[y0, y1]} xLabel={xLabel} yLabel={`${yLabel} (log scale)`} testId={testId} yTick={powerOfTen} xInteger>
      {(sx, sy) =>
        series.map((s) => {
          const p = s.points.filter((q) => q.y > 0);
          return (
            <g key={s.label}>
              <path
                d={p.map((q, i) => `${i === 0 ? 'M' : 'L'}${sx(q.x).toFixed(1)},${sy(Math.log10(q.y)).toFixed(1)}`).join('')}
                fill="none"
                stroke={s.color}
                strokeWidth="2"
                strokeDasharray={s.dashed ? '6 4' : undefined}
              />
              {p.map((q) => (
                <circle key={q.x} cx={sx(q.x)} cy={sy(Math.log10(q.y))} r="2.8" fill={s.color} />
              ))}
            </g>
          );
        })
      }
    </Plot>
  );
}

/** The gradient norm of every layer, epoch by epoch, on one chart. */
export function GradientNormChart({
  dynamics,
  width = 620,
  height = 320,
}: {
  readonly dynamics: readonly DynamicsView[];
  readonly width?: number;
  readonly height?: number;
}) {
  const names = dynamics.at(-1)?.layers.map((l) => l.name) ?? [];
  const series: Series[] = names.map((name, i) => ({
    label: name,
    color: layerColor(i, names.length),
    points: dynamics.flatMap((d) => {
      const l = d.layers.find((x) => x.name === name);
      return l ? [{ x: d.epoch, y: l.gradNorm }] : [];
    }),
  }));
  return (
    <div className="space-y-2" data-testid="gradient-norm-chart" data-layers={names.length} data-epochs={dynamics.length}>
      <LogLines series={series} xLabel="epoch" yLabel="gradient norm" width={width} height={height} testId="gradient-norm-plot" />
      <Legend items={series.map((s) => ({ label: s.label, color: s.color, kind: 'line' as const }))} />
    </div>
  );
}
