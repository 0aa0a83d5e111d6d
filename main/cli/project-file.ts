import { constants } from 'node:fs';
import { open } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { loadProjectText } from '../../app/document/load';
import type { ProjectDoc } from '../../app/document/schema';
import { withAbsoluteSource } from '../data/resolve';
import { formatBytes } from '../data/problems';
import { CliError } from './errors';

/** Larger than any real project (a 200,000-layer chain is about 60 MB); beyond it, it is not one. */
export const MAX_PROJECT_BYTES = 256 * 1024 * 1024;

function kindOf(s: { isDirectory(): boolean; isFIFO(): boolean; isSocket(): boolean; isCharacterDevice(): boolean; isBlockDevice(): boolean }): string {
  if (s.isDirectory()) return 'a folder';
  if (s.isFIFO()) return 'a named pipe';
  if (s.isSocket()) return 'a socket';
  if (s.isCharacterDevice() || s.isBlockDevice()) return 'a device';
  return 'not a regular file';
}

/**
 * The file's text, refusing anything but a regular file before reading from it. Opening with
 * O_NONBLOCK and checking the open handle (not the path) means a named pipe with no writer can
 * neither hang the read nor be swapped in between the check and the read.
 */
async function readRegularFile(path: string): Promise<string> {
  let handle;
  try {
    handle = await open(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new CliError(
      `Cannot read ${path}: ${code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a folder, not a project file' : (e as Error).message}`,
    );
  }
  try {
    const info = await handle.stat();
    if (!info.isFile()) throw new CliError(`Cannot read ${path}: it is ${kindOf(info)}, not a project file.`);
    if (info.size > MAX_PROJECT_BYTES)
      throw new CliError(`Cannot read ${path}: it is ${formatBytes(info.size)}; a project file is at most ${formatBytes(MAX_PROJECT_BYTES)}.`);
    return await handle.readFile('utf8');
  } finally {
    await handle.close();
  }
}

/** Reads a project; a relative data path in it is relative to the project file's folder. */
export async function readProjectFile(path: string): Promise<{ doc: ProjectDoc; warnings: string[] }> {
  const text = await readRegularFile(path);
  const loaded = loadProjectText(text);
  if (!loaded.ok) throw new CliError(`${path}: ${loaded.error}`);
  const doc = { ...loaded.doc, data: withAbsoluteSource(loaded.doc.data, dirname(resolve(path))) };
  return { doc, warnings: loaded.warnings };
}
