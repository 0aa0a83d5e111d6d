import { loadProjectText, serializeProject } from '../../../app/document/load';
import { reportLines, type ImportReport } from '../../../app/import/report';
import { emptyProject, FILE_EXTENSION } from '../../../app/document/schema';
import { isElectron, transport } from '../transport';
import { selectDirty, useProjectStore } from '../store/project';
import { PROJECT_ID } from '../store/projectId';
import { useSession } from '../store/session';
import { askConfirm } from '../store/confirm';
import { MOD } from '../ui/platform';

const errorText = (e: unknown) => (e instanceof Error ? e.message : String(e));

/**
 * Desktop: the handle the main process issued for each file it opened or saved for this window.
 * Save names the file by its handle; the main process writes only where a dialog pointed it.
 */
const handles = new Map<string, string>();

/** Native dialogs on the desktop; download and upload in a browser. */
export function fileMode(): 'native' | 'browser' {
  return useSession.getState().info?.files ?? (isElectron() ? 'native' : 'browser');
}

/** Asks before throwing away unsaved edits, and only when there are some. */
export async function confirmDiscard(action: string): Promise<boolean> {
  if (!selectDirty(useProjectStore.getState())) return true;
  return askConfirm({
    title: `${action}?`,
    message: `Your unsaved changes to "${useProjectStore.getState().doc.name}" will be lost. Save first (${MOD}+S) to keep them.`,
    confirm: 'Discard changes',
    danger: true,
  });
}

/** Loads a project's text; on failure the current project stays and the error is shown. */
export function openText(text: string, source: string, filePath: string | null = null, fresh = false): boolean {
  const session = useSession.getState();
  const result = loadProjectText(text);
  if (!result.ok) {
    session.notify({ kind: 'load-error', tone: 'error', title: `Could not open ${source}`, lines: [result.error] });
    return false;
  }
  session.dismissKind('load-error');
  session.dismissKind('load-warnings');
  // A repaired document differs from the file: it stays dirty until saved. So does a file without
  // a project id (saved before projects had one): it gets one now, and until that is saved its
  // runs would be filed under an id the file does not know.
  // A template is a fresh start, not a file: nothing in it is the user's to lose until they edit it.
  const hasId = fresh || (result.doc.id !== undefined && PROJECT_ID.test(result.doc.id));
  useProjectStore.getState().loadDocument(result.doc, { filePath, saved: result.warnings.length === 0 && hasId });
  if (result.warnings.length > 0) {
    session.notify({ kind: 'load-warnings', tone: 'warning', title: `Opened ${source} with repairs`, lines: result.warnings });
  }
  return true;
}

export async function newProject(): Promise<void> {
  if (!(await confirmDiscard('Start a new project'))) return;
  useSession.getState().dismissKind('load-error');
  useProjectStore.getState().loadDocument(emptyProject(), { saved: true });
}

/** Browser mode: the hidden file input picks the file; see `openFileInput`. */
export async function openProject(): Promise<void> {
  if (fileMode() === 'browser') {
    document.querySelector<HTMLInputElement>('[data-testid="open-file-input"]')?.click();
    return;
  }
  if (!(await confirmDiscard('Open another project'))) return;
  try {
    const reply = await transport().request('project.open', {});
    if (reply.canceled) return;
    if (reply.imported) openImported(reply.text, reply.imported);
    else if (openText(reply.text, fileName(reply.path), reply.path) && reply.handle) handles.set(reply.path, reply.handle);
  } catch (e) {
    useSession.getState().notify({ kind: 'load-error', tone: 'error', title: 'Could not open the project', lines: [errorText(e)] });
  }
}

/**
 * Browser mode: the files chosen in Open. A LayerLab project opens; a model (a .keras archive, a TF.js model.json
 * chosen with its weight shards, a Keras model JSON) is sent to the host, which imports it as a new project.
 */
