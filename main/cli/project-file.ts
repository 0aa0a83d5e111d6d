import { readFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { loadProjectText } from '../../app/document/load';
import type { ProjectDoc } from '../../app/document/schema';
import { withAbsoluteSource } from '../data/resolve';
import { CliError } from './errors';

/** Reads a project; a relative data path in it is relative to the project file's folder. */
export async function readProjectFile(path: string): Promise<{ doc: ProjectDoc; warnings: string[] }> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (e) {
    throw new CliError(`Cannot read ${path}: ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (e as Error).message}`);
  }
  const loaded = loadProjectText(text);
  if (!loaded.ok) throw new CliError(`${path}: ${loaded.error}`);
  const doc = { ...loaded.doc, data: withAbsoluteSource(loaded.doc.data, dirname(resolve(path))) };
  return { doc, warnings: loaded.warnings };
}
