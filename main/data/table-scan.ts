import type { ColumnSettings, CsvOptions } from '../../app/data/source';
import { parseFields } from './fields';
import { count, problem, Problems } from './problems';
import { readRecords, type RecordOptions } from './records';
import { headerOnlyMessage, type TableLayout } from './table-layout';
import { guessType, newStats, observe, printable, type ColumnStats } from './values';

/** What a pass over a table found: per-column statistics, the first rows, and what was wrong. */
export interface TableScan {
  readonly stats: ColumnStats[];
  /** Well-formed data rows seen. */
  readonly rows: number;
  readonly head: string[][];
  readonly headLines: number[];
  readonly problems: Problems;
  /** False when the scan stopped early (a preview of a large file). */
  readonly complete: boolean;
}

const HEAD = 20;

/** The message for a record whose field count differs from the header's. */
export function fieldCountMessage(display: string, line: number, expected: number, found: number, unclosed: boolean): string {
  if (unclosed) return `${display}, line ${line}: a quoted value starts here and is never closed.`;
  return `${display}, line ${line}: expected ${expected} values (one per column) but found ${found}.`;
}

export const notANumber = (display: string, line: number, column: string, value: string) =>
  `${display}, line ${line}, column "${column}": "${printable(value)}" is not a number.`;

/** An infinite, overflowing or NUL-holding value where a number should be, and why it is unusable. */
export const brokenNumberMessage = (display: string, line: number, column: string, value: string, why: string) =>
  `${display}, line ${line}, column "${column}": "${printable(value)}" ${why}.`;

/**
 * One streaming pass: counts, missing values and distinct values per column, and every row
 * with the wrong number of fields. `opts` bounds it for a preview.
 */
export async function scanTable(path: string, display: string, layout: TableLayout, csv: CsvOptions, opts: RecordOptions = {}): Promise<TableScan> {
  const width = layout.names.length;
  const stats = layout.names.map(() => newStats());
  const head: string[][] = [];
  const headLines: number[] = [];
  const problems = new Problems();
  const severity = csv.badRows === 'skip' ? 'warning' : 'error';
  let rows = 0;
  let records = 0;
  let skipHeader = layout.header;
  for await (const r of readRecords(path, display, opts)) {
    records++;
    if (skipHeader) {
      skipHeader = false;
      continue;
    }
    const fields = parseFields(layout.delimiter, r.text);
    if (fields.length !== width) {
      problems.add(problem(display, fieldCountMessage(display, r.line, width, fields.length, r.unclosedQuote === true), { line: r.line }, severity));
      continue;
    }
    rows++;
    if (head.length < HEAD) {
      head.push(fields);
      headLines.push(r.line);
    }
    for (let c = 0; c < width; c++) observe(stats[c]!, fields[c]!, r.line);
  }
  const complete = opts.maxRecords === undefined || records < opts.maxRecords;
  if (rows === 0 && problems.list.length === 0) problems.add(problem(display, headerOnlyMessage(display), { line: 1 }));
  return { stats, rows, head, headLines, problems, complete: complete && opts.maxBytes === undefined };
}

/** Column settings for a first import: guessed types, the last column as the label. */
export function guessColumns(layout: TableLayout, scan: TableScan, csv: CsvOptions): ColumnSettings[] {
  const known = new Map(csv.columns.map((c) => [c.name, c]));
  const fresh = csv.columns.length === 0;
  return layout.names.map((name, i): ColumnSettings => {
    const stats = scan.stats[i]!;
    const prior = known.get(name);
    let type = prior?.type ?? guessType(stats);
    const role = prior?.role ?? (fresh && i === layout.names.length - 1 ? 'label' : type === 'text' ? 'ignore' : 'feature');
    // A label of a few whole numbers (0/1, 1–5 stars) is almost always classes.
    if (
      !prior &&
      role === 'label' &&
      type === 'number' &&
      stats.distinct.size <= 10 &&
      !stats.overflow &&
      [...stats.distinct.keys()].every((v) => Number.isInteger(Number(v)))
    )
      type = 'category';
    return { ...prior, name, role, type };
  });
}

/** Errors for values that are not numbers in columns read as numbers. */
export function numberProblems(display: string, scan: TableScan, columns: readonly ColumnSettings[], csv: CsvOptions): void {
  const severity = csv.badRows === 'skip' ? 'warning' : 'error';
  columns.forEach((col, i) => {
    const stats = scan.stats[i]!;
    if (col.role === 'ignore' || col.type !== 'number') return;
    for (const odd of stats.oddities)
      scan.problems.add(problem(display, notANumber(display, odd.line, col.name, odd.value), { line: odd.line, column: col.name }, severity));
    for (const b of stats.brokenList)
      scan.problems.add(problem(display, brokenNumberMessage(display, b.line, col.name, b.value, b.why), { line: b.line, column: col.name }, severity));
    const unlisted = stats.values - stats.numbers - stats.oddities.length;
    if (unlisted > 0)
      scan.problems.add(problem(display, `${display}, column "${col.name}": ${count(unlisted)} more values are not numbers.`, { column: col.name }, severity));
    const unlistedBroken = stats.broken - stats.brokenList.length;
    if (unlistedBroken > 0)
      scan.problems.add(
        problem(
          display,
          `${display}, column "${col.name}": ${count(unlistedBroken)} more values are infinite, too large or damaged.`,
          { column: col.name },
          severity,
        ),
      );
  });
}
