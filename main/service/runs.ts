import { randomUUID } from 'node:crypto';
import type { ProjectDoc } from '../../app/document/schema';
import type { BackendInfo, BackendName } from '../../app/protocol/backend';
import { EVENT_VERSION, hostEventSchema, type EpochLogs, type HostEvent } from '../../app/protocol/events';
import type { EngineCommand } from '../../app/protocol/engine';
import type { ActiveRunInfo, RunSummary } from '../../app/protocol/runs';
import { updateBest, type Best } from '../../app/training/best';
import { downloadsDir } from '../data-dir';
import { ComputeSlot, type ComputeAttachment, type ComputePeer } from './compute-link';
import type { EngineLauncher, EngineProcess } from './engine-process';
import { MAX_DEPTH, tooDeep } from './depth';
import { preflight } from './preflight';
import { fingerprint, type ResumePoint, type RunPatch, type RunStore } from './run-store';

/** How long a stopping engine may take to finish its batch before it is killed. */
export const STOP_GRACE_MS = 700;
/** Engine processes alive at once: the run in progress plus one still exiting after a stop. */
export const MAX_ENGINES = 2;

export type RunControl = 'pause' | 'resume' | 'step';

/** For the PyTorch engine: the interpreter the user set, and whether LayerLab's own engine may stand in (the user agreed). */
export interface EngineOptions {
  readonly python?: string;
  readonly fallback?: boolean;
  /** Compute in a browser worker (Chromium's WebGPU) that attaches through attachCompute. */
  readonly compute?: 'browser';
}

interface ActiveRun {
  readonly runId: string;
  readonly engine: EngineProcess;
  /** For a run computed in a browser: where the browser's worker attaches. */
  readonly compute: ComputeSlot | null;
  readonly startedAt: number;
  readonly doc: ProjectDoc;
  /** Set when the run is recorded: the project it belongs to and its folder. */
  readonly projectId: string | null;
  readonly runDir: string | null;
  readonly continuedFrom: string | null;
  epochsDone: number;
  backend: BackendInfo | null;
  final: EpochLogs | null;
  best: Best | null;
  stopping: boolean;
  ended: boolean;
  /** The engine said run.started: until then a failure leaves no record worth keeping. */
  started: boolean;
  /** What run.started said, for a window that reattaches later. */
  startedInfo: ActiveRunInfo['started'];
  paused: boolean;
}

/** How both kinds of interruption begin, here and in run-history's record of a host that died. */
export const INTERRUPTED = 'Interrupted';

function lastLine(text: string): string {
  return text.trim().split('\n').filter(Boolean).pop()?.slice(0, 300) ?? '';
}

/**
 * Owns engine processes: one run at a time, each in its own process, reported as HostEvents. With a
 * RunStore every run is recorded: its folder is made before the engine starts, and how it ended is
 * written whether the engine finished, failed or died.
 */
export class RunManager {
  private active: ActiveRun | null = null;
  private readonly waiters = new Set<() => void>();
  /** Records of ended runs still being written; idle() waits for them. */
  private readonly writes = new Set<Promise<unknown>>();
  /** Engine processes launched and not yet exited (a stopped run's engine may outlive its slot briefly). */
  private engines = 0;

  constructor(
    private readonly launch: EngineLauncher,
    private readonly emit: (event: HostEvent) => void,
    private readonly store?: RunStore,
  ) {}

  get busy(): boolean {
    return this.active !== null;
  }

  /** The active run's id, if any. */
  get activeRunId(): string | null {
    return this.active?.runId ?? null;
  }

  /** The run in progress as a window that did not start it needs it; null when none is (or it is ending). */
  activeInfo(): ActiveRunInfo | null {
    const run = this.active;
    if (!run || run.ended || run.stopping) return null;
    return { runId: run.runId, projectId: run.projectId, paused: run.paused, started: run.startedInfo };
  }

