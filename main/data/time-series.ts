import type { DataSettings } from '../../app/data/catalog';
import type { DataSource, SeriesOptions } from '../../app/data/source';
import { partition } from './partition';
import type { TrainingData } from './training-data';
import { parseFields } from './fields';
import { doubles, floats, type Growing } from './grow';
import { count, DataError, problem, Problems } from './problems';
import { readRecords } from './records';
import type { TableLayout } from './table-layout';
import { brokenNumberMessage, notANumber } from './table-scan';
import { brokenNumber, isMissing, parseDate, parseNumber } from './values';

/** A series as read: time per row (ms, or the row number without a date column) and one array per column. */
export interface SeriesTable {
  readonly time: Float64Array;
  readonly columns: ReadonlyMap<string, Float32Array>;
  readonly rows: number;
}

/** Fills the settings' gaps from the layout: the first date-like column, every other numeric column, the first as target. */
export function completeSeries(o: SeriesOptions, layout: TableLayout, types: readonly string[]): SeriesOptions {
  // An empty dateColumn means "not chosen yet", like an absent one.
  let dateColumn = o.dateColumn;
  if (!dateColumn) dateColumn = layout.names.find((_, i) => types[i] === 'date') ?? '';
  const valueColumns = o.valueColumns.length > 0 ? o.valueColumns : layout.names.filter((n, i) => n !== dateColumn && types[i] === 'number');
  const targets = o.targets.length > 0 ? o.targets : valueColumns.slice(0, 1);
  return { ...o, dateColumn, valueColumns, targets };
}

/** Reads the date, value and target columns in one pass, then puts rows in date order; gaps take the previous value. */
export async function readSeries(file: string, display: string, layout: TableLayout, o: SeriesOptions, problems: Problems, limit = 0): Promise<SeriesTable> {
  const names = [...new Set([...o.valueColumns, ...o.targets])];
  const index = (n: string) => {
    const i = layout.names.indexOf(n);
    if (i < 0) throw new DataError([problem(display, `${display} has no column "${n}" (its columns: ${layout.names.join(', ')}).`, { column: n })]);
    return i;
  };
  const dateAt = o.dateColumn ? index(o.dateColumn) : -1;
  const at = names.map(index);
  const time = doubles();
  const values: Growing<Float32Array>[] = names.map(() => floats());
  let skip = layout.header;
  for await (const r of readRecords(file, display)) {
    if (skip) {
      skip = false;
      continue;
    }
    const f = parseFields(layout.delimiter, r.text);
    if (f.length !== layout.names.length) {
      problems.add(
        problem(display, `${display}, line ${r.line}: expected ${layout.names.length} values (one per column) but found ${f.length}.`, { line: r.line }),
      );
      continue;
    }
    const t = dateAt < 0 ? time.length : parseDate(f[dateAt]!);
    if (Number.isNaN(t)) {
      problems.add(
        problem(display, `${display}, line ${r.line}, column "${o.dateColumn}": "${f[dateAt]!.trim()}" is not a date (use 2024-03-01 or 2024-03-01T10:00).`, {
          line: r.line,
          column: o.dateColumn,
        }),
      );
      continue;
    }
    const row = at.map((i) => (isMissing(f[i]!) ? NaN : parseNumber(f[i]!)));
    const bad = row.findIndex((v, j) => Number.isNaN(v) && !isMissing(f[at[j]!]!));
    if (bad >= 0) {
      const raw = f[at[bad]!]!.trim();
      const why = brokenNumber(raw);
      const message = why ? brokenNumberMessage(display, r.line, names[bad]!, raw, why) : notANumber(display, r.line, names[bad]!, raw);
      problems.add(problem(display, message, { line: r.line, column: names[bad]! }));
      continue;
    }
    time.push(t);
    row.forEach((v, j) => values[j]!.push(v));
    if (limit > 0 && time.length >= limit) break;
    if (problems.errors.length >= 100) break;
  }
  problems.throwIfErrors();
  const rows = time.length;
  const order = Uint32Array.from({ length: rows }, (_, i) => i);
  const t = time.view();
  let sorted = true;
  for (let i = 1; i < rows && sorted; i++) sorted = t[i]! >= t[i - 1]!;
  if (!sorted) {
    order.sort((a, b) => t[a]! - t[b]! || a - b);
    problems.add(problem(display, `${display}: the rows are not in date order; they were sorted by "${o.dateColumn}".`, { column: o.dateColumn }, 'warning'));
  }
  const columns = new Map<string, Float32Array>();
  names.forEach((n, j) => {
    const raw = values[j]!.view();
    const col = Float32Array.from(order, (i) => raw[i]!);
    let filled = 0;
    const firstValid = col.findIndex((v) => !Number.isNaN(v));
    if (firstValid < 0) throw new DataError([problem(display, `${display}, column "${n}": no values.`, { column: n })]);
    for (let i = 0; i < rows; i++) {
      if (!Number.isNaN(col[i]!)) continue;
      filled++;
      col[i] = i === 0 || i < firstValid ? col[firstValid]! : col[i - 1]!;
    }
    if (filled > 0)
      problems.add(
        problem(
          display,
          `${display}, column "${n}": ${count(filled)} missing value${filled === 1 ? '' : 's'} filled with the previous value.`,
          { column: n },
          'warning',
        ),
      );
    columns.set(n, col);
  });
  return { time: Float64Array.from(order, (i) => t[i]!), columns, rows };
}

