import { useEffect, useLayoutEffect, useRef } from 'react';
import uPlot from 'uplot';
import { useSeries } from '../store/series';
import { useTheme } from '../store/theme';
import { themedOptions } from './chartOptions';

/** Calls `redraw` when new points arrive; returns the unsubscribe. */
export type RedrawSource = (redraw: () => void) => () => void;

/** The live run's arrays: redraw whenever the series store says they grew. */
export const liveSeries: RedrawSource = (redraw) => useSeries.subscribe((s, prev) => s.version !== prev.version && redraw());

export interface UPlotChartProps {
  readonly options: Omit<uPlot.Options, 'width' | 'height'>;
  /** Returns the current arrays; called on mount and after each redraw notice. */
  readonly getData: () => uPlot.AlignedData;
  readonly source?: RedrawSource;
  /** The data index under the mouse and its x in CSS pixels, or null when the mouse leaves. */
  readonly onCursor?: (at: { idx: number; left: number; width: number } | null) => void;
}

/**
 * uPlot in a resizable box. New points do not re-render React: the chart listens to its
 * source and calls setData at most once per animation frame.
 */
export function UPlotChart({ options, getData, source = liveSeries, onCursor }: UPlotChartProps) {
  const box = useRef<HTMLDivElement>(null);
  const theme = useTheme((s) => s.theme);
  const cursor = useRef(onCursor);
  useLayoutEffect(() => {
    cursor.current = onCursor;
  });

  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const size = () => ({ width: Math.max(el.clientWidth, 50), height: Math.max(el.clientHeight, 50) });
    const hooks: uPlot.Hooks.Arrays = {
      setCursor: [
        (u) => {
          const { idx, left } = u.cursor;
          cursor.current?.(
            idx === null || idx === undefined || left === undefined || left < 0 ? null : { idx, left: left + u.bbox.left / uPlot.pxRatio, width: u.width },
          );
        },
      ],
    };
    const plot = new uPlot({ ...themedOptions(options, theme), ...size(), legend: { show: false }, hooks }, getData(), el);
    const ro = new ResizeObserver(() => plot.setSize(size()));
    ro.observe(el);
    let frame = 0;
    const unsubscribe = source(() => {
      if (frame) return;
      frame = requestAnimationFrame(() => {
        frame = 0;
        plot.setData(getData());
      });
    });
    return () => {
      unsubscribe();
      cancelAnimationFrame(frame);
      ro.disconnect();
      plot.destroy();
    };
  }, [options, getData, source, theme]);

  return <div ref={box} className="absolute inset-0" />;
}
