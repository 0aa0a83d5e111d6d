import { seededRandom } from '../../../app/data/synthetic';
import { mapLimit } from '../../data/pool';
import { allocate, moveSlot, type BatchBuffers, type ExampleSource } from './source';
import type { PipelineStats } from './stats';

export interface Batch extends BatchBuffers {
  readonly size: number;
}

export interface BatchOptions {
  readonly batchSize: number;
  /** Shuffle the order each epoch (training), from `seed` and the epoch. */
  readonly shuffle: boolean;
  readonly seed: number;
  readonly epoch: number;
  /** Random augmentation of each example (training only). */
  readonly augment: boolean;
  /** Batches read ahead while the model trains on the current one. */
  readonly prefetch: number;
  /** Examples decoded at once within a batch. */
  readonly concurrency: number;
  readonly stats?: PipelineStats;
  /** A skipped example (a corrupt file): the run's log should say so. */
  readonly onSkip?: (message: string) => void;
}

function epochOrder(indices: Uint32Array, shuffle: boolean, seed: number, epoch: number): Uint32Array {
  const order = Uint32Array.from(indices);
  if (!shuffle) return order;
  const rand = seededRandom((seed * 1_000_003 + epoch * 7919) >>> 0);
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    const t = order[i]!;
    order[i] = order[j]!;
    order[j] = t;
  }
  return order;
}

async function readBatch(source: ExampleSource, ids: Uint32Array, o: BatchOptions): Promise<Batch> {
  const started = performance.now();
  const buffers = allocate(source, ids.length);
  const rand = o.augment ? seededRandom((o.seed ^ (o.epoch * 2_654_435_761) ^ ids[0]!) >>> 0) : null;
  const failures = await mapLimit(Array.from(ids), o.concurrency, (index, slot) => source.read(index, buffers, slot, rand));
  let size = 0;
  failures.forEach((failure, slot) => {
    if (failure) return o.onSkip?.(failure);
    if (slot !== size) moveSlot(source, buffers, slot, size);
    size++;
  });
  o.stats?.decoded(performance.now() - started, ids.length - size);
  return { ...buffers, size };
}

/**
 * One epoch of batches over `indices`, read lazily: at most `prefetch` batches are being read
 * while the consumer holds the current one, so memory is bounded by a few batches however
 * large the dataset. An error reading a batch (a vanished file) ends the stream with that error.
 */
export async function* batchStream(source: ExampleSource, indices: Uint32Array, o: BatchOptions): AsyncGenerator<Batch> {
  const order = epochOrder(indices, o.shuffle, o.seed, o.epoch);
  const starts: number[] = [];
  for (let i = 0; i < order.length; i += o.batchSize) starts.push(i);
  const queue: Promise<Batch>[] = [];
  let next = 0;
  const fill = () => {
    while (queue.length < Math.max(1, o.prefetch) && next < starts.length) {
      const from = starts[next++]!;
      const p = readBatch(source, order.subarray(from, Math.min(order.length, from + o.batchSize)), o);
      // Failures surface when the batch is awaited; until then keep Node from reporting them as unhandled.
      p.catch(() => undefined);
      queue.push(p);
    }
  };
  try {
    while (true) {
      const asked = performance.now();
      o.stats?.asked(asked);
      fill();
      const pending = queue.shift();
      if (!pending) return;
      const batch = await pending;
      fill();
      if (batch.size === 0) continue;
      o.stats?.handed(asked, batch.size);
      yield batch;
    }
  } finally {
    // The consumer stopped early: let in-flight reads finish quietly.
    queue.length = 0;
  }
}
