import type { DataSettings } from '../../app/data/catalog';
import { isUserDataset, type UserDatasetId } from '../../app/data/source';
import type { DataImportReply, DataInspectReply } from '../../app/protocol/data';
import type { Reply } from '../../app/protocol/requests';
import { importUserData } from './complete';
import { checkFingerprint, fingerprint } from './fingerprint';
import { sourceOf } from './index';
import { previewImages } from './preview-images';
import { previewSeries } from './preview-series';
import { previewTable } from './preview-table';
import { previewText } from './preview-text';
import type { PreviewResult } from './preview-types';
import { DataError, type DataProblem } from './problems';
import { resolveSourcePath } from './resolve';
import { UserError } from '../user-error';

/*
 * The data requests' work: scanning, parsing, decoding and hashing the user's files. It runs in
 * the data worker thread (data-worker.ts), never on a host's event loop.
 */

function userDataset(s: DataSettings): UserDatasetId {
  if (!isUserDataset(s.dataset))
    throw new UserError(`"${s.dataset}" is a built-in dataset; inspecting and importing are for your own data (csv, images, text, series).`);
  return s.dataset;
}

/** Problems from an error: a DataError's list, or the error's message placed on the source. */
function problemsOf(e: unknown, display: string): DataProblem[] {
  if (e instanceof DataError) return [...e.problems];
  return [{ file: display, message: `Cannot read ${display}: ${(e as Error).message}`, severity: 'error' }];
}

function preview(id: UserDatasetId, s: DataSettings, baseDir?: string): Promise<PreviewResult> {
  const { src, path, display } = sourceOf(s, baseDir);
  switch (id) {
    case 'csv':
      return previewTable(s, src, path, display);
    case 'images':
      return previewImages(s, src, path, display);
    case 'text':
      return previewText(s, src, path, display);
    case 'series':
      return previewSeries(s, src, path, display);
  }
}

/**
 * A preview of the user's data and everything wrong with it. Never fails for a problem in the
 * data itself: that is listed, so the data panel can show it beside whatever could be read.
 */
export async function inspectData(s: DataSettings, baseDir?: string): Promise<DataInspectReply> {
  const id = userDataset(s);
  const { path, display } = sourceOf(s, baseDir);
  const base = { resolvedPath: path, classBalance: [], suggestions: [], moreProblems: 0, settings: s };
  const status = s.fingerprint ? await checkFingerprint(path, display, s.fingerprint) : ({ state: 'new' } as const);
  if (status.state === 'gone') return { ...base, status, preview: null, problems: [{ file: display, message: status.message, severity: 'error' }] };
  try {
    const r = await preview(id, s, baseDir);
    const wireStatus = status.state === 'changed' ? { state: 'changed' as const, message: status.message } : status;
    return {
      ...base,
      status: wireStatus,
      preview: r.preview,
      classBalance: r.classBalance,
      problems: r.problems.list,
      moreProblems: r.problems.more,
      suggestions: r.suggestions,
      settings: r.settings,
    };
  } catch (e) {
    return { ...base, status: { state: 'new' }, preview: null, problems: problemsOf(e, display) };
  }
}

/** Reads and checks all of the data; the reply's settings are what the project stores. */
export async function importData(s: DataSettings, baseDir?: string): Promise<DataImportReply> {
  const r = await importUserData(userDataset(s), s, baseDir);
  return { settings: r.settings, summary: r.summary, problems: r.problems };
}

/** Points the source at `newPath`; the fingerprint there says whether it is the same data. */
export async function relocateData(s: DataSettings, newPath: string, baseDir?: string): Promise<Reply<'data.relocate'>> {
  userDataset(s);
  const path = resolveSourcePath(newPath, baseDir);
  const status = await checkFingerprint(path, newPath, s.fingerprint);
  if (status.state === 'gone') throw new UserError(`There is nothing at ${newPath}.`);
  const moved: DataSettings = { ...s, source: { ...sourceOf(s, baseDir).src, path } };
  if (status.state === 'same') {
    return {
      settings: { ...moved, fingerprint: { ...(await fingerprint(path)), ...(s.fingerprint?.importedAt ? { importedAt: s.fingerprint.importedAt } : {}) } },
      same: true,
      message: `Found the same data at ${newPath}.`,
    };
  }
  return {
    settings: moved,
    same: false,
    message: `The files at ${newPath} are not the ones imported (${status.details.slice(0, 3).join('; ')}). Import them again to check their columns and classes.`,
  };
}

/** Each job the worker runs: its payload (as the request's) and its reply. */
export interface DataJobs {
  inspect: { payload: { settings: DataSettings; baseDir?: string | undefined }; reply: DataInspectReply };
  import: { payload: { settings: DataSettings; baseDir?: string | undefined }; reply: DataImportReply };
  relocate: { payload: { settings: DataSettings; path: string; baseDir?: string | undefined }; reply: Reply<'data.relocate'> };
}
export type DataJobKind = keyof DataJobs;

const JOBS: { readonly [K in DataJobKind]: (p: DataJobs[K]['payload']) => Promise<DataJobs[K]['reply']> } = {
  inspect: (p) => inspectData(p.settings, p.baseDir),
  import: (p) => importData(p.settings, p.baseDir),
  relocate: (p) => relocateData(p.settings, p.path, p.baseDir),
};

/** Runs one job where it is called: the worker calls this for every job it is sent. */
export function runDataJob<K extends DataJobKind>(kind: K, payload: DataJobs[K]['payload']): Promise<DataJobs[K]['reply']> {
  return (JOBS[kind] as (p: DataJobs[K]['payload']) => Promise<DataJobs[K]['reply']>)(payload);
}
