import type { DataSettings } from '../../app/data/catalog';
import type { DataSource, UserDatasetId } from '../../app/data/source';
import { dataSourceSchema } from '../../app/data/source';
import type { TrainingData } from './training-data';
import { loadCsv } from './csv';
import { checkFingerprint } from './fingerprint';
import { loadImages } from './images';
import { DataError, problem } from './problems';
import { resolveSourcePath } from './resolve';
import { splitPlan } from './split-settings';
import { detectLayout } from './table-layout';
import { loadText } from './text';
import { loadSeries } from './time-series';

/** The source, its absolute path, and the path as the user wrote it (for messages). */
export function sourceOf(s: DataSettings, baseDir?: string): { src: DataSource; path: string; display: string } {
  const src = s.source ?? dataSourceSchema.parse({});
  if (!src.path) throw new DataError([problem('', 'Choose a file or folder for your data.')]);
  return { src, path: resolveSourcePath(src.path, baseDir), display: src.path };
}

/**
 * A user's data read whole into typed arrays (tables, texts, series and image folders that fit
 * in memory), split as its settings say. A moved file is reported as such; a changed one is a
 * warning in the result, since its recorded columns or classes may no longer match.
 */
export async function loadUserData(id: UserDatasetId, s: DataSettings, validationSplit: number, baseDir?: string): Promise<TrainingData> {
  const { src, path, display } = sourceOf(s, baseDir);
  const status = await checkFingerprint(path, display, s.fingerprint);
  if (status.state === 'gone') throw new DataError([problem(display, status.message)]);
  const plan = splitPlan(s, validationSplit);
  const data = await load(id, s, src, path, display, validationSplit, plan);
  if (status.state !== 'changed') return data;
  return { ...data, warnings: [problem(display, status.message, {}, 'warning'), ...(data.warnings ?? [])] };
}

async function load(
  id: UserDatasetId,
  s: DataSettings,
  src: DataSource,
  path: string,
  display: string,
  validationSplit: number,
  plan: ReturnType<typeof splitPlan>,
): Promise<TrainingData> {
  switch (id) {
    case 'csv':
      return loadCsv(s, src, path, display, validationSplit);
    case 'images':
      return loadImages(s, src, path, display, validationSplit);
    case 'text':
      return loadText(s, src, path, display, validationSplit);
    case 'series':
      return loadSeries(s, src, path, display, await detectLayout(path, display, src.csv), plan);
  }
}
