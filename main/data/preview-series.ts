import type { DataSettings } from '../../app/data/catalog';
import type { DataSource } from '../../app/data/source';
import { count, Problems } from './problems';
import type { PreviewResult, Suggestion } from './preview-types';
import { detectLayout } from './table-layout';
import { scanTable } from './table-scan';
import { completeSeries, readSeries, windowCount } from './time-series';
import { guessType } from './values';

const POINTS = 600;
/** A preview reads at most this many rows of a series. */
const ROWS = 200_000;

/** The first rows, one target column to plot with the first window marked, and how many windows fit. */
export async function previewSeries(s: DataSettings, src: DataSource, path: string, display: string): Promise<PreviewResult> {
  const layout = await detectLayout(path, display, src.csv);
  const scan = await scanTable(path, display, layout, src.csv, { maxRecords: 1000 });
  const series = completeSeries(src.series, layout, scan.stats.map(guessType));
  const settings: DataSettings = { ...s, source: { ...src, series } };
  const problems = new Problems();
  for (const p of scan.problems.list) problems.add(p);
  const suggestions: Suggestion[] = [];
  const empty = { column: '', step: 1, values: [], times: [] };
  let plot: { column: string; step: number; values: number[]; times: number[] } = empty;
  let windows = 0;
  if (series.valueColumns.length > 0) {
    const table = await readSeries(path, display, layout, series, problems, ROWS);
    const column = series.targets[0] ?? series.valueColumns[0]!;
    const values = table.columns.get(column)!;
    const step = Math.max(1, Math.ceil(table.rows / POINTS));
    plot = { column, step, values: [], times: [] };
    for (let i = 0; i < table.rows; i += step) {
      plot.values.push(values[i]!);
      plot.times.push(table.time[i]!);
    }
    windows = windowCount(table.rows, s.window, s.horizon, series.stride);
    if (windows < 2)
      suggestions.push({ message: `${count(table.rows)} rows are too few for a window of ${s.window} and a horizon of ${s.horizon}: shorten the window.` });
    if (table.rows >= ROWS) suggestions.push({ message: `This preview read the first ${count(ROWS)} rows; importing reads them all.` });
  } else {
    suggestions.push({ message: `${display} has no numeric columns to use as a series.` });
  }
  if (!series.dateColumn) suggestions.push({ message: 'No date column was found: the rows are taken in file order, one step each.' });
  return {
    settings,
    classBalance: [],
    problems,
    suggestions,
    preview: {
      kind: 'series',
      columns: layout.names as string[],
      head: scan.head,
      plot,
      window: { start: 0, end: s.window, target: s.window + s.horizon - 1 },
      windows,
    },
  };
}
