import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The files of one run folder. The engine writes the history and weights, the service writes run.json and
 * snapshot.json; both sides import these names so they cannot drift apart.
 */
export const RUN_FILES = {
  summary: 'run.json',
  snapshot: 'snapshot.json',
  batches: 'batches.jsonl',
  epochs: 'epochs.jsonl',
  dynamics: 'dynamics.jsonl',
  weights: 'weights',
  samples: 'samples',
} as const;

export type CheckpointKind = 'last' | 'best';
export const MODEL_JSON = 'model.json';
export const WEIGHTS_BIN = 'weights.bin';

/** Where a finished checkpoint lives: weights/last or weights/best. */
export function checkpointDir(runDir: string, which: CheckpointKind): string {
  return join(runDir, RUN_FILES.weights, which);
}

/** Prefixes of the folders a checkpoint passes through while it is swapped in (see saveCheckpoint). */
export const tempPrefix = (which: CheckpointKind) => `.${which}.tmp-`;
export const oldPrefix = (which: CheckpointKind) => `.${which}.old-`;

/** model.json is written after weights.bin, so its presence marks a folder as complete. */
function complete(dir: string): boolean {
  return existsSync(join(dir, MODEL_JSON)) && existsSync(join(dir, WEIGHTS_BIN));
}

/**
 * The folder holding the newest complete checkpoint, or null. A directory cannot be renamed over a
 * non-empty one, so a swap is two renames; a kill between them leaves no `last` but a complete new
 * (temp) or previous (old) folder beside it, and this finds it.
 */
export function findCheckpoint(runDir: string, which: CheckpointKind): string | null {
  const main = checkpointDir(runDir, which);
  if (complete(main)) return main;
  const root = join(runDir, RUN_FILES.weights);
  let names: string[];
  try {
    names = readdirSync(root);
  } catch {
    return null;
  }
  const byAge = (prefix: string) =>
    names
      .filter((n) => n.startsWith(prefix) && complete(join(root, n)))
      .map((n) => ({ dir: join(root, n), time: statSync(join(root, n, MODEL_JSON)).mtimeMs }))
      .sort((a, b) => b.time - a.time)[0]?.dir ?? null;
  return byAge(tempPrefix(which)) ?? byAge(oldPrefix(which));
}

/** LayerLab's own entry in model.json (tfjs ignores unknown keys): which epoch the weights are from. */
export interface CheckpointMeta {
  readonly epoch: number;
  readonly savedAt: string;
}

export function checkpointMeta(runDir: string, which: CheckpointKind): CheckpointMeta | null {
  const dir = findCheckpoint(runDir, which);
  if (!dir) return null;
  try {
    const meta = (JSON.parse(readFileSync(join(dir, MODEL_JSON), 'utf8')) as { layerlab?: Partial<CheckpointMeta> }).layerlab;
    return typeof meta?.epoch === 'number' ? { epoch: meta.epoch, savedAt: typeof meta.savedAt === 'string' ? meta.savedAt : '' } : null;
  } catch {
    return null;
  }
}
