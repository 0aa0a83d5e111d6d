import type { DataSettings } from '../../app/data/catalog';
import type { DataSource } from '../../app/data/source';
import { importTable } from './csv';
import { count } from './problems';
import type { PreviewResult, Suggestion } from './preview-types';
import { guessType, sortedCategories } from './values';

/** Rows a preview scans: enough for types and missing counts, quick on any file. */
export const PREVIEW_ROWS = 20_000;

/** The first rows with detected types and missing counts, the class balance, and offers to fix what looks off. */
export async function previewTable(s: DataSettings, src: DataSource, path: string, display: string): Promise<PreviewResult> {
  const imp = await importTable(path, display, src.csv, { maxRecords: PREVIEW_ROWS });
  const { scan, layout, csv } = imp;
  const settings: DataSettings = { ...s, source: { ...src, csv } };
  const labels = csv.columns.filter((c) => c.role === 'label');
  const labelIndex = csv.columns.findIndex((c) => c.role === 'label');
  const label = labels.length === 1 ? labels[0] : undefined;
  const task = labels.length === 0 ? null : label?.type === 'category' ? 'classification' : 'regression';
  const suggestions: Suggestion[] = [];
  const set = (change: Partial<DataSource['csv']>): DataSettings => ({ ...settings, source: { ...settings.source!, csv: { ...csv, ...change } } });

  // Field-count problems are the ones placed on a line but on no column.
  const malformed = scan.problems.list.filter((p) => p.line !== undefined && p.column === undefined).length;
  if (malformed > 0 && csv.badRows === 'stop') {
    suggestions.push({
      message: `${count(malformed)} row${malformed === 1 ? ' has' : 's have'} the wrong number of values. Fix the file, or skip such rows.`,
      label: 'Skip malformed rows',
      settings: set({ badRows: 'skip' }),
    });
  }
  if (label && labelIndex >= 0) {
    const stats = scan.stats[labelIndex]!;
    const wholeNumbers = !stats.overflow && stats.distinct.size <= 20 && [...stats.distinct.keys()].every((v) => Number.isInteger(Number(v)));
    if (label.type === 'number' && wholeNumbers) {
      const columns = csv.columns.map((c) => (c === label ? { ...c, type: 'category' as const, categories: sortedCategories(stats.distinct.keys()) } : c));
      suggestions.push({
        message: `The label "${label.name}" holds ${stats.distinct.size} whole numbers: are they classes? Then this is classification.`,
        label: 'Treat as classes',
        settings: set({ columns }),
      });
    }
    if (label.type === 'category' && stats.distinct.size > 50) {
      suggestions.push({
        message: `The label "${label.name}" has ${stats.overflow ? 'very many' : stats.distinct.size} different values: maybe it is not the column to predict.`,
      });
    }
  }
  csv.columns.forEach((c, i) => {
    const missing = scan.stats[i]!.missing;
    if (missing === 0 || c.role === 'ignore') return;
    const strategy = c.role === 'label' ? 'drop' : (c.missing ?? csv.missing);
    const how =
      strategy === 'drop'
        ? 'those rows are left out'
        : strategy === 'mean' && c.type === 'number'
          ? 'they are filled with the mean of the training rows'
          : 'they are filled with the most frequent value';
    suggestions.push({ message: `Column "${c.name}" has ${count(missing)} missing value${missing === 1 ? '' : 's'}; ${how}.` });
  });
  if (!scan.complete) suggestions.push({ message: `This preview read the first ${count(PREVIEW_ROWS)} rows; importing checks the whole file.` });

  const classBalance =
    task === 'classification' && labelIndex >= 0
      ? (label!.categories ?? []).map((c) => ({ label: c, count: scan.stats[labelIndex]!.distinct.get(c) ?? 0 }))
      : [];
  return {
    settings,
    classBalance,
    problems: scan.problems,
    suggestions,
    preview: {
      kind: 'csv',
      delimiter: layout.delimiter,
      header: layout.header,
      columns: csv.columns.map((c, i) => {
        const st = scan.stats[i]!;
        return {
          name: c.name,
          detected: guessType(st),
          type: c.type,
          role: c.role,
          missing: st.missing,
          distinct: st.distinct.size,
          manyDistinct: st.overflow,
        };
      }),
      rows: scan.head,
      lines: scan.headLines,
      rowsScanned: scan.rows,
      complete: scan.complete,
      task,
    },
  };
}