/** How many windows fit: each sees `window` steps and predicts the step `horizon` after it. */
export const windowCount = (rows: number, window: number, horizon: number, stride: number) =>
  rows - window - horizon < 0 ? 0 : Math.floor((rows - window - horizon) / stride) + 1;

/** Windows over the series, split in time order; every column standardised with the training part's statistics. */
export function seriesWindows(
  table: SeriesTable,
  o: SeriesOptions,
  window: number,
  horizon: number,
  split: { validation: number; test: number },
  display: string,
): TrainingData {
  const n = windowCount(table.rows, window, horizon, o.stride);
  if (n < 2)
    throw new DataError([
      problem(
        display,
        `${display} has ${count(table.rows)} rows: too few for a window of ${window} steps and a horizon of ${horizon} (it needs at least ${window + horizon + o.stride}).`,
      ),
    ]);
  const parts = partition(n, { ...split, seed: 0, chronological: true });
  // Rows the training windows read, targets included: statistics come from these only.
  const trainRows = Math.min(table.rows, (parts.train.length - 1) * o.stride + window + horizon);
  const scale = (col: Float32Array) => {
    let mean = 0;
    for (let i = 0; i < trainRows; i++) mean += col[i]!;
    mean /= trainRows;
    let v = 0;
    for (let i = 0; i < trainRows; i++) v += (col[i]! - mean) ** 2;
    return { mean, std: Math.sqrt(v / trainRows) || 1 };
  };
  const c = o.valueColumns.length;
  const x = new Float32Array(n * window * c);
  o.valueColumns.forEach((name, j) => {
    const col = table.columns.get(name)!;
    const { mean, std } = scale(col);
    for (let w = 0; w < n; w++) for (let s = 0; s < window; s++) x[(w * window + s) * c + j] = (col[w * o.stride + s]! - mean) / std;
  });
  const k = o.targets.length;
  const y = new Float32Array(n * k);
  const targetScale = o.targets.map((name, j) => {
    const col = table.columns.get(name)!;
    const sc = scale(col);
    for (let w = 0; w < n; w++) y[w * k + j] = (col[w * o.stride + window + horizon - 1]! - sc.mean) / sc.std;
    return sc;
  });
  return { inputs: [{ data: x, shape: [window, c] }], target: { data: y, shape: [k] }, count: n, chronological: true, partition: parts, targetScale };
}

/** A user's series as training windows. */
export async function loadSeries(
  s: DataSettings,
  src: DataSource,
  file: string,
  display: string,
  layout: TableLayout,
  split: { validation: number; test: number },
): Promise<TrainingData> {
  const problems = new Problems();
  const table = await readSeries(file, display, layout, src.series, problems);
  return { ...seriesWindows(table, src.series, s.window, s.horizon, split, display), warnings: problems.list };
}
