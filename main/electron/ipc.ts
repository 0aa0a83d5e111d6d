import { checkDataAccess } from './data-gate';
import type { FileGrants } from './file-grants';
import { fromOurMainFrame, REFUSED_SENDER, type MainContentsLike, type SenderEvent } from './ipc-guard';

export const REQUEST_CHANNEL = 'layerlab:request';
export const EVENT_CHANNEL = 'layerlab:event';
export const SHELL_CHANNEL = 'layerlab:shell';

export interface IpcMainLike {
  handle(channel: string, listener: (event: SenderEvent, ...args: unknown[]) => Promise<unknown>): void;
}

export interface IpcDeps {
  readonly ipcMain: IpcMainLike;
  /** The main window's web contents, or null while there is none. */
  readonly main: () => MainContentsLike | null;
  readonly grants: FileGrants;
  readonly handle: (kind: unknown, payload: unknown) => Promise<unknown>;
}

/**
 * The one IPC entry: the sender is checked first (our window, its main frame, our page), then the
 * desktop's read rule, then the service validates the payload as it does for the web host.
 */
export function registerIpc(deps: IpcDeps): void {
  deps.ipcMain.handle(REQUEST_CHANNEL, async (event, kind, payload) => {
    if (!fromOurMainFrame(event, deps.main())) throw new Error(REFUSED_SENDER);
    const denied = checkDataAccess(String(kind), payload, deps.grants);
    if (denied) throw new Error(denied);
    return deps.handle(kind, payload);
  });
}
