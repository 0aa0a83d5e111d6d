import { existsSync } from 'node:fs';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { PretrainedSource } from '../../app/transfer/sources';
import { findCheckpoint, MODEL_JSON } from '../record/layout';
import { UserError } from '../user-error';
import { ensureZooModel } from './zoo';

/** resources/models, found above this file whether it runs from main/ (sources) or dist/main (bundle). */
export function modelsDir(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    const candidate = join(dir, 'resources', 'models');
    if (existsSync(candidate)) return candidate;
    dir = dirname(dir);
  }
  throw new Error('resources/models was not found above the engine');
}

export interface LocateOptions {
  /** The folder of the project's runs (the current run's parent). */
  readonly runsDir?: string;
  /** Where zoo models are cached (the data folder's downloads). */
  readonly zooDir: string;
  readonly onProgress?: (p: { file: string; received: number; total: number | null }) => void;
}

/** The model.json of a source, downloading a zoo model first if it is not cached yet. */
export async function locateSource(source: PretrainedSource, opts: LocateOptions): Promise<string> {
  switch (source.kind) {
    case 'resource':
      return join(modelsDir(), source.id, 'model.json');
    case 'run': {
      if (!opts.runsDir) throw new UserError('A pretrained model from an earlier run needs a recorded run; train from the app or with a data folder.');
      const dir = findCheckpoint(join(opts.runsDir, source.runId), source.which);
      if (!dir)
        throw new UserError(`The earlier run ${source.runId} has no ${source.which} checkpoint (it may have been deleted, or stopped before its first epoch).`);
      return join(dir, MODEL_JSON);
    }
    case 'file': {
      if (!isAbsolute(source.path) || !source.path.endsWith('.json')) throw new UserError(`"${source.path}" is not an absolute path to a model.json.`);
      return resolve(source.path);
    }
    case 'zoo':
      return ensureZooModel(source.model, opts.zooDir, opts.onProgress ? { onProgress: opts.onProgress } : {});
  }
}
