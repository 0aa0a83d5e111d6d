import { dialog, type BrowserWindow } from 'electron';
import { readFile } from 'node:fs/promises';
import { FILE_EXTENSION } from '../../app/document/schema';
import { writeFileAtomic } from '../service/files';
import type { FileDialogs } from '../service/service';

const filters = [{ name: 'LayerLab project', extensions: ['json'] }];

/** Native Open/Save dialogs; saving writes atomically. */
export function nativeDialogs(window: () => BrowserWindow | null): FileDialogs {
  return {
    async open() {
      const win = window();
      const options = { title: 'Open project', filters, properties: ['openFile' as const] };
      const result = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options);
      const path = result.filePaths[0];
      if (result.canceled || !path) return { canceled: true };
      return { canceled: false, path, text: await readFile(path, 'utf8') };
    },
    async save(text, suggestedName, path) {
      let target = path;
      if (!target) {
        const win = window();
        const name = suggestedName.endsWith(FILE_EXTENSION) ? suggestedName : `${suggestedName}${FILE_EXTENSION}`;
        const options = { title: 'Save project', defaultPath: name, filters };
        const result = win ? await dialog.showSaveDialog(win, options) : await dialog.showSaveDialog(options);
        if (result.canceled || !result.filePath) return { canceled: true };
        target = result.filePath;
      }
      await writeFileAtomic(target, text);
      return { canceled: false, path: target };
    },
    async pickPath(kind, title) {
      const win = window();
      const options = {
        title: title ?? (kind === 'folder' ? 'Choose a data folder' : 'Choose a data file'),
        properties: [kind === 'folder' ? ('openDirectory' as const) : ('openFile' as const)],
        ...(kind === 'file'
          ? {
              filters: [
                { name: 'Data', extensions: ['csv', 'tsv', 'txt'] },
                { name: 'All files', extensions: ['*'] },
              ],
            }
          : {}),
      };
      const result = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options);
      const path = result.filePaths[0];
      return result.canceled || !path ? { canceled: true } : { canceled: false, path };
    },
  };
}