  start(document: ProjectDoc, backend?: BackendName, continueFrom?: string, extra: EngineOptions = {}): string {
    if (this.active) throw new Error('A training run is already in progress. Stop it before starting another.');
    if (this.engines >= MAX_ENGINES) throw new Error('The last training engine is still shutting down. Try again in a moment.');
    // Recursive code downstream (hashing, the snapshot, the IPC clone) must never meet a pathological document.
    if (tooDeep(document)) throw new Error(`The project nests deeper than ${MAX_DEPTH} levels; no real project does. Check its params.`);
    preflight(document);
    const runId = randomUUID();
    let projectId: string | null = null;
    let runDir: string | null = null;
    let resume: ResumePoint | undefined;
    if (this.store) {
      if (!document.id)
        throw new Error('This project has no id, so its runs cannot be recorded. (LayerLab gives every project one; a hand-written file needs an "id".)');
      projectId = document.id;
      resume = continueFrom ? this.store.resumePoint(projectId, continueFrom) : undefined;
      runDir = this.store.create(projectId, document, {
        runId,
        // A continued run trains `epochs` more, numbered on from the earlier run's (the engine reports the same).
        epochs: (resume?.epochsDone ?? 0) + document.training.epochs,
        dataset: document.data.dataset,
        fingerprint: fingerprint(document.data),
        continuedFrom: continueFrom ?? null,
      });
    } else if (continueFrom) {
      throw new Error('Runs are not recorded here, so there is no earlier run to continue from.');
    }
    let engine: EngineProcess;
    try {
      engine = this.launch();
    } catch (e) {
      if (projectId) this.store?.discard(projectId, runId);
      throw e;
    }
    this.engines++;
    const run: ActiveRun = {
      runId,
      engine,
      compute: extra.compute ? new ComputeSlot(engine) : null,
      startedAt: performance.now(),
      doc: document,
      projectId,
      runDir,
      continuedFrom: continueFrom ?? null,
      epochsDone: resume?.epochsDone ?? 0,
      backend: null,
      final: null,
      best: null,
      stopping: false,
      ended: false,
      started: false,
      startedInfo: null,
      paused: false,
    };
    this.active = run;
    engine.onMessage((raw) => this.onEngineMessage(run, raw));
    engine.onExit((code, stderr) => {
      this.engines--;
      this.onEngineExit(run, code, stderr);
    });
    const command: EngineCommand = {
      type: 'start',
      runId,
      document,
      ...(backend ? { backend } : {}),
      ...(runDir ? { runDir } : {}),
      ...(this.store ? { cacheDir: downloadsDir(this.store.dataDir) } : {}),
      ...(resume ? { resume: { runDir: resume.runDir, epochsDone: resume.epochsDone } } : {}),
      ...(extra.python ? { python: extra.python } : {}),
      ...(extra.fallback ? { fallback: true } : {}),
      ...(extra.compute ? { compute: extra.compute } : {}),
    };
    try {
      engine.send(command);
    } catch {
      // The slot, the process and the folder all go: nothing started, and the next run may.
      run.ended = true;
      this.active = null;
      engine.kill();
      if (projectId) this.store?.discard(projectId, runId);
      this.wake();
      throw new Error('The project could not be sent to the training engine (it is too large or nested too deeply).');
    }
    return runId;
  }

  stop(runId: string): boolean {
    const run = this.active;
    if (run?.runId !== runId || run.ended) return false;
    run.stopping = true;
    run.engine.send({ type: 'stop' } satisfies EngineCommand);
    setTimeout(() => {
      if (run.ended) return;
      this.end(run, { v: EVENT_VERSION, type: 'run.finished', runId, status: 'stopped', epochsDone: run.epochsDone, seconds: this.elapsed(run) });
      run.engine.kill();
    }, STOP_GRACE_MS);
    return true;
  }

  /** Pause, resume or step the active run; false when `runId` is not the run in progress. */
  control(runId: string, type: RunControl): boolean {
    const run = this.active;
    if (run?.runId !== runId || run.ended || run.stopping) return false;
    run.engine.send({ type } satisfies EngineCommand);
    return true;
  }

  /** A browser's compute worker for the run in progress; null when that run does not wait for one (or has one). */
  attachCompute(runId: string, peer: ComputePeer): ComputeAttachment | null {
    const run = this.active;
    if (run?.runId !== runId || run.ended || !run.compute) return null;
    return run.compute.attach(peer);
  }

  /** Stops whatever is running, e.g. when the window closes. */
  stopAll(): void {
    if (this.active) this.stop(this.active.runId);
  }

  /** Resolves once no run is active and the record of every ended run is written. */
  async idle(): Promise<void> {
    while (this.active || this.writes.size > 0) {
      if (this.active) await new Promise<void>((resolve) => this.waiters.add(resolve));
      else await Promise.allSettled([...this.writes]);
    }
  }

  private elapsed(run: ActiveRun): number {
    return (performance.now() - run.startedAt) / 1000;
  }

