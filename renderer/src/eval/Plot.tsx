import type { ReactNode } from 'react';
import { niceTicks, scale, tickLabel } from './ticks';

export interface PlotProps {
  readonly width: number;
  readonly height: number;
  readonly x: readonly [number, number];
  readonly y: readonly [number, number];
  readonly xLabel: string;
  readonly yLabel: string;
  readonly testId?: string;
  /** How a y tick reads (default: the value); a log axis shows 10ⁿ. */
  readonly yTick?: (v: number) => string;
  /** Epochs and steps: whole-number ticks only. */
  readonly xInteger?: boolean;
  /** Draws the data with the two scales (value → pixel). */
  readonly children: (sx: (v: number) => number, sy: (v: number) => number) => ReactNode;
}

const M = { left: 56, right: 14, top: 10, bottom: 42 };

/** A chart frame: gridlines, round ticks and a label on each axis, the data drawn inside. */
export function Plot({ width, height, x, y, xLabel, yLabel, testId, yTick = tickLabel, xInteger = false, children }: PlotProps) {
  const sx = scale(x[0], x[1], M.left, width - M.right);
  const sy = scale(y[0], y[1], height - M.bottom, M.top);
  const xt = niceTicks(x[0], x[1], 6).filter((t) => !xInteger || Number.isInteger(t));
  const yt = niceTicks(y[0], y[1], 5);
  return (
    <svg
      width={width}
      height={height}
      className="block overflow-visible text-slate-500"
      data-testid={testId}
      role="img"
      aria-label={`${yLabel} against ${xLabel}`}
    >
      {yt.map((t) => (
        <g key={`y${t}`}>
          <line x1={M.left} x2={width - M.right} y1={sy(t)} y2={sy(t)} stroke="#e2e8f0" />
          <text x={M.left - 6} y={sy(t)} dy="0.32em" textAnchor="end" fontSize="11" fill="currentColor">
            {yTick(t)}
          </text>
        </g>
      ))}
      {xt.map((t) => (
        <g key={`x${t}`}>
          <line x1={sx(t)} x2={sx(t)} y1={M.top} y2={height - M.bottom} stroke="#f1f5f9" />
          <text x={sx(t)} y={height - M.bottom + 15} textAnchor="middle" fontSize="11" fill="currentColor">
            {tickLabel(t)}
          </text>
        </g>
      ))}
      <rect x={M.left} y={M.top} width={width - M.left - M.right} height={height - M.top - M.bottom} fill="none" stroke="#cbd5e1" />
      <text x={(M.left + width - M.right) / 2} y={height - 6} textAnchor="middle" fontSize="12" fontWeight="500" fill="#334155">
        {xLabel}
      </text>
      <text transform={`translate(13 ${(M.top + height - M.bottom) / 2}) rotate(-90)`} textAnchor="middle" fontSize="12" fontWeight="500" fill="#334155">
        {yLabel}
      </text>
      <svg x={0} y={0} width={width} height={height} overflow="hidden">
        <clipPath id={`clip-${testId ?? 'plot'}`}>
          <rect x={M.left} y={M.top} width={width - M.left - M.right} height={height - M.top - M.bottom} />
        </clipPath>
        <g clipPath={`url(#clip-${testId ?? 'plot'})`}>{children(sx, sy)}</g>
      </svg>
    </svg>
  );
}

export function Legend({ items }: { readonly items: readonly { label: string; color: string; kind: 'line' | 'dot' | 'dash' | 'box' }[] }) {
  return (
    <div className="flex flex-wrap items-center gap-x-4 gap-y-1 text-[12px] text-slate-600" data-testid="chart-legend">
      {items.map((i) => (
        <span key={i.label} className="inline-flex items-center gap-1.5">
          <svg width="18" height="10" aria-hidden>
            {i.kind === 'dot' ? (
              <circle cx="9" cy="5" r="3.5" fill={i.color} />
            ) : i.kind === 'box' ? (
              <rect x="3" y="1" width="12" height="8" fill={i.color} />
            ) : (
              <line x1="1" x2="17" y1="5" y2="5" stroke={i.color} strokeWidth="2.2" strokeDasharray={i.kind === 'dash' ? '4 3' : undefined} />
            )}
          </svg>
          {i.label}
        </span>
      ))}
    </div>
  );
}

/** Bars of a histogram over equal bins from min to max. */
export function HistogramPlot({
  hist,
  width,
  height,
  xLabel,
  color,
  testId,
}: {
  readonly hist: { min: number; max: number; counts: readonly number[] };
  readonly width: number;
  readonly height: number;
  readonly xLabel: string;
  readonly color: string;
  readonly testId: string;
}) {
  const n = hist.counts.length;
  const span = hist.max - hist.min || 1;
  const top = Math.max(1, ...hist.counts);
  return (
    <Plot width={width} height={height} x={[hist.min, hist.min + span]} y={[0, top * 1.05]} xLabel={xLabel} yLabel="examples" testId={testId}>
      {(sx, sy) =>
        hist.counts.map((c, i) => {
          const x0 = sx(hist.min + (i * span) / n);
          const x1 = sx(hist.min + ((i + 1) * span) / n);
          return <rect key={i} x={x0 + 0.5} width={Math.max(1, x1 - x0 - 1)} y={sy(c)} height={sy(0) - sy(c)} fill={color} />;
        })
      }
    </Plot>
  );
}
