import { join } from 'node:path';
import { grantsFileSchema, type GrantsFile } from './file-grants';
import { readJsonFile, writeJsonFile } from './json-file';
import { recentFileSchema } from './recent';
import { windowStateSchema, type WindowState } from './window-state';

/** The shell's own small state in userData, each file validated on read and written atomically. */
export function stateFiles(userData: string) {
  const at = (name: string) => join(userData, name);
  return {
    windowState: () => readJsonFile(at('window-state.json'), windowStateSchema),
    saveWindowState: (s: WindowState) => writeJsonFile(at('window-state.json'), s),
    grants: (): GrantsFile | null => readJsonFile(at('file-grants.json'), grantsFileSchema),
    saveGrants: (g: GrantsFile) => writeJsonFile(at('file-grants.json'), g),
    recent: (): string[] => readJsonFile(at('recent.json'), recentFileSchema)?.files ?? [],
    saveRecent: (files: readonly string[]) => writeJsonFile(at('recent.json'), { files }),
  };
}
