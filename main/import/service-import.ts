import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serializeProject } from '../../app/document/load';
import type { ImportReport } from '../../app/import/report';
import type { RunStore } from '../service/run-store';
import { importModelFile } from './import-file';

export interface UploadedFile {
  readonly name: string;
  readonly base64: string;
}

/**
 * The web host's import: the browser's files go into a private temporary folder (names already checked as plain
 * names by the contract), are imported from there exactly as a file on disk is, and the folder is removed.
 */
export async function importUploaded(files: readonly UploadedFile[], store: RunStore): Promise<{ text: string; report: ImportReport }> {
  const [main] = files;
  if (!main) throw new Error('No model file was sent.');
  if (new Set(files.map((f) => f.name)).size !== files.length) throw new Error('Two of the files have the same name.');
  const dir = await mkdtemp(join(tmpdir(), 'layerlab-import-'));
  try {
    for (const f of files) await writeFile(join(dir, f.name), Buffer.from(f.base64, 'base64'), { flag: 'wx' });
    return await importPath(join(dir, main.name), store);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** A model file on disk (the desktop's Open) as a project's text and the import's report. */
export async function importPath(path: string, store: RunStore): Promise<{ text: string; report: ImportReport }> {
  const { doc, report } = await importModelFile(path, store);
  return { text: serializeProject(doc), report };
}
