import type * as tfjs from '@tensorflow/tfjs';
import { randomUUID } from 'node:crypto';
import type { ProjectDoc } from '../../app/document/schema';
import { saveCheckpoint } from '../record/checkpoint';
import { fingerprint, type RunStore } from '../service/run-store';

/**
 * Files the imported weights as a finished run of the new project, named and noted as imported: its checkpoint is
 * what evaluate, the playground, export and "continue training" read, so the model works at once. Epoch 0: the
 * weights have seen no epoch in LayerLab. A failure leaves no half-made run.
 */
export async function recordImportedRun(store: RunStore, doc: ProjectDoc, model: tfjs.LayersModel, fileName: string): Promise<string> {
  const projectId = doc.id;
  if (!projectId) throw new Error('An imported project has an id before its weights are recorded.');
  const runId = randomUUID();
  const dir = store.create(projectId, doc, { runId, epochs: 1, dataset: doc.data.dataset, fingerprint: fingerprint(doc.data), continuedFrom: null });
  try {
    await saveCheckpoint(model, dir, 'last', 0);
    await store.finish(projectId, runId, { status: 'completed' });
    await store.update(projectId, runId, {
      name: `Imported weights · ${fileName.slice(0, 80)}`,
      notes: `Weights imported from ${fileName.slice(0, 200)}, not trained in LayerLab. Choose the data in the Data panel, then evaluate, try it, or continue training from this run.`,
    });
    return runId;
  } catch (e) {
    store.discard(projectId, runId);
    throw e;
  }
}
