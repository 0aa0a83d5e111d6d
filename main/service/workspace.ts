import { realpathSync } from 'node:fs';
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';

export class WorkspaceError extends Error {}

const MAX_PATH = 4096;

/**
 * The one folder a web host may read data from and upload into. Every path the browser names is resolved
 * (symlinks included, for the part that exists) and must stay inside it: a lab server never becomes a
 * way to read the files of the account running it.
 */
export class Workspace {
  readonly root: string;

  constructor(dir: string) {
    try {
      this.root = realpathSync(resolve(dir));
    } catch {
      throw new WorkspaceError(`The workspace folder ${dir} does not exist.`);
    }
  }

  /**
   * `path` as an absolute real path inside the workspace. Relative paths are read against `baseDir`
   * (itself confined) or the workspace. A path that does not exist yet is checked through its nearest
   * existing parent, so a symlinked parent cannot smuggle it out.
   */
  resolve(path: string, baseDir?: string): string {
    if (path.includes('\0')) throw new WorkspaceError('A path cannot contain a NUL character.');
    // Longer than any OS allows: refused before it is resolved, echoed or put in a message.
    if (path.length > MAX_PATH) throw new WorkspaceError(`A path is at most ${MAX_PATH} characters; this one has ${path.length}.`);
    const base = baseDir === undefined || baseDir === '' ? this.root : this.resolve(baseDir);
    const shown = path.length > 120 ? `${path.slice(0, 119)}…` : path;
    if (path.split(/[\\/]/).includes('..')) throw new WorkspaceError(`"${shown}" goes up with "..": data must be inside the workspace ${this.root}.`);
    const wanted = isAbsolute(path) ? resolve(path) : resolve(base, path);
    const real = realOrParent(wanted);
    if (!this.contains(real))
      throw new WorkspaceError(`"${shown}" is outside the workspace ${this.root}. Put the data in that folder (or upload it) and name it from there.`);
    return real;
  }

  contains(absolute: string): boolean {
    const rel = relative(this.root, absolute);
    return rel === '' || (!rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel));
  }

  /** The path as the UI shows it: relative to the workspace. */
  display(absolute: string): string {
    return relative(this.root, absolute) || '.';
  }
}

/** realpath of the longest existing prefix, with the rest appended. */
function realOrParent(path: string): string {
  const tail: string[] = [];
  let current = path;
  for (;;) {
    try {
      return resolve(realpathSync(current), ...tail.reverse());
    } catch {
      const parent = dirname(current);
      if (parent === current) return path;
      tail.push(current.slice(parent.length).replace(/^[\\/]+/, ''));
      current = parent;
    }
  }
}
