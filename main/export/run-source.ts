import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { loadProject } from '../../app/document/load';
import type { ProjectDoc } from '../../app/document/schema';
import { findCheckpoint, RUN_FILES } from '../record/layout';

export interface RunSource {
  readonly runId: string;
  /** The graph as that run trained it (its snapshot), which its weights fit. */
  readonly doc: ProjectDoc;
  /** The checkpoint folder (model.json + weights.bin) of its latest weights. */
  readonly checkpoint: string;
}

/** A run of the project in `runsDir`: by id, or `last` for the most recently started one that has weights. */
export function findRun(runsDir: string, run: string): RunSource {
  if (run !== 'last' && !/^[A-Za-z0-9_-]{1,64}$/.test(run)) throw new Error(`"${run}" is not a run id.`);
  const ids = existsSync(runsDir) ? readdirSync(runsDir).filter((n) => existsSync(join(runsDir, n, RUN_FILES.snapshot))) : [];
  const candidates =
    run === 'last'
      ? ids.sort((a, b) => statSync(join(runsDir, b, RUN_FILES.snapshot)).mtimeMs - statSync(join(runsDir, a, RUN_FILES.snapshot)).mtimeMs)
      : ids.filter((i) => i === run);
  if (candidates.length === 0) throw new Error(run === 'last' ? 'This project has no runs yet: train it first.' : `There is no run ${run} in this project.`);
  for (const runId of candidates) {
    const dir = join(runsDir, runId);
    const checkpoint = findCheckpoint(dir, 'last');
    if (!checkpoint) {
      if (run === 'last') continue;
      throw new Error(`Run ${runId} saved no weights (it stopped before its first epoch ended).`);
    }
    const loaded = loadProject(JSON.parse(readFileSync(join(dir, RUN_FILES.snapshot), 'utf8')));
    if (!loaded.ok) throw new Error(`Run ${runId}'s snapshot does not open: ${loaded.error}`);
    return { runId, doc: loaded.doc, checkpoint };
  }
  throw new Error('No run of this project has saved weights yet.');
}
