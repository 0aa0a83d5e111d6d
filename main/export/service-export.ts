import type { z } from 'zod';
import type { REQUESTS, Reply } from '../../app/protocol/requests';
import type { RunStore } from '../service/run-store';
import { prepareExport } from './export-folder';

/** The service's `export.files`: the export prepared in memory, files base64-encoded for the UI to download. */
export function exportFilesHandler(root: string, store: RunStore) {
  return async ({ document, target, projectId, runId }: z.output<(typeof REQUESTS)['export.files']['payload']>): Promise<Reply<'export.files'>> => {
    if (runId && !projectId) throw new Error("Exporting a run's weights needs the project id.");
    const runsDir = runId && projectId ? store.runsDir(projectId) : undefined;
    const prepared = await prepareExport({
      doc: document,
      target,
      root,
      ...(runsDir && runId ? { runsDir, run: runId } : {}),
    });
    return {
      totalParams: prepared.totalParams,
      files: prepared.files.map((f) => ({
        path: f.path,
        base64: Buffer.from(typeof f.data === 'string' ? Buffer.from(f.data, 'utf8') : f.data).toString('base64'),
      })),
    };
  };
}
