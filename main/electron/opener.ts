import { EVENT_VERSION, type ShellEvent } from '../../app/protocol/events';
import { readProjectFile } from './dialogs';
import type { FileGrants } from './file-grants';

export interface OpenerDeps {
  readonly grants: FileGrants;
  /** The id of the main window's web contents once its page has loaded; null before. */
  readonly ready: () => number | null;
  readonly send: (event: ShellEvent) => void;
  /** A file opened this way joins the recent documents. */
  readonly opened: (path: string) => void;
  readonly failed: (path: string, message: string) => void;
}

/**
 * Opens project files the OS, a second launch or Open Recent names, in the running window: the
 * main process reads the file and issues its handle, and the page loads it as if chosen in the
 * Open dialog (asking first about unsaved changes). Files named before the page is ready wait.
 */
export function projectOpener(deps: OpenerDeps) {
  const waiting: string[] = [];
  async function deliver(path: string, owner: number): Promise<void> {
    let text: string;
    try {
      text = await readProjectFile(path);
    } catch (e) {
      deps.failed(path, e instanceof Error ? e.message : String(e));
      return;
    }
    deps.send({ v: EVENT_VERSION, type: 'project.opened', path, text, handle: deps.grants.issue(path, owner) });
    deps.opened(path);
  }
  return {
    open(path: string): Promise<void> {
      const owner = deps.ready();
      if (owner === null) {
        waiting.push(path);
        return Promise.resolve();
      }
      return deliver(path, owner);
    },
    /** The page has loaded: hand it what waited (the last one wins, as each replaces the document). */
    async flush(): Promise<void> {
      const owner = deps.ready();
      const last = waiting.splice(0).pop();
      if (owner !== null && last !== undefined) await deliver(last, owner);
    },
  };
}
