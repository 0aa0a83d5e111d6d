import { readFile, stat } from 'node:fs/promises';
import { FILE_EXTENSION } from '../../app/document/schema';
import type { Reply } from '../../app/protocol/requests';
import { writeFileAtomic } from '../service/files';
import type { FileDialogs } from '../service/service';
import type { FileGrants } from './file-grants';

const filters = [{ name: 'LayerLab project', extensions: ['json'] }];
/** Open also takes models made elsewhere, which are imported as new projects. */
const openFilters = [
  { name: 'LayerLab project or model', extensions: ['json', 'keras'] },
  { name: 'All files', extensions: ['*'] },
];

/**
 * A file Open imports instead of opening: a .keras archive, or JSON that is not a LayerLab project but a TF.js
 * model.json or a Keras model config. Anything else opens as a project and gets the project loader's message.
 */
export function isModelFile(path: string, text: string | null): boolean {
  if (/\.keras$/i.test(path)) return true;
  if (text === null) return false;
  try {
    const json = JSON.parse(text) as unknown;
    if (typeof json !== 'object' || json === null || Array.isArray(json)) return false;
    const o = json as Record<string, unknown>;
    return o.format !== 'layerlab' && ('modelTopology' in o || typeof o.class_name === 'string');
  } catch {
    return false;
  }
}

/** A project file larger than this is not a LayerLab project; refusing it keeps the window responsive. */
export const MAX_PROJECT_BYTES = 64 * 1024 * 1024;

interface OpenOptions {
  title: string;
  filters?: { name: string; extensions: string[] }[];
  properties: ('openFile' | 'openDirectory')[];
}
interface SaveOptions {
  title: string;
  defaultPath: string;
  filters: { name: string; extensions: string[] }[];
}

/** The two calls of Electron's `dialog` used here, with the parent window already applied. */
export interface DialogLike {
  showOpenDialog(options: OpenOptions): Promise<{ canceled: boolean; filePaths: string[] }>;
  showSaveDialog(options: SaveOptions): Promise<{ canceled: boolean; filePath?: string | undefined }>;
}

export interface DialogDeps {
  readonly dialog: DialogLike;
  readonly grants: FileGrants;
  /** The web contents id of the window asking; handles belong to it. */
  readonly owner: () => number | null;
  /** Told of every project file opened or saved, for the OS's recent documents. */
  readonly opened?: (path: string) => void;
}

/** Reads a project file the main process was given (dialog, OS, command line, recent list). */
export async function readProjectFile(path: string): Promise<string> {
  const info = await stat(path);
  if (!info.isFile()) throw new Error(`${path} is not a file.`);
  if (info.size > MAX_PROJECT_BYTES) throw new Error(`${path} is ${Math.round(info.size / 1048576)} MB; a LayerLab project is at most 64 MB.`);
  return readFile(path, 'utf8');
}

const ownerOf = (deps: DialogDeps) => {
  const id = deps.owner();
  if (id === null) throw new Error('The LayerLab window is closed.');
  return id;
};

/**
 * Native Open/Save dialogs. Saving writes atomically, and only to a path that came from a dialog
 * here: the renderer names the file by the handle it got back, never by a path.
 */
export function nativeDialogs(deps: DialogDeps): FileDialogs {
  const saveTo = async (text: string, path: string, owner: number): Promise<Reply<'project.save'>> => {
    await writeFileAtomic(path, text);
    deps.opened?.(path);
    return { canceled: false, path, handle: deps.grants.issue(path, owner) };
  };
  return {
    async open() {
      const owner = ownerOf(deps);
      const result = await deps.dialog.showOpenDialog({ title: 'Open project', filters: openFilters, properties: ['openFile'] });
      const path = result.filePaths[0];
      if (result.canceled || !path) return { canceled: true };
      if (isModelFile(path, null)) return { canceled: false, model: path };
      const text = await readProjectFile(path);
      if (isModelFile(path, text)) return { canceled: false, model: path };
      deps.opened?.(path);
      return { canceled: false, path, text, handle: deps.grants.issue(path, owner) };
    },
    async save(text, suggestedName, handle) {
      const owner = ownerOf(deps);
      const known = deps.grants.pathOf(handle, owner);
      if (known) return saveTo(text, known, owner);
      // No handle, or one this window was not given (a stale one restored from autosave): ask.
      const name = (suggestedName.replace(/[\\/]/g, '-') || 'Untitled').replace(/(\.layerlab)?(\.json)?$/, '') + FILE_EXTENSION;
      const result = await deps.dialog.showSaveDialog({ title: 'Save project', defaultPath: name, filters });
      if (result.canceled || !result.filePath) return { canceled: true };
      return saveTo(text, result.filePath, owner);
    },
    async pickPath(kind, title) {
      const result = await deps.dialog.showOpenDialog({
        title: title ?? (kind === 'folder' ? 'Choose a data folder' : 'Choose a data file'),
        properties: [kind === 'folder' ? 'openDirectory' : 'openFile'],
        ...(kind === 'file'
          ? {
              filters: [
                { name: 'Data', extensions: ['csv', 'tsv', 'txt'] },
                { name: 'All files', extensions: ['*'] },
              ],
            }
          : {}),
      });
      const path = result.filePaths[0];
      if (result.canceled || !path) return { canceled: true };
      deps.grants.grantRead(path);
      return { canceled: false, path };
    },
  };
}
