import type * as tfjs from '@tensorflow/tfjs';
import type { EngineCommand } from '../../app/protocol/engine';
import type { PretrainedReply } from '../../app/protocol/pretrained';
import { downloadsDir, defaultDataDir } from '../data-dir';
import { locateSource } from '../transfer/locate';
import { loadModelFile } from '../transfer/read-model';
import { summarizeModel } from '../transfer/summarize';
import { zooCacheDir } from '../transfer/zoo';
import { UserError } from '../user-error';

/**
 * The inspector's "choose a source" in an engine process: locate (downloading a zoo model, reporting progress),
 * load with tfjs and list the layers. A model file is hostile input, so loading it never runs in a host.
 */
export async function inspectPretrained(
  tf: typeof tfjs,
  cmd: Extract<EngineCommand, { type: 'pretrained' }>,
  send: (r: PretrainedReply) => void,
): Promise<void> {
  try {
    const path = await locateSource(cmd.source, {
      zooDir: zooCacheDir(cmd.cacheDir ?? downloadsDir(defaultDataDir())),
      ...(cmd.runsDir ? { runsDir: cmd.runsDir } : {}),
      onProgress: (p) => send({ type: 'pretrained.progress', ...p }),
    });
    const model = await loadModelFile(tf, path);
    send({ type: 'pretrained.done', summary: summarizeModel(model) });
  } catch (e) {
    const message = e instanceof UserError ? e.message : `The model could not be read: ${(e as Error).message}`;
    send({ type: 'pretrained.failed', message });
  }
}
