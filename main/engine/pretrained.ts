import type { ProjectDoc } from '../../app/document/schema';
import { providePretrained, hasPretrained } from '../../app/layers/tfjs/pretrained';
import type { Tf } from '../../app/layers/types';
import { documentSources } from '../../app/transfer/plan';
import type { PretrainedSource } from '../../app/transfer/sources';
import { downloadCache } from './datasets/cache';
import { locateSource } from '../transfer/locate';
import { loadModelFile } from '../transfer/read-model';
import { dirname } from 'node:path';
import { zooCacheDir } from '../transfer/zoo';

/** Where a pretrained source's model.json is on this machine, downloading a zoo model first. */
export function sourcePath(source: PretrainedSource, runDir?: string): Promise<string> {
  const { dir, opts } = downloadCache();
  return locateSource(source, {
    zooDir: zooCacheDir(dir),
    ...(runDir ? { runsDir: dirname(runDir) } : {}),
    ...(opts.onProgress ? { onProgress: opts.onProgress } : {}),
  });
}

/** Loads every pretrained source the document names, so that building the model (synchronous) finds them. */
export async function loadPretrainedSources(tf: Tf, doc: ProjectDoc, runDir?: string): Promise<void> {
  for (const { source } of documentSources(doc)) {
    if (hasPretrained(source)) continue;
    providePretrained(source, await loadModelFile(tf, await sourcePath(source, runDir)));
  }
}
