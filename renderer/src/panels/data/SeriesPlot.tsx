import { useEffect, useRef } from 'react';
import uPlot from 'uplot';
import type { DataPreview } from '../../../../app/protocol/data';
import { themedOptions } from '../../run/chartOptions';
import { useTheme } from '../../store/theme';

type SeriesPreview = Extract<DataPreview, { kind: 'series' }>;

/** The target column over time (by row), with the first window shaded and the row it predicts marked. */
export function SeriesPlot({ preview }: { preview: SeriesPreview }) {
  const box = useRef<HTMLDivElement>(null);
  const theme = useTheme((s) => s.theme);
  const { plot, window: win } = preview;
  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const xs = plot.values.map((_, i) => i * plot.step);
    const draw = (u: uPlot) => {
      const { ctx } = u;
      const left = u.valToPos(win.start, 'x', true);
      const right = u.valToPos(win.end, 'x', true);
      const target = u.valToPos(win.target, 'x', true);
      ctx.save();
      ctx.fillStyle = 'rgba(99,102,241,0.15)';
      ctx.fillRect(left, u.bbox.top, Math.max(2, right - left), u.bbox.height);
      ctx.strokeStyle = 'rgba(217,119,6,0.9)';
      ctx.lineWidth = 2 * uPlot.pxRatio;
      ctx.beginPath();
      ctx.moveTo(target, u.bbox.top);
      ctx.lineTo(target, u.bbox.top + u.bbox.height);
      ctx.stroke();
      ctx.restore();
    };
    const options = themedOptions(
      {
        legend: { show: false },
        cursor: { show: false },
        scales: { x: { time: false } },
        axes: [
          { size: 24, font: '10px sans-serif' },
          { size: 40, font: '10px sans-serif' },
        ],
        series: [{}, { label: plot.column, stroke: '#4f46e5', width: 1.25 }],
        hooks: { draw: [draw] },
      },
      theme,
    );
    const chart = new uPlot({ ...options, width: Math.max(el.clientWidth, 100), height: 140 }, [xs, plot.values], el);
    const ro = new ResizeObserver(() => chart.setSize({ width: Math.max(el.clientWidth, 100), height: 140 }));
    ro.observe(el);
    return () => {
      ro.disconnect();
      chart.destroy();
    };
  }, [plot, win, theme]);
  return (
    <figure className="space-y-1">
      <figcaption className="flex text-[11px] font-medium tracking-wide text-slate-500 uppercase">
        <span className="flex-1">{plot.column} by row</span>
        <span className="font-normal normal-case">
          window rows {win.start}–{win.end - 1} → row {win.target}
        </span>
      </figcaption>
      <div ref={box} data-testid="series-plot" data-points={plot.values.length} className="h-[140px] w-full" />
    </figure>
  );
}
