import { randomBytes } from 'node:crypto';
import { dirname, parse, relative, resolve, isAbsolute } from 'node:path';
import { z } from 'zod';

/** How many chosen paths and project folders are remembered across launches. */
const KEEP = 200;

export const grantsFileSchema = z.object({
  readable: z.array(z.string().min(1).max(4096)).max(KEEP),
  projectFolders: z.array(z.string().min(1).max(4096)).max(KEEP),
});
export type GrantsFile = z.output<typeof grantsFileSchema>;

const inside = (path: string, root: string) => {
  const rel = relative(root, path);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
};

const remember = (list: string[], path: string) => [path, ...list.filter((p) => p !== path)].slice(0, KEEP);

/**
 * What the renderer may ask the main process to touch, decided by the main process alone.
 *
 * Writes: a project file is written only through a handle, an opaque token issued here when the
 * Open or Save dialog (or the OS, the command line, Open Recent) gave us its path, and valid for
 * the window it was issued to. The renderer never names a path to write.
 *
 * Reads: data only from a file or folder chosen in a dialog, or from inside the folder of a
 * project file opened or saved through one. These are remembered across launches (in userData,
 * written by the main process only) so a reopened project finds its data again.
 */
export class FileGrants {
  private readonly handles = new Map<string, { readonly path: string; readonly owner: number }>();
  private state: GrantsFile;

  constructor(
    initial: GrantsFile = { readable: [], projectFolders: [] },
    private readonly persist: (state: GrantsFile) => void = () => undefined,
    /** A project saved straight into these folders does not open them whole to reading. */
    private readonly tooWide: readonly string[] = [],
  ) {
    this.state = { readable: [...initial.readable], projectFolders: [...initial.projectFolders] };
  }

  /** A handle for a project file the main process got from a dialog or the OS, owned by one window. */
  issue(path: string, owner: number): string {
    const handle = randomBytes(16).toString('hex');
    this.handles.set(handle, { path: resolve(path), owner });
    this.grantProject(path);
    return handle;
  }

  /** The path behind a handle, or undefined for a handle this window was never given. */
  pathOf(handle: string | undefined, owner: number): string | undefined {
    if (handle === undefined) return undefined;
    const entry = this.handles.get(handle);
    return entry?.owner === owner ? entry.path : undefined;
  }

  /** A window is gone: its handles go with it. */
  forget(owner: number): void {
    for (const [handle, entry] of this.handles) if (entry.owner === owner) this.handles.delete(handle);
  }

  /** A data file or folder the user chose in a dialog. */
  grantRead(path: string): void {
    this.state = { ...this.state, readable: remember(this.state.readable, resolve(path)) };
    this.persist(this.state);
  }

  /** The folder of a project file the user opened or saved. */
  grantProject(file: string): void {
    const folder = dirname(resolve(file));
    if (folder === parse(folder).root || this.tooWide.some((w) => resolve(w) === folder)) return;
    this.state = { ...this.state, projectFolders: remember(this.state.projectFolders, folder) };
    this.persist(this.state);
  }

  /** Whether data at `path` (absolute, or resolved by the caller) may be read. */
  mayRead(path: string): boolean {
    const target = resolve(path);
    return this.state.readable.some((p) => inside(target, p)) || this.state.projectFolders.some((p) => inside(target, p));
  }

  snapshot(): GrantsFile {
    return { readable: [...this.state.readable], projectFolders: [...this.state.projectFolders] };
  }
}
