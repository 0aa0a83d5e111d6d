import type { Dirent } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { DataError, problem, type Problems } from './problems';

/** One file of a folder-per-class dataset. */
export interface ClassFile {
  readonly path: string;
  /** "class/name.png", for messages. */
  readonly rel: string;
  readonly label: number;
}

export interface ClassFolders {
  readonly classes: string[];
  readonly files: ClassFile[];
}

const hidden = (name: string) => name.startsWith('.') || name === 'Thumbs.db' || name === 'desktop.ini';

/** Lists a folder's entries, naming the folder when it is gone or not a folder. */
export async function listFolder(dir: string, display: string, what: string): Promise<Dirent[]> {
  const info = await stat(dir).catch((err: unknown) => {
    const e = err as NodeJS.ErrnoException;
    throw new DataError([
      problem(
        display,
        e.code === 'ENOENT' ? `The data at ${display} is gone — was it moved? Choose its new location.` : `Cannot read ${display}: ${e.message}`,
      ),
    ]);
  });
  if (!info.isDirectory()) throw new DataError([problem(display, `${display} is a file; choose a folder with one subfolder of ${what} per class.`)]);
  return (await readdir(dir, { withFileTypes: true })).filter((e) => !hidden(e.name));
}

/**
 * Finds the class subfolders and the files in each whose extension is wanted; everything else is
 * listed as a warning and skipped. Classes are in name order; files in name order within each.
 */
export async function scanClassFolders(dir: string, display: string, extensions: readonly string[], what: string, problems: Problems): Promise<ClassFolders> {
  const entries = await listFolder(dir, display, what);
  const folders = entries
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
  if (folders.length === 0) {
    throw new DataError([
      problem(
        display,
        `${display} has no subfolders. Put the ${what} of each class in a folder of its own, e.g. ${join(display, 'cats')} and ${join(display, 'dogs')}.`,
      ),
    ]);
  }
  for (const e of entries.filter((e) => !e.isDirectory()))
    problems.add(problem(join(display, e.name), `${join(display, e.name)} is not in a class folder; skipped.`, {}, 'warning'));
  const classes: string[] = [];
  const files: ClassFile[] = [];
  for (const name of folders) {
    const inside = (await readdir(join(dir, name), { withFileTypes: true }))
      .filter((e) => !hidden(e.name))
      .sort((a, b) => a.name.localeCompare(b.name, 'en', { numeric: true }));
    const wanted = inside.filter((e) => e.isFile() && extensions.some((x) => e.name.toLowerCase().endsWith(x)));
    for (const e of inside) {
      if (wanted.includes(e)) continue;
      const rel = join(name, e.name);
      problems.add(
        problem(
          join(display, rel),
          `${join(display, rel)} ${e.isDirectory() ? 'is a folder inside a class folder' : `is not ${what === 'images' ? 'a PNG or JPEG image' : 'a .txt file'}`}; skipped.`,
          {},
          'warning',
        ),
      );
    }
    if (wanted.length === 0) {
      problems.add(problem(join(display, name), `Class "${name}" has no ${what}; it is left out.`, {}, 'warning'));
      continue;
    }
    const label = classes.length;
    classes.push(name);
    for (const e of wanted) files.push({ path: join(dir, name, e.name), rel: join(name, e.name), label });
  }
  return { classes, files };
}

/** Each class needs two examples (one to train on, one to check) and a classifier two classes. */
export function checkClassSizes(display: string, classes: readonly string[], counts: readonly number[], what: string, problems: Problems): void {
  const singular = what === 'images' ? 'image' : 'text';
  if (classes.length < 2) {
    problems.add(
      problem(
        display,
        `${display} has ${classes.length === 0 ? 'no class folders with' : `only one class folder with`} ${what}${classes.length === 1 ? ` ("${classes[0]}")` : ''}; a classifier needs at least two classes.`,
      ),
    );
  }
  classes.forEach((name, i) => {
    if (counts[i]! < 2)
      problems.add(problem(join(display, name), `Class "${name}" has only 1 ${singular}; each class needs at least 2 (one to train on, one to check).`));
  });
}

export function classCounts(classes: readonly string[], files: readonly ClassFile[]): number[] {
  const counts = classes.map(() => 0);
  for (const f of files) counts[f.label]!++;
  return counts;
}
