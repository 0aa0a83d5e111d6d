import { existsSync } from 'node:fs';
import { sep } from 'node:path';
import { Worker } from 'node:worker_threads';
import { fromWire } from '../data/job-errors';
import type { DataJobKind, DataJobs } from '../data/jobs';
import type { JobAnswer, JobRequest } from '../data/worker-protocol';
import { UserError } from '../user-error';

/** Runs a data job somewhere other than the caller's event loop. */
export interface DataRunner {
  run<K extends DataJobKind>(kind: K, payload: DataJobs[K]['payload']): Promise<DataJobs[K]['reply']>;
  close(): Promise<void>;
}

interface Pending {
  readonly kind: DataJobKind;
  readonly resolve: (reply: DataJobs[DataJobKind]['reply']) => void;
  readonly reject: (e: Error) => void;
}

const DOING: Record<DataJobKind, string> = { inspect: 'inspecting', import: 'importing', relocate: 'checking' };

/** A packaged app keeps its bundles in app.asar; worker threads load from the unpacked copy beside it. */
function outsideAsar(script: string): string {
  const packed = `${sep}app.asar${sep}`;
  if (!script.includes(packed)) return script;
  const unpacked = script.replace(packed, `${sep}app.asar.unpacked${sep}`);
  return existsSync(unpacked) ? unpacked : script;
}

/** Why a worker ended, in words. */
function crashReason(e: Error | number): string {
  if (typeof e === 'number') return `it exited with code ${e}`;
  if ((e as NodeJS.ErrnoException).code === 'ERR_WORKER_OUT_OF_MEMORY') return 'it ran out of memory';
  return e.message;
}

/**
 * One worker thread for a host's data jobs (dist/main/data-worker.mjs), started on the first job
 * and again after a crash. A crash fails the jobs it was running with a message, never the host.
 * The thread holds the process open only while a job is running.
 */
export class DataWorker implements DataRunner {
  private worker: Worker | null = null;
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();

  constructor(
    private readonly script: string,
    /** A bound on the thread's heap: a runaway read ends the worker, not the host. */
    private readonly maxHeapMb = 4096,
  ) {}

  run<K extends DataJobKind>(kind: K, payload: DataJobs[K]['payload']): Promise<DataJobs[K]['reply']> {
    return new Promise((resolve, reject) => {
      const worker = this.started();
      const id = this.nextId++;
      this.pending.set(id, { kind, resolve, reject });
      worker.ref();
      worker.postMessage({ id, kind, payload } satisfies JobRequest<K>);
    });
  }

  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = null;
    this.failAll('the host is closing');
    await worker?.terminate();
  }

  private started(): Worker {
    if (this.worker) return this.worker;
    const script = outsideAsar(this.script);
    if (!existsSync(script)) throw new UserError(`LayerLab's data reader is missing (${script}). Run "npm run build" in the LayerLab folder.`);
    const worker = new Worker(script, { resourceLimits: { maxOldGenerationSizeMb: this.maxHeapMb } });
    worker.unref();
    worker.on('message', (a: JobAnswer) => {
      this.answer(a);
    });
    worker.on('error', (e) => {
      this.crashed(worker, e);
    });
    worker.on('exit', (code) => {
      this.crashed(worker, code);
    });
    this.worker = worker;
    return worker;
  }

  private answer(a: JobAnswer): void {
    const job = this.pending.get(a.id);
    if (!job) return;
    this.pending.delete(a.id);
    if (this.pending.size === 0) this.worker?.unref();
    if (a.ok) job.resolve(a.reply);
    else job.reject(fromWire(a.error));
  }

  /** The first of 'error' and 'exit' reports; the next job starts a fresh worker. */
  private crashed(worker: Worker, why: Error | number): void {
    if (this.worker !== worker) return;
    this.worker = null;
    this.failAll(crashReason(why));
  }

  private failAll(why: string): void {
    const jobs = [...this.pending.values()];
    this.pending.clear();
    for (const job of jobs)
      job.reject(
        new UserError(
          `LayerLab's data reader stopped while ${DOING[job.kind]} your data (${why}). Try again; if it happens again, the file may be too large or damaged.`,
        ),
      );
  }
}
