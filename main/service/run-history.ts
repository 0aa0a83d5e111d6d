import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { z } from 'zod';
import type { ProjectDoc } from '../../app/document/schema';
import { batchPointSchema, epochRecordSchema, type BatchPoint, type EpochRecord, type RunSummary } from '../../app/protocol/runs';
import { dynamicsViewSchema, type DynamicsView } from '../../app/protocol/views';
import { updateBest, type Best } from '../../app/training/best';
import { checkpointMeta, findCheckpoint, RUN_FILES } from '../record/layout';

/**
 * Reads a JSON-lines file the engine appends to. A kill can cut the last line short; any line that does
 * not parse is skipped rather than failing the whole history.
 */
export async function readJsonl<S extends z.ZodType>(path: string, schema: S): Promise<z.output<S>[]> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw e;
  }
  const out: z.output<S>[] = [];
  for (const line of text.split('\n')) {
    if (!line.trim()) continue;
    try {
      const parsed = schema.safeParse(JSON.parse(line));
      if (parsed.success) out.push(parsed.data);
    } catch {
      // a torn line
    }
  }
  return out;
}

export const readBatches = (runDir: string): Promise<BatchPoint[]> => readJsonl(join(runDir, RUN_FILES.batches), batchPointSchema);
export const readEpochs = (runDir: string): Promise<EpochRecord[]> => readJsonl(join(runDir, RUN_FILES.epochs), epochRecordSchema);

/** The training dynamics a run recorded, one entry per epoch; a later line for the same epoch replaces an earlier one. */
export async function readDynamics(runDir: string): Promise<DynamicsView[]> {
  const byEpoch = new Map<number, DynamicsView>();
  for (const d of await readJsonl(join(runDir, RUN_FILES.dynamics), dynamicsViewSchema)) byEpoch.set(d.epoch, d);
  return [...byEpoch.values()].sort((a, b) => a.epoch - b.epoch);
}

/** Which checkpoints a run left, recovering one a kill left mid-swap. */
export function weightsOnDisk(runDir: string): RunSummary['weights'] {
  return { last: findCheckpoint(runDir, 'last') !== null, best: findCheckpoint(runDir, 'best') !== null };
}

/** The best epoch of a history, by the rule the engine and the live run manager use. */
export function bestOf(doc: Pick<ProjectDoc, 'training'>, epochs: readonly EpochRecord[]): Best | null {
  return epochs.reduce<Best | null>((best, r) => updateBest(best, doc.training, r.epoch, r.logs), null);
}

async function mtime(path: string): Promise<number> {
  try {
    return (await stat(path)).mtimeMs;
  } catch {
    return 0;
  }
}

/**
 * A run whose host died has a run.json still saying 'running': rebuild what the host would have written at
 * the end from the engine's own files. A continued run's epochs count on from the run it continued.
 */
export async function interruptedSummary(run: RunSummary, runDir: string, doc: Pick<ProjectDoc, 'training'> | null): Promise<RunSummary> {
  const epochs = await readEpochs(runDir);
  const last = epochs.at(-1);
  const lastWrite = Math.max(await mtime(join(runDir, RUN_FILES.batches)), await mtime(join(runDir, RUN_FILES.epochs)));
  const started = Date.parse(run.startedAt);
  const wall = lastWrite > 0 && Number.isFinite(started) ? (lastWrite - started) / 1000 : epochs.reduce((s, r) => s + r.seconds, 0);
  const saved = checkpointMeta(runDir, 'last')?.epoch ?? 0;
  return {
    ...run,
    status: 'interrupted',
    epochsDone: Math.max(run.epochsDone, last?.epoch ?? 0, saved),
    final: last?.logs ?? run.final,
    best: (doc ? bestOf(doc, epochs) : null) ?? run.best,
    weights: weightsOnDisk(runDir),
    wallSeconds: Math.max(run.wallSeconds, wall),
    error: run.error ?? 'Interrupted: the app closed or crashed while this run was training.',
  };
}
