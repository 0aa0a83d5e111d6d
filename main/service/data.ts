import type { DataSettings } from '../../app/data/catalog';
import type { PickPathReply } from '../../app/protocol/data';
import type { DataRunner } from './data-worker';

/** A native "choose a file or folder" dialog; only the desktop host has one. */
export type PickPath = (kind: 'file' | 'folder', title?: string) => Promise<PickPathReply>;

interface Located {
  settings: DataSettings;
  baseDir?: string | undefined;
}

/**
 * The service's handlers for the data requests, to spread into its handler table. Inspecting,
 * importing and relocating read, parse and hash the user's files: `data` runs them off the
 * host's event loop (a worker thread), so a large CSV never freezes the window or the web host.
 */
export function dataHandlers(data: DataRunner, pickPath?: PickPath) {
  return {
    'data.inspect': async ({ settings, baseDir }: Located) => data.run('inspect', { settings, baseDir }),
    'data.import': async ({ settings, baseDir }: Located) => data.run('import', { settings, baseDir }),
    'data.relocate': async ({ settings, path, baseDir }: Located & { path: string }) => data.run('relocate', { settings, path, baseDir }),
    'dialog.pickPath': async ({ kind, title }: { kind: 'file' | 'folder'; title?: string | undefined }): Promise<PickPathReply> => {
      if (!pickPath)
        throw new Error('Choosing a file with a dialog is only in the desktop app. In the browser, type the path of the file or folder on this computer.');
      return pickPath(kind, title);
    },
  } as const;
}