  private onEngineMessage(run: ActiveRun, raw: unknown): void {
    if (run.ended) return;
    if (run.compute?.fromEngine(raw)) return;
    const parsed = hostEventSchema.safeParse(raw);
    if (!parsed.success || parsed.data.runId !== run.runId) return;
    const event = parsed.data;
    switch (event.type) {
      case 'run.started':
        run.started = true;
        run.backend = event.backend;
        run.startedInfo = {
          backend: event.backend,
          epochs: event.epochs,
          batchesPerEpoch: event.batchesPerEpoch,
          samples: event.samples,
          loss: event.loss,
          initialEpoch: event.initialEpoch,
          continuedFrom: event.continuedFrom ?? run.continuedFrom,
        };
        void this.record(run, { backend: event.backend, epochs: event.epochs });
        // The UI learns where the run is recorded even from an engine that does not echo it.
        this.emit({
          ...event,
          ...(run.runDir && !event.runDir ? { runDir: run.runDir } : {}),
          ...(run.continuedFrom && !event.continuedFrom ? { continuedFrom: run.continuedFrom } : {}),
        });
        return;
      case 'run.epoch':
        run.epochsDone = Math.max(run.epochsDone, event.epoch);
        run.final = event.logs;
        run.best = updateBest(run.best, run.doc.training, event.epoch, event.logs);
        this.emit(event);
        return;
      case 'run.paused':
      case 'run.resumed':
        run.paused = event.type === 'run.paused';
        this.emit(event);
        return;
      case 'run.finished':
      case 'run.failed':
        this.end(run, event);
        return;
      default:
        this.emit(event);
    }
  }

  private onEngineExit(run: ActiveRun, code: number | null, stderr: string): void {
    if (run.ended) return;
    if (run.stopping) {
      this.end(run, { v: EVENT_VERSION, type: 'run.finished', runId: run.runId, status: 'stopped', epochsDone: run.epochsDone, seconds: this.elapsed(run) });
      return;
    }
    const last = lastLine(stderr);
    // Killed from outside (a signal: the OS out of memory, a user's kill) is an interruption, as a host that
    // dies is: the run did nothing wrong and can be continued. Exiting with an error code is a failure.
    const message =
      code === null
        ? `${INTERRUPTED}: the training engine was killed.`
        : `The training engine stopped unexpectedly (exit code ${code})${last ? `: ${last}` : '.'}`;
    this.end(run, { v: EVENT_VERSION, type: 'run.failed', runId: run.runId, message, ...(stderr ? { detail: stderr } : {}) }, code === null);
  }

  /** Writes to the run's record in the background; a write that fails is reported, not thrown. */
  private record(run: ActiveRun, patch: RunPatch, final = false): Promise<void> {
    const { store } = this;
    if (!store || !run.projectId) return Promise.resolve();
    const write = (final ? store.finish(run.projectId, run.runId, patch) : store.patch(run.projectId, run.runId, patch)).catch((e: unknown) => {
      this.emit({
        v: EVENT_VERSION,
        type: 'run.log',
        runId: run.runId,
        level: 'warning',
        message: `Could not update the run's record: ${(e as Error).message}`,
      });
    });
    this.writes.add(write);
    void write.finally(() => {
      this.writes.delete(write);
      this.wake();
    });
    return write.then(() => undefined);
  }

  private end(run: ActiveRun, event: Extract<HostEvent, { type: 'run.finished' | 'run.failed' }>, interrupted = false): void {
    run.ended = true;
    run.compute?.close();
    if (this.active === run) this.active = null;
    if (!run.started && event.type === 'run.failed' && run.projectId) {
      // A start that failed before training began (bad data, no backend) leaves no folder behind;
      // the UI still hears why.
      this.store?.discard(run.projectId, run.runId);
      this.emit(event);
      this.wake();
      return;
    }
    const status: RunSummary['status'] = interrupted ? 'interrupted' : event.type === 'run.failed' ? 'failed' : event.status;
    // The record is final before the UI hears the run ended, so a runs list fetched on that event is current.
    void this.record(
      run,
      {
        status,
        wallSeconds: this.elapsed(run),
        epochsDone: Math.max(run.epochsDone, event.type === 'run.finished' ? event.epochsDone : 0),
        backend: run.backend,
        final: run.final,
        best: run.best,
        error: event.type === 'run.failed' ? event.message : null,
      },
      true,
    ).then(() => {
      this.emit(event);
      this.wake();
    });
  }

  private wake(): void {
    for (const wake of this.waiters) wake();
    this.waiters.clear();
  }
}