export async function openFiles(files: readonly File[]): Promise<void> {
  const main = files.find((f) => /\.keras$/i.test(f.name)) ?? files.find((f) => /\.json$/i.test(f.name)) ?? files[0];
  if (!main) return;
  if (!(await confirmDiscard('Open another project'))) return;
  try {
    if (/\.keras$/i.test(main.name) || looksLikeModel(await main.text())) {
      const rest = files.filter((f) => f !== main);
      const payload = await Promise.all([main, ...rest].map(async (f) => ({ name: f.name, base64: await base64(f) })));
      const reply = await transport().request('model.import', { files: payload });
      openImported(reply.text, reply.report);
      return;
    }
    openText(await main.text(), `"${main.name}"`);
  } catch (e) {
    useSession.getState().notify({ kind: 'load-error', tone: 'error', title: `Could not open "${main.name}"`, lines: [errorText(e)] });
  }
}

/** JSON that is not a LayerLab project but a TF.js model.json or a Keras model config. */
function looksLikeModel(text: string): boolean {
  try {
    const json = JSON.parse(text) as unknown;
    if (typeof json !== 'object' || json === null || Array.isArray(json)) return false;
    const o = json as Record<string, unknown>;
    return o.format !== 'layerlab' && ('modelTopology' in o || typeof o.class_name === 'string');
  } catch {
    return false;
  }
}

async function base64(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  // In slices: String.fromCharCode takes its bytes as arguments, and a shard of megabytes would overflow the stack.
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** An imported model: a new, unsaved project (saving asks where), and what the import did. */
function openImported(text: string, report: ImportReport): void {
  const session = useSession.getState();
  const result = loadProjectText(text);
  if (!result.ok) {
    session.notify({ kind: 'load-error', tone: 'error', title: `Could not open the model imported from ${report.file}`, lines: [result.error] });
    return;
  }
  session.dismissKind('load-error');
  session.dismissKind('load-warnings');
  useProjectStore.getState().loadDocument(result.doc, { filePath: null, saved: false });
  const partial = report.gaps.length > 0 || report.warnings.length > 0;
  session.notify({ kind: 'load-warnings', tone: partial ? 'warning' : 'info', title: `Imported ${report.file}`, lines: reportLines(report) });
}

const fileName = (path: string) => `"${path.split(/[\\/]/).pop() ?? path}"`;

/** Desktop: a file the OS, a second launch or Open Recent asked this window to open. */
export async function openFromShell(path: string, text: string, handle: string): Promise<void> {
  if (!(await confirmDiscard('Open another project'))) return;
  if (openText(text, fileName(path), path)) handles.set(path, handle);
}

export function suggestedName(name: string): string {
  const safe = name.trim().replace(/[\\/:*?"<>|]+/g, '-') || 'Untitled';
  return `${safe}${FILE_EXTENSION}`;
}

export async function saveProject(saveAs = false): Promise<void> {
  const { doc, filePath } = useProjectStore.getState();
  const text = serializeProject(doc);
  if (fileMode() === 'browser') {
    download(text, suggestedName(doc.name));
    useProjectStore.getState().markSaved();
    return;
  }
  try {
    // No handle (a new project, Save As, or a path restored after a relaunch): the main process asks where.
    const handle = saveAs || !filePath ? undefined : handles.get(filePath);
    const reply = await transport().request('project.save', { text, suggestedName: suggestedName(doc.name), ...(handle ? { handle } : {}) });
    // Mark the saved snapshot, not the current one: edits made while the dialog was open stay dirty.
    if (!reply.canceled) {
      handles.set(reply.path, reply.handle);
      useProjectStore.setState({ savedDoc: doc, filePath: reply.path });
    }
  } catch (e) {
    useSession.getState().notify({ kind: 'message', tone: 'error', title: 'Could not save the project', lines: [errorText(e)] });
  }
}

function download(text: string, name: string) {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/**
 * Opens a template. It is fetched first and `fetched` called once it is here (the gallery closes
 * then, not before): a window closed before the template arrived let a person edit the old project
 * for a moment, and the template then replaced what they had typed.
 */
export async function loadTemplate(id: string, name: string, fetched?: () => void): Promise<void> {
  let text: string;
  try {
    text = (await transport().request('templates.get', { id })).text;
  } catch (e) {
    useSession.getState().notify({ kind: 'load-error', tone: 'error', title: `Could not load the template "${name}"`, lines: [errorText(e)] });
    return;
  } finally {
    fetched?.();
  }
  if (!(await confirmDiscard(`Open the template "${name}"`))) return;
  openText(text, `the template "${name}"`, null, true);
}
