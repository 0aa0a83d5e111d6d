import type * as tfjs from '@tensorflow/tfjs';
import { randomBytes } from 'node:crypto';
import { appendFileSync, closeSync, existsSync, fstatSync, mkdirSync, openSync, readSync } from 'node:fs';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { BatchPoint, EpochRecord, SampleImage } from '../../app/protocol/runs';
import type { DynamicsView } from '../../app/protocol/views';
import { saveCheckpoint, saveCheckpointArtifacts } from './checkpoint';
import { RUN_FILES, type CheckpointKind } from './layout';

export { loadCheckpoint, readCheckpoint, type LoadOptions } from './checkpoint';
export { checkpointMeta, findCheckpoint, RUN_FILES, type CheckpointKind } from './layout';

/** What the engine writes into a run's folder while it trains. */
export interface Recorder {
  /** Appends to batches.jsonl synchronously, in one write, so a kill loses at most the points not yet flushed. */
  batches(points: readonly BatchPoint[]): void;
  /** Appends to epochs.jsonl synchronously. */
  epoch(record: EpochRecord): void;
  /** Appends one epoch's training dynamics to dynamics.jsonl synchronously, its numbers to 4 significant digits. */
  dynamics(view: DynamicsView): void;
  /**
   * Writes weights/<which> in tfjs's layers format, swapped in atomically. `epoch` (the epochs the weights
   * have seen) defaults to the last one passed to epoch(); a continued run resumes from it.
   */
  checkpoint(model: tfjs.LayersModel, which: CheckpointKind, epoch?: number): Promise<void>;
  /** The same from a model's artifacts, for weights that were saved in another process (the browser's compute worker). */
  checkpointArtifacts(artifacts: tfjs.io.ModelArtifacts, which: CheckpointKind, epoch?: number): Promise<void>;
  /** Writes samples/epoch-<NNN>-<kind>-<i>.png from the images' data URLs. */
  samples(epoch: number, kind: string, images: readonly SampleImage[]): Promise<void>;
}

const NO_RECORDER: Recorder = {
  batches: () => undefined,
  epoch: () => undefined,
  dynamics: () => undefined,
  checkpoint: () => Promise.resolve(),
  checkpointArtifacts: () => Promise.resolve(),
  samples: () => Promise.resolve(),
};

const PNG_PREFIX = 'data:image/png;base64,';

/**
 * Four significant digits are more than a chart or a table can show; a gradient norm of 3e-9 keeps its
 * exponent. Counts (integers) pass unchanged. This keeps a deep model's epoch to a few kilobytes.
 */
const compact = (_key: string, v: unknown): unknown => (typeof v === 'number' && !Number.isInteger(v) ? Number(v.toPrecision(4)) : v);

/** A file a kill cut mid-line gets a newline first, so the torn line stays the only bad one. */
function endWithNewline(path: string): void {
  if (!existsSync(path)) return;
  const fd = openSync(path, 'r');
  try {
    const size = fstatSync(fd).size;
    if (size === 0) return;
    const last = Buffer.alloc(1);
    readSync(fd, last, 0, 1, size - 1);
    if (last[0] !== 0x0a) appendFileSync(path, '\n');
  } finally {
    closeSync(fd);
  }
}

class FolderRecorder implements Recorder {
  private lastEpoch = 0;
  private readonly batchFile: string;
  private readonly epochFile: string;
  private readonly dynamicsFile: string;

  constructor(private readonly dir: string) {
    mkdirSync(dir, { recursive: true });
    this.batchFile = join(dir, RUN_FILES.batches);
    this.epochFile = join(dir, RUN_FILES.epochs);
    this.dynamicsFile = join(dir, RUN_FILES.dynamics);
    endWithNewline(this.batchFile);
    endWithNewline(this.epochFile);
    endWithNewline(this.dynamicsFile);
  }

  batches(points: readonly BatchPoint[]): void {
    if (points.length === 0) return;
    appendFileSync(this.batchFile, points.map((p) => `${JSON.stringify(p)}\n`).join(''));
  }

  epoch(record: EpochRecord): void {
    appendFileSync(this.epochFile, `${JSON.stringify(record)}\n`);
    this.lastEpoch = Math.max(this.lastEpoch, record.epoch);
  }

  dynamics(view: DynamicsView): void {
    appendFileSync(this.dynamicsFile, `${JSON.stringify(view, compact)}\n`);
  }

  checkpoint(model: tfjs.LayersModel, which: CheckpointKind, epoch = this.lastEpoch): Promise<void> {
    return saveCheckpoint(model, this.dir, which, epoch);
  }

  checkpointArtifacts(artifacts: tfjs.io.ModelArtifacts, which: CheckpointKind, epoch = this.lastEpoch): Promise<void> {
    return saveCheckpointArtifacts(artifacts, this.dir, which, epoch);
  }

  async samples(epoch: number, kind: string, images: readonly SampleImage[]): Promise<void> {
    // The kind becomes part of a file name: only plain words may.
    if (!/^[a-z0-9-]{1,40}$/.test(kind)) throw new Error(`Sample kind "${kind}" is not a plain name`);
    const folder = join(this.dir, RUN_FILES.samples);
    await mkdir(folder, { recursive: true });
    const stem = `epoch-${String(epoch).padStart(3, '0')}-${kind}`;
    await Promise.all(
      images.map(async (image, i) => {
        if (!image.png.startsWith(PNG_PREFIX)) throw new Error('A sample image is not a PNG data URL');
        const path = join(folder, `${stem}-${i}.png`);
        const temp = `${path}.${randomBytes(4).toString('hex')}.tmp`;
        try {
          await writeFile(temp, Buffer.from(image.png.slice(PNG_PREFIX.length), 'base64'));
          await rename(temp, path);
        } catch (e) {
          await rm(temp, { force: true });
          throw e;
        }
      }),
    );
  }
}

/** The recorder for a run folder, or one that records nothing when there is none (tests, quick runs). */
export function openRecorder(runDir: string | undefined): Recorder {
  return runDir ? new FolderRecorder(runDir) : NO_RECORDER;
}
