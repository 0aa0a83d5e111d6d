import type { ProjectDoc } from '../../app/document/schema';
import { providePretrained, hasPretrained } from '../../app/layers/tfjs/pretrained';
import type { Tf } from '../../app/layers/types';
import { documentSources } from '../../app/transfer/plan';
import { downloadCache } from './datasets/cache';
import { locateSource } from '../transfer/locate';
import { loadModelFile } from '../transfer/read-model';
import { dirname } from 'node:path';
import { zooCacheDir } from '../transfer/zoo';

/** Loads every pretrained source the document names, so that building the model (synchronous) finds them. */
export async function loadPretrainedSources(tf: Tf, doc: ProjectDoc, runDir?: string): Promise<void> {
  const { dir, opts } = downloadCache();
  for (const { source } of documentSources(doc)) {
    if (hasPretrained(source)) continue;
    const path = await locateSource(source, {
      zooDir: zooCacheDir(dir),
      ...(runDir ? { runsDir: dirname(runDir) } : {}),
      ...(opts.onProgress ? { onProgress: opts.onProgress } : {}),
    });
    providePretrained(source, await loadModelFile(tf, path));
  }
}
