import { basename } from 'node:path';
import type { CsvOptions } from '../../app/data/source';
import { detectDelimiter, parseFields } from './fields';
import { DataError, problem } from './problems';
import { readRecords } from './records';
import { isMissing, parseDate, parseNumber } from './values';

/** How a delimited file is laid out: what splits fields, and whether line 1 names the columns. */
export interface TableLayout {
  readonly delimiter: string;
  readonly header: boolean;
  readonly names: readonly string[];
}

const SAMPLE = 50;
/** The sample stops growing past this; each record is bounded by the reader itself. */
const SAMPLE_CHARS = 4 << 20;

const looksLikeValue = (v: string) => !Number.isNaN(parseNumber(v)) || !Number.isNaN(parseDate(v));

/**
 * A first row is a header when a column that holds numbers below has a name there, or when its
 * values are distinct names that never appear again in their column; a bare number is never a name.
 */
export function detectHeader(rows: readonly (readonly string[])[]): boolean {
  const [first, ...body] = rows;
  if (!first || body.length === 0) return false;
  if (first.some((v) => looksLikeValue(v))) return false;
  const numericBelow = first.some((_, c) => {
    const column = body.map((r) => r[c] ?? '').filter((v) => !isMissing(v));
    return column.length > 0 && column.filter((v) => !Number.isNaN(parseNumber(v))).length >= column.length * 0.8;
  });
  if (numericBelow) return true;
  const distinct = new Set(first.map((v) => v.trim())).size === first.length && first.every((v) => !isMissing(v));
  return distinct && first.every((name, c) => !body.some((r) => r[c]?.trim() === name.trim()));
}

/** A lone first row reads as a header when it could not be data: names, none blank, none repeated, none a number or date. */
export function looksLikeHeader(row: readonly string[]): boolean {
  return row.every((v) => !isMissing(v) && !looksLikeValue(v)) && new Set(row.map((v) => v.trim())).size === row.length;
}

export const headerOnlyMessage = (display: string) => `${display} has a header but no data rows.`;

/** Names from the header, made unique and never blank; "column 1", … without a header. */
export function columnNames(first: readonly string[], header: boolean): string[] {
  const seen = new Map<string, number>();
  return first.map((raw, i) => {
    const base = header ? raw.trim() || `column ${i + 1}` : `column ${i + 1}`;
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    return n === 0 ? base : `${base} (${n + 1})`;
  });
}

/** Reads the first records to settle the delimiter and header (each unless the settings fix it). */
export async function detectLayout(path: string, display: string, csv: Pick<CsvOptions, 'delimiter' | 'header'>): Promise<TableLayout> {
  const sample: string[] = [];
  let chars = 0;
  for await (const r of readRecords(path, display, { maxRecords: SAMPLE })) {
    sample.push(r.text);
    chars += r.text.length;
    if (chars > SAMPLE_CHARS) break;
  }
  if (sample.length === 0) throw new DataError([problem(display, `${display} has no rows.`)]);
  const delimiter = csv.delimiter === 'auto' ? detectDelimiter(sample, basename(path)) : csv.delimiter;
  const rows = sample.map((t) => parseFields(delimiter, t));
  // One row alone cannot show a header by contrast with the data below it; judge it by itself.
  const header = csv.header === 'auto' ? (rows.length === 1 ? looksLikeHeader(rows[0]!) : detectHeader(rows)) : csv.header === 'yes';
  if (header && rows.length === 1) throw new DataError([problem(display, headerOnlyMessage(display), { line: 1 })]);
  return { delimiter, header, names: columnNames(rows[0]!, header) };
}
