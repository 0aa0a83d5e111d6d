import type { ExportTarget } from '../../../app/export/target';
import { errorText, say } from '../actions/notify';
import { useProjectStore } from '../store/project';
import { transport } from '../transport';
import { zip } from './zip';

export const TARGET_LABELS: Record<ExportTarget, string> = { pytorch: 'PyTorch', keras: 'Keras 3', tfjs: 'TF.js' };

function fromBase64(text: string): Uint8Array {
  const raw = atob(text);
  const out = new Uint8Array(raw.length);
  for (let i = 0; i < raw.length; i++) out[i] = raw.charCodeAt(i);
  return out;
}

/** Hands bytes to the browser (or Electron's window) as a download; the host never writes anything. */
function download(bytes: Uint8Array, name: string): void {
  const url = URL.createObjectURL(new Blob([bytes as BlobPart], { type: 'application/zip' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Asks the host for the project as code (and the latest run's weights), then downloads it as one zip. */
export async function exportProjectAs(target: ExportTarget, withWeights: boolean): Promise<void> {
  const doc = useProjectStore.getState().doc;
  try {
    const reply = await transport().request('export.files', {
      document: doc,
      target,
      ...(doc.id ? { projectId: doc.id } : {}),
      ...(withWeights ? { runId: 'last' as const } : {}),
    });
    const folder = `${(doc.name.replace(/[^A-Za-z0-9_-]+/g, '-').replace(/^-|-$/g, '') || 'model').toLowerCase()}-${target}`;
    download(zip(reply.files.map((f) => ({ path: `${folder}/${f.path}`, data: fromBase64(f.base64) }))), `${folder}.zip`);
    say('info', `Exported to ${TARGET_LABELS[target]}`, [`${folder}.zip: ${reply.files.map((f) => f.path).join(', ')}.`]);
  } catch (e) {
    say('error', `Could not export to ${TARGET_LABELS[target]}`, errorText(e).split('\n'));
  }
}
