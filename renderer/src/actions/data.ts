import type { DataSettings } from '../../../app/data/catalog';
import type { DataSource } from '../../../app/data/source';
import { transport } from '../transport';
import { useDataDraft } from '../store/dataDraft';
import { useProjectStore } from '../store/project';
import { errorText } from './notify';

/** Relative data paths are relative to the project file's folder, when the project has one on disk. */
export function baseDir(): string | undefined {
  const file = useProjectStore.getState().filePath;
  if (!file || !/^(\/|[A-Za-z]:[\\/])/.test(file)) return undefined;
  return file.replace(/[\\/][^\\/]*$/, '') || '/';
}

/** The document's data settings with the draft's source: what inspect and import read. */
export function draftSettings(source: DataSource = useDataDraft.getState().source): DataSettings {
  const { fingerprint: _omit, ...data } = useProjectStore.getState().doc.data;
  return { ...data, source };
}

const withBase = () => {
  const dir = baseDir();
  return dir ? { baseDir: dir } : {};
};

let sequence = 0;

/** Inspects the draft; a reply for an older draft is dropped. Adopts the detected columns and classes. */
export async function inspectDraft(): Promise<void> {
  const id = ++sequence;
  const settings = draftSettings();
  useDataDraft.setState({ inspecting: true, inspectError: null });
  try {
    const reply = await transport().request('data.inspect', { settings, ...withBase() });
    if (id !== sequence) return;
    useDataDraft.setState({ reply, inspecting: false, ...(reply.settings.source ? { source: reply.settings.source } : {}) });
  } catch (e) {
    if (id !== sequence) return;
    useDataDraft.setState({ inspecting: false, inspectError: errorText(e) });
  }
}

/** Forgets any inspection in flight (the path was cleared or the dataset changed). */
export function cancelInspect(): void {
  sequence++;
  useDataDraft.setState({ inspecting: false, reply: null, inspectError: null });
}

/** Imports the draft. Success replaces the project's data settings in one undoable step; failure changes nothing. */
export async function importDraft(): Promise<void> {
  const settings = draftSettings();
  useDataDraft.setState({ importing: true, importError: null, message: null });
  try {
    const reply = await transport().request('data.import', { settings, ...withBase() });
    const { summary } = reply;
    useProjectStore.getState().run({ type: 'importData', settings: reply.settings, label: 'Import data' });
    const warnings = reply.problems.length ? ` ${reply.problems.length} warning${reply.problems.length > 1 ? 's' : ''}: ${reply.problems[0]!.message}` : '';
    useDataDraft.setState({
      importing: false,
      message: `Imported ${summary.examples.toLocaleString()} examples: ${summary.task}, ${summary.inputs}.${warnings}`,
    });
  } catch (e) {
    useDataDraft.setState({ importing: false, importError: errorText(e) });
  }
}

/** Points the project at the data's new place (one undoable step). */
export async function relocateData(path: string): Promise<void> {
  const { data } = useProjectStore.getState().doc;
  try {
    const reply = await transport().request('data.relocate', { settings: data, path, ...withBase() });
    useProjectStore.getState().run({ type: 'importData', settings: reply.settings, label: 'Relocate data' });
    useDataDraft.setState({ message: reply.message, importError: null });
  } catch (e) {
    useDataDraft.setState({ importError: errorText(e) });
  }
}

/** Desktop only: the native file or folder dialog. Null when cancelled or not available. */
export async function pickPath(kind: 'file' | 'folder'): Promise<string | null> {
  try {
    const reply = await transport().request('dialog.pickPath', { kind, title: kind === 'folder' ? 'Choose the data folder' : 'Choose the data file' });
    return reply.canceled ? null : reply.path;
  } catch (e) {
    useDataDraft.setState({ importError: errorText(e) });
    return null;
  }
}
