import { stat } from 'node:fs/promises';
import type { ColumnSettings, CsvOptions } from '../../app/data/source';
import { parseFields } from './fields';
import { floats, ints, type Growing } from './grow';
import { count, DataError, formatBytes, problem, Problems } from './problems';
import { readRecords } from './records';
import type { TableLayout } from './table-layout';
import { brokenNumberMessage, fieldCountMessage, notANumber } from './table-scan';
import { brokenNumber, isMissing, parseDate, parseNumber } from './values';

/** Tables larger than this are not read whole into memory; a row limit reads their start. */
export const MAX_TABLE_BYTES = 512 * 1024 * 1024;
/** Reading stops after this many bad rows: the file is clearly not what the settings say. */
const MAX_ERRORS = 100;
const DAY_MS = 86_400_000;

/** One used column as read: numbers and dates (in days) as floats with NaN for missing, categories as ids with −1. */
export type ReadColumn =
  | { readonly settings: ColumnSettings; readonly kind: 'float'; readonly values: Float32Array }
  | { readonly settings: ColumnSettings; readonly kind: 'id'; readonly values: Int32Array };

export interface ReadOptions {
  /** Read at most this many rows (0 = all). */
  readonly limit: number;
  readonly maxBytes?: number;
}

interface Builder {
  settings: ColumnSettings;
  index: number;
  float?: Growing<Float32Array>;
  id?: Growing<Int32Array>;
  ids?: Map<string, number>;
}

export function tooLargeMessage(display: string, size: number, maxBytes: number): string {
  return `${display} is ${formatBytes(size)}; LayerLab reads tables of up to ${formatBytes(maxBytes)} into memory. Set "Limit" to train on the first rows (for example 100,000).`;
}

/**
 * Streams the table once into typed arrays, one per used column, checking every row against the
 * imported settings. Bad rows stop the read (naming their lines) or are skipped, as the settings say.
 */
export async function readTable(
  path: string,
  display: string,
  layout: TableLayout,
  csv: CsvOptions,
  opts: ReadOptions,
): Promise<{ columns: ReadColumn[]; rows: number; problems: Problems }> {
  const maxBytes = opts.maxBytes ?? MAX_TABLE_BYTES;
  const size = (await stat(path).catch(() => null))?.size ?? 0;
  if (size > maxBytes && opts.limit === 0) throw new DataError([problem(display, tooLargeMessage(display, size, maxBytes))]);
  const byName = new Map(layout.names.map((n, i) => [n, i]));
  const builders: Builder[] = csv.columns
    .filter((c) => c.role !== 'ignore')
    .map((settings) => {
      const index = byName.get(settings.name);
      if (index === undefined)
        throw new DataError([
          problem(display, `${display} has no column "${settings.name}" (its columns: ${layout.names.join(', ')}). Import it again.`, {
            column: settings.name,
          }),
        ]);
      if (settings.type === 'category') return { settings, index, id: ints(), ids: new Map((settings.categories ?? []).map((v, i) => [v, i])) };
      return { settings, index, float: floats() };
    });
  const problems = new Problems();
  const severity = csv.badRows === 'skip' ? 'warning' : 'error';
  const width = layout.names.length;
  const cells = new Float64Array(builders.length);
  let rows = 0;
  let first = layout.header;
  for await (const r of readRecords(path, display)) {
    if (first) {
      first = false;
      continue;
    }
    const fields = parseFields(layout.delimiter, r.text);
    let bad: string | null = null;
    if (fields.length !== width) bad = fieldCountMessage(display, r.line, width, fields.length, r.unclosedQuote === true);
    for (let b = 0; b < builders.length && !bad; b++) {
      const { settings, index, ids } = builders[b]!;
      const raw = fields[index]!;
      if (isMissing(raw)) cells[b] = ids ? -1 : NaN;
      else if (ids) {
        const id = ids.get(raw.trim());
        if (id === undefined)
          bad = `${display}, line ${r.line}, column "${settings.name}": "${raw.trim()}" is not one of the categories found when the file was imported. Import it again.`;
        else cells[b] = id;
      } else if (settings.type === 'date') {
        const ms = parseDate(raw);
        if (Number.isNaN(ms))
          bad = `${display}, line ${r.line}, column "${settings.name}": "${raw.trim()}" is not a date (use 2024-03-01 or 2024-03-01T10:00).`;
        else cells[b] = ms / DAY_MS;
      } else {
        const v = parseNumber(raw);
        const why = Number.isNaN(v) ? brokenNumber(raw) : null;
        if (why) bad = brokenNumberMessage(display, r.line, settings.name, raw.trim(), why);
        else if (Number.isNaN(v)) bad = notANumber(display, r.line, settings.name, raw.trim());
        else cells[b] = v;
      }
    }
    if (bad) {
      problems.add(problem(display, bad, { line: r.line }, severity));
      if (severity === 'error' && problems.list.length >= MAX_ERRORS) break;
      continue;
    }
    builders.forEach((b, i) => (b.ids ? b.id!.push(cells[i]!) : b.float!.push(cells[i]!)));
    rows++;
    if (opts.limit > 0 && rows >= opts.limit) break;
  }
  problems.throwIfErrors();
  if (rows === 0)
    throw new DataError([
      problem(display, `${display} has no usable rows${problems.list.length ? ` (${count(problems.list.length)} were skipped as malformed)` : ''}.`),
    ]);
  const columns = builders.map((b): ReadColumn =>
    b.ids ? { settings: b.settings, kind: 'id', values: b.id!.view() } : { settings: b.settings, kind: 'float', values: b.float!.view() },
  );
  return { columns, rows, problems };
}
