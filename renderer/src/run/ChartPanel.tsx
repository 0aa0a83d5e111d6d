import { useState, type ReactNode } from 'react';
import type uPlot from 'uplot';
import { useSeries } from '../store/series';
import { formatMetric } from './format';
import { UPlotChart, type RedrawSource } from './UPlotChart';

export interface LegendItem {
  readonly label: string;
  readonly color: string;
  readonly dashed?: boolean;
  /** Listed in the hover card only (raw batch values under their trend). */
  readonly hoverOnly?: boolean;
}

export interface ChartPanelProps {
  /** A heading, or the control that picks what the chart shows. */
  readonly title: ReactNode;
  readonly testId: string;
  readonly xLabel: string;
  readonly options: Omit<uPlot.Options, 'width' | 'height'>;
  readonly getData: () => uPlot.AlignedData;
  /** How many x values there are, without building the data (which may copy). */
  readonly countPoints?: () => number;
  readonly source?: RedrawSource;
  /** One entry per y series, in the order of the data arrays after x. */
  readonly legend: readonly LegendItem[];
  readonly empty: string;
  /** Controls at the right of the header, e.g. the log-scale toggle. */
  readonly aside?: ReactNode;
  /** Extra data-* attributes on the plot box, for tests. */
  readonly attrs?: Readonly<Record<`data-${string}`, string | number>>;
  readonly className?: string;
}

type Hover = { idx: number; left: number; width: number } | null;

export function Swatch({ color, dashed }: { readonly color: string; readonly dashed?: boolean | undefined }) {
  return (
    <svg width="14" height="6" className="shrink-0" aria-hidden>
      <line x1="0" y1="3" x2="14" y2="3" stroke={color} strokeWidth="2.5" strokeDasharray={dashed ? '4 2' : undefined} />
    </svg>
  );
}

/** A chart card: title, legend and controls on top; hovering shows the values under the mouse. */
export function ChartPanel({ title, testId, xLabel, options, getData, countPoints, source, legend, empty, aside, attrs, className = '' }: ChartPanelProps) {
  const [hover, setHover] = useState<Hover>(null);
  const count = useSeries(() => (countPoints ? countPoints() : getData()[0].length));
  const data = hover ? getData() : null;

  return (
    <div className={`@container flex min-w-0 flex-col rounded-lg border border-slate-200 bg-white ${className}`}>
      <div className="flex min-h-7 items-center gap-2 px-2.5 pt-1.5">
        <div className="shrink-0 text-[11px] font-semibold tracking-wide text-slate-500 uppercase">{title}</div>
        <span className="ml-auto flex min-w-0 flex-wrap justify-end gap-x-2.5 gap-y-0.5 overflow-hidden @max-[17rem]:hidden">
          {legend
            .filter((item) => !item.hoverOnly)
            .map((item) => (
              <span key={item.label} className="inline-flex items-center gap-1 text-[11px] whitespace-nowrap text-slate-600">
                <Swatch color={item.color} dashed={item.dashed} />
                {item.label}
              </span>
            ))}
        </span>
        {aside}
      </div>
      <div data-testid={testId} data-points={count} {...attrs} className="relative min-h-0 flex-1 px-1 pb-1">
        <div className={count > 0 ? 'contents' : 'invisible'}>
          <UPlotChart options={options} getData={getData} onCursor={setHover} {...(source ? { source } : {})} />
        </div>
        {count === 0 && (
          <div className="pointer-events-none absolute inset-0 flex items-center justify-center px-4 text-center text-[12.5px] leading-snug text-slate-400">
            {empty}
          </div>
        )}
        {hover && data && count > 0 && (
          <div
            className="pointer-events-none absolute top-1 z-10 rounded-md bg-white/95 px-2 py-1 text-[11px] shadow-md ring-1 ring-slate-200"
            style={hover.left < hover.width / 2 ? { left: hover.left + 16 } : { right: `calc(100% - ${hover.left - 8}px)` }}
          >
            <div className="font-medium text-slate-500">
              {xLabel} {data[0][hover.idx]}
            </div>
            {legend.map((item, i) => (
              <div key={item.label} className="flex items-center gap-1.5 whitespace-nowrap">
                <Swatch color={item.color} dashed={item.dashed} />
                <span className="text-slate-600">{item.label}</span>
                <span className="ml-auto pl-2 font-mono text-slate-900 tabular-nums">{formatMetric(data[i + 1]?.[hover.idx])}</span>
              </div>
            ))}
          </div>
        )}
      </div>
    </div>
  );
}
