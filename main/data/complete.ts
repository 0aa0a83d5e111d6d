import { stat } from 'node:fs/promises';
import type { DataSettings } from '../../app/data/catalog';
import type { DataSource, UserDatasetId } from '../../app/data/source';
import { dataSpec } from '../../app/data/spec';
import { userDataProblem } from '../../app/data/user-spec';
import { formatDims } from '../../app/layers/types';
import { classCounts } from './class-folders';
import { importTable } from './csv';
import { fingerprint } from './fingerprint';
import { scanImages } from './images';
import { sourceOf } from './index';
import { DataError, problem, Problems, type DataProblem } from './problems';
import { MAX_TABLE_BYTES, tooLargeMessage } from './table-read';
import { scanTable } from './table-scan';
import { detectLayout } from './table-layout';
import { importText } from './text';
import { completeSeries, readSeries, windowCount } from './time-series';
import { guessType } from './values';

export interface ClassCount {
  readonly label: string;
  readonly count: number;
}

/** What an import found, and the settings to store. */
export interface ImportResult {
  readonly settings: DataSettings;
  readonly summary: { examples: number; task: string; inputs: string; classes: ClassCount[] };
  readonly problems: DataProblem[];
}

interface Completed {
  readonly source: DataSource;
  readonly examples: number;
  readonly classes: ClassCount[];
  readonly problems: Problems;
}

async function completeCsv(src: DataSource, path: string, display: string): Promise<Completed> {
  const imp = await importTable(path, display, src.csv);
  const label = imp.csv.columns.findIndex((c) => c.role === 'label' && c.type === 'category');
  const classes = label < 0 ? [] : (imp.csv.columns[label]!.categories ?? []).map((c) => ({ label: c, count: imp.scan.stats[label]!.distinct.get(c) ?? 0 }));
  for (const c of classes) {
    if (c.count === 1)
      imp.scan.problems.add(
        problem(
          display,
          `Class "${c.label}" has only 1 row; each class needs at least 2 (one to train on, one to check).`,
          { column: imp.csv.columns[label]!.name },
          'warning',
        ),
      );
  }
  const size = (await stat(path)).size;
  if (size > MAX_TABLE_BYTES) imp.scan.problems.add(problem(display, tooLargeMessage(display, size, MAX_TABLE_BYTES), {}, 'warning'));
  return { source: { ...src, csv: imp.csv }, examples: imp.scan.rows, classes, problems: imp.scan.problems };
}

async function completeSeriesSource(s: DataSettings, src: DataSource, path: string, display: string): Promise<Completed> {
  const layout = await detectLayout(path, display, src.csv);
  const scan = await scanTable(path, display, layout, src.csv, { maxRecords: 1000 });
  const series = completeSeries(src.series, layout, scan.stats.map(guessType));
  if (series.valueColumns.length === 0) throw new DataError([problem(display, `${display} has no numeric columns to use as a series.`)]);
  const problems = new Problems();
  const table = await readSeries(path, display, layout, series, problems);
  if (windowCount(table.rows, s.window, s.horizon, series.stride) < 2) {
    problems.add(
      problem(
        display,
        `${display} has ${table.rows} rows: too few for a window of ${s.window} steps and a horizon of ${s.horizon} (it needs at least ${s.window + s.horizon + series.stride}).`,
      ),
    );
  }
  const csv = { ...src.csv, delimiter: layout.delimiter as DataSource['csv']['delimiter'], header: layout.header ? ('yes' as const) : ('no' as const) };
  return { source: { ...src, csv, series }, examples: windowCount(table.rows, s.window, s.horizon, series.stride), classes: [], problems };
}

async function complete(id: UserDatasetId, s: DataSettings, src: DataSource, path: string, display: string): Promise<Completed> {
  switch (id) {
    case 'csv':
      return completeCsv(src, path, display);
    case 'images': {
      const folder = await scanImages(path, display);
      const counts = classCounts(folder.classes, folder.files);
      return {
        source: { ...src, images: { ...src.images, classes: folder.classes } },
        examples: folder.files.length,
        classes: folder.classes.map((label, i) => ({ label, count: counts[i]! })),
        problems: folder.problems,
      };
    }
    case 'text': {
      const t = await importText(s, src, path, display);
      return {
        source: { ...src, text: t.text },
        examples: t.examples,
        classes: t.text.classes.map((label, i) => ({ label, count: t.counts[i]! })),
        problems: t.problems,
      };
    }
    case 'series':
      return completeSeriesSource(s, src, path, display);
  }
}

/**
 * Reads all of the user's data once: detects what it can, checks every row or file, and returns
 * the settings to store (with a fingerprint of the files). Any error throws a DataError naming
 * the file and line or class; the project is only changed by the caller storing the result.
 */
export async function importUserData(id: UserDatasetId, s: DataSettings, baseDir?: string): Promise<ImportResult> {
  const { src, path, display } = sourceOf(s, baseDir);
  const done = await complete(id, s, src, path, display);
  done.problems.throwIfErrors();
  const settings: DataSettings = {
    ...s,
    dataset: id,
    source: done.source,
    fingerprint: { ...(await fingerprint(path)), importedAt: new Date().toISOString() },
  };
  const problems = [...done.problems.list];
  const unfinished = userDataProblem(id, settings);
  if (unfinished) problems.unshift(problem(display, unfinished, {}, 'warning'));
  const spec = dataSpec(settings);
  const inputs = spec.inputs.map((i) => `${i.label} ${formatDims(i.shape)}`).join(' + ');
  return { settings, summary: { examples: done.examples, task: spec.task, inputs, classes: done.classes }, problems };
}
