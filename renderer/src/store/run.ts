import { create } from 'zustand';
import type { BackendInfo, EpochLogs, HostEvent } from '../../../app/protocol';
import { appendBatches, appendEpoch, clearSeries } from './series';

export type RunStatus = 'idle' | 'starting' | 'training' | 'paused' | 'completed' | 'stopped' | 'failed';

/** A run that holds the engine: it can be paused, stepped or stopped, and no other may start. */
export const isActive = (s: RunStatus) => s === 'starting' || s === 'training' || s === 'paused';

/** A request the engine has not acted on yet; the controls show it instead of the status. */
export type Pending = 'pausing' | 'resuming' | 'stepping' | 'stopping' | null;

export type SamplesEvent = Extract<HostEvent, { type: 'run.samples' }>;

/** How fast the run goes, from the latest run.progress. */
export interface Progress {
  readonly batch: number;
  readonly samplesPerSecond: number;
  readonly dataMs: number;
  readonly computeMs: number;
  readonly elapsedSeconds: number;
  readonly etaSeconds: number | null;
}

/** Samples kept for the strip's epoch slider; older ones drop off. */
const SAMPLES_KEPT = 60;

export interface RunState {
  readonly status: RunStatus;
  readonly runId: string | null;
  readonly pending: Pending;
  /** The step a Step request waits to see, so the button can stay down until the batch is done. */
  readonly stepTarget: number | null;
  readonly backend: BackendInfo | null;
  /** Epochs completed. */
  readonly epoch: number;
  /** The epoch in progress (1-based), from run.progress; 0 before the first batch. */
  readonly current: number;
  readonly epochs: number;
  readonly initialEpoch: number;
  readonly continuedFrom: string | null;
  readonly batchesPerEpoch: number | null;
  readonly step: number;
  readonly progress: Progress | null;
  readonly learningRate: number | null;
  readonly samples: { train: number; validation: number } | null;
  readonly lossName: string | null;
  readonly latest: EpochLogs | null;
  readonly seconds: number | null;
  readonly pictures: readonly SamplesEvent[];
  readonly note: string | null;
  readonly error: { message: string; detail?: string; step?: number } | null;
  readonly lastLog: { level: 'info' | 'warning'; message: string } | null;
  begin(epochs: number): void;
  /** Names the run once run.start replies; `seed` draws history first (continuing a run). */
  attach(runId: string, seed?: () => void): void;
  setPending(pending: Pending, stepTarget?: number | null): void;
  fail(message: string, detail?: string): void;
  /** Back to idle with empty charts (another project was opened). */
  reset(): void;
  handle(event: HostEvent): void;
}

// Events can arrive before run.start's reply names the run; hold them until it does.
let early: HostEvent[] = [];

const fresh = {
  runId: null,
  pending: null,
  stepTarget: null,
  backend: null,
  epoch: 0,
  current: 0,
  initialEpoch: 0,
  continuedFrom: null,
  batchesPerEpoch: null,
  step: 0,
  progress: null,
  learningRate: null,
  samples: null,
  lossName: null,
  latest: null,
  seconds: null,
  pictures: [],
  note: null,
  error: null,
  lastLog: null,
} satisfies Partial<RunState>;

const errorOf = (message: string, detail?: string, step?: number) => ({ message, ...(detail ? { detail } : {}), ...(step !== undefined ? { step } : {}) });

export const useRun = create<RunState>()((set, get) => ({
  ...fresh,
  status: 'idle',
  epochs: 0,

  begin(epochs) {
    early = [];
    set({ ...fresh, status: 'starting', epochs });
  },

  attach(runId, seed) {
    clearSeries();
    seed?.();
    set({ runId });
    const held = early.filter((e) => e.runId === runId);
    early = [];
    for (const e of held) get().handle(e);
  },

  setPending(pending, stepTarget = null) {
    set({ pending, stepTarget });
  },

  reset() {
    early = [];
    clearSeries();
    set({ ...fresh, status: 'idle', epochs: 0 });
  },

  fail(message, detail) {
    set({ status: 'failed', pending: null, error: errorOf(message, detail) });
  },

  handle(event) {
    const s = get();
    if (s.runId === null) {
      if (s.status === 'starting') early.push(event);
      return;
    }
    if (event.runId !== s.runId || !isActive(s.status)) return;
    switch (event.type) {
      case 'run.started':
        set({
          status: 'training',
          backend: event.backend,
          epochs: event.epochs,
          batchesPerEpoch: event.batchesPerEpoch,
          samples: event.samples,
          lossName: event.loss,
          initialEpoch: event.initialEpoch,
          epoch: Math.max(s.epoch, event.initialEpoch),
          continuedFrom: event.continuedFrom ?? null,
        });
        return;
      case 'run.batches': {
        appendBatches(event.points);
        set({ step: event.points[event.points.length - 1]!.step, ...stepDone(s, event.points[event.points.length - 1]!.step) });
        return;
      }
      case 'run.progress':
        set({
          step: event.step,
          current: event.epoch,
          batchesPerEpoch: event.batchesPerEpoch,
          learningRate: event.learningRate,
          progress: {
            batch: event.batch,
            samplesPerSecond: event.samplesPerSecond,
            dataMs: event.dataMs,
            computeMs: event.computeMs,
            elapsedSeconds: event.elapsedSeconds,
            etaSeconds: event.etaSeconds,
          },
          ...stepDone(s, event.step),
        });
        return;
      case 'run.epoch':
        appendEpoch(event.epoch, event.logs);
        set({
          epoch: event.epoch,
          epochs: event.epochs,
          latest: event.logs,
          seconds: event.seconds,
          ...(event.learningRate !== undefined ? { learningRate: event.learningRate } : {}),
        });
        return;
      case 'run.paused':
        set({ status: 'paused', step: Math.max(s.step, event.step), pending: null, stepTarget: null });
        return;
      case 'run.resumed':
        // A Step may resume the engine for one batch; the run stays paused as far as the user is concerned.
        if (s.pending === 'stepping') return;
        set({ status: 'training', pending: s.pending === 'stopping' ? 'stopping' : null });
        return;
      case 'run.samples':
        set({ pictures: [...s.pictures.slice(-(SAMPLES_KEPT - 1)), event] });
        return;
      case 'run.log':
        set({ lastLog: { level: event.level, message: event.message } });
        return;
      case 'run.finished':
        set({ status: event.status, pending: null, stepTarget: null, epoch: event.epochsDone, seconds: event.seconds, note: event.note ?? null });
        return;
      case 'run.failed':
        set({ status: 'failed', pending: null, stepTarget: null, error: errorOf(event.message, event.detail, event.step) });
        return;
    }
  },
}));

/** A Step is done once the engine reports the batch it asked for. */
function stepDone(s: RunState, step: number): Partial<RunState> {
  return s.pending === 'stepping' && s.stepTarget !== null && step >= s.stepTarget ? { pending: null, stepTarget: null } : {};
}
