import type { ProjectDoc } from '../../../app/document/schema';
import { hasPretrained, providePretrained } from '../../../app/layers/tfjs/pretrained';
import type { Tf } from '../../../app/layers/types';
import { documentSources } from '../../../app/transfer/plan';
import type { WireArtifacts } from './messages';
import { computePeer } from './peer';

/**
 * pretrained.ts in the browser's compute worker (scripts/build.mjs swaps it in): the source's files are on
 * the host machine, so the engine process reads (or downloads) them and sends the artifacts over.
 */
export async function loadPretrainedSources(tf: Tf, doc: ProjectDoc, _runDir?: string): Promise<void> {
  const sources = documentSources(doc);
  for (let index = 0; index < sources.length; index++) {
    const { source } = sources[index]!;
    if (hasPretrained(source)) continue;
    const artifacts = (await computePeer().ask({ what: 'pretrained', index })) as WireArtifacts;
    providePretrained(source, await tf.loadLayersModel(tf.io.fromMemory(artifacts)));
  }
}
