import type { DataSettings } from '../../app/data/catalog';
import type { CsvOptions, DataSource } from '../../app/data/source';
import { userDataProblem } from '../../app/data/user-spec';
import type { TrainingData } from './training-data';
import { DataError, problem, type DataProblem } from './problems';
import { splitPlan } from './split-settings';
import { encodeTable } from './tabular';
import { detectLayout, type TableLayout } from './table-layout';
import { readTable } from './table-read';
import { guessColumns, numberProblems, scanTable, type TableScan } from './table-scan';
import { sortedCategories } from './values';

export interface CsvImport {
  readonly layout: TableLayout;
  readonly scan: TableScan;
  /** The options to store: the detected delimiter and header made explicit, columns typed, categories recorded. */
  readonly csv: CsvOptions;
}

/**
 * Scans the table (whole, or its start for a preview) and completes its settings: layout,
 * column types and roles (kept where the user set them), categories of each category column.
 */
export async function importTable(file: string, display: string, csv: CsvOptions, preview?: { maxRecords: number }): Promise<CsvImport> {
  const layout = await detectLayout(file, display, csv);
  const scan = await scanTable(file, display, layout, csv, preview ?? {});
  const guessed = guessColumns(layout, scan, csv);
  const columns = guessed.map((c, i) => {
    if (c.type !== 'category') return c;
    const distinct = scan.stats[i]!.distinct;
    // A preview sees only some categories: keep those recorded at import instead.
    return preview && c.categories?.length ? c : { ...c, categories: sortedCategories(distinct.keys()) };
  });
  numberProblems(display, scan, columns, csv);
  const done: CsvOptions = { ...csv, delimiter: layout.delimiter as CsvOptions['delimiter'], header: layout.header ? 'yes' : 'no', columns };
  return { layout, scan, csv: done };
}

/** A CSV as training arrays, read in one streaming pass with the imported settings. */
export async function loadCsv(
  s: DataSettings,
  src: DataSource,
  file: string,
  display: string,
  validationSplit: number,
  maxBytes?: number,
): Promise<TrainingData> {
  const notReady = userDataProblem('csv', s);
  if (notReady) throw new DataError([problem(display, notReady)]);
  const layout = await detectLayout(file, display, src.csv);
  const { columns, rows, problems } = await readTable(file, display, layout, src.csv, { limit: s.limit, ...(maxBytes ? { maxBytes } : {}) });
  const warnings: DataProblem[] = [...problems.list];
  return encodeTable(columns, rows, src.csv, splitPlan(s, validationSplit), display, warnings);
}
