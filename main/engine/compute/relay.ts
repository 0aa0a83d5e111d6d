import type * as tfjs from '@tensorflow/tfjs';
import { dataSettingsSchema } from '../../../app/data/catalog';
import type { EngineCommand } from '../../../app/protocol/engine';
import { EVENT_VERSION, hostEventSchema, type HostEvent } from '../../../app/protocol/events';
import { documentSources } from '../../../app/transfer/plan';
import { openRecorder, readCheckpoint, type Recorder } from '../../record/recorder';
import { readModelArtifacts } from '../../transfer/read-model';
import { UserError } from '../../user-error';
import { loadDataset } from '../datasets';
import { sourcePath } from '../pretrained';
import { decodeFrame, encodeFrame } from './frame-codec';
import { MAX_WORKER_FRAME, workerMessageSchema, type Ask, type EngineMessage, type RecordCall, type WireArtifacts } from './messages';

/** The weights buffer must hold exactly what the specs declare (4 bytes a value for every dtype sent). */
function checkWeights(a: WireArtifacts): void {
  const want = a.weightSpecs.reduce((n, w) => n + 4 * w.shape.reduce((m, d) => m * d, 1), 0);
  if (want !== a.weightData.byteLength) throw new Error(`The checkpoint's weights are ${a.weightData.byteLength} bytes; its specs declare ${want}.`);
}

type Start = Extract<EngineCommand, { type: 'start' }>;

/** How long the browser has to start its worker, get a GPU and pass parity. */
export const READY_TIMEOUT_MS = 90_000;

/**
 * The engine process's half of a run computed in the browser (Chromium's WebGPU): it answers the worker's
 * asks from this machine (the dataset, pretrained models, the checkpoint a run continues), writes the run's
 * folder, and passes the worker's events on as its own. The host sees an ordinary engine process.
 */
export class BrowserRelay {
  private readonly recorder: Recorder;
  private state: 'waiting' | 'running' | 'ended' = 'waiting';
  private readonly timer: ReturnType<typeof setTimeout>;
  private finish!: () => void;
  /** Resolves when the run has ended, whichever way; its last event has been sent. */
  readonly ended = new Promise<void>((resolve) => (this.finish = resolve));
  private lastEvent: HostEvent['type'] | null = null;
  private pending: EngineMessage[] = [];

  constructor(
    private readonly cmd: Start,
    private readonly emit: (event: HostEvent) => void,
    private readonly toWorker: (frame: Uint8Array) => void,
  ) {
    this.recorder = openRecorder(cmd.runDir);
    this.timer = setTimeout(
      () => this.fail('The browser did not start its WebGPU worker within 90 s. Keep the LayerLab tab open while it trains, or pick another engine.'),
      READY_TIMEOUT_MS,
    );
    this.log('Waiting for the browser’s WebGPU worker…');
  }

  /** A frame from the worker. Anything malformed ends the run with the reason, and nothing else. */
  deliver(frame: Uint8Array): void {
    if (this.state === 'ended') return;
    let message;
    try {
      const parsed = workerMessageSchema.safeParse(decodeFrame(frame, MAX_WORKER_FRAME));
      if (!parsed.success) throw new Error(parsed.error.issues[0]?.message ?? 'not a worker message');
      message = parsed.data;
    } catch (e) {
      this.fail(`The browser’s compute worker sent a message LayerLab cannot read (${(e as Error).message.slice(0, 200)}).`);
      return;
    }
    switch (message.t) {
      case 'ready':
        if (this.state !== 'waiting') return;
        clearTimeout(this.timer);
        this.state = 'running';
        this.log(`The browser’s worker is ready: ${message.backend.device}.`);
        this.send({
          t: 'start',
          request: {
            runId: this.cmd.runId,
            document: this.cmd.document,
            recorded: this.cmd.runDir !== undefined,
            ...(this.cmd.resume ? { resumeEpochs: this.cmd.resume.epochsDone } : {}),
          },
        });
        for (const m of this.pending.splice(0)) this.send(m);
        return;
      case 'unavailable':
        this.fail(message.message);
        return;
      case 'event':
        this.event(message.event);
        return;
      case 'record':
        this.record(message.record);
        return;
      case 'ask':
        void this.answer(message.id, message.ask);
        return;
      case 'done':
        if (this.lastEvent !== 'run.finished' && this.lastEvent !== 'run.failed') this.fail('The browser’s compute worker stopped without finishing the run.');
        else this.end();
        return;
    }
  }

  /** The worker's connection closed: the tab was closed or reloaded, or the socket dropped. */
  closed(): void {
    if (this.state === 'ended') return;
    this.fail('The browser tab that was training this run closed or lost its connection. The weights of the last finished epoch are kept.');
  }

  /** Pause, resume, step or stop, passed on; a stop before the worker started ends the run here. */
  control(op: 'pause' | 'resume' | 'step' | 'stop'): void {
    if (this.state === 'ended') return;
    if (this.state === 'waiting' && op === 'stop') {
      this.emit({ v: EVENT_VERSION, type: 'run.finished', runId: this.cmd.runId, status: 'stopped', epochsDone: 0, seconds: 0 });
      this.end();
      return;
    }
    const message: EngineMessage = { t: 'control', op };
    if (this.state === 'waiting') this.pending.push(message);
    else this.send(message);
  }

  private send(message: EngineMessage): void {
    this.toWorker(encodeFrame(message));
  }

  private log(message: string): void {
    this.emit({ v: EVENT_VERSION, type: 'run.log', runId: this.cmd.runId, level: 'info', message });
  }

  private event(raw: unknown): void {
    const parsed = hostEventSchema.safeParse(raw);
    if (!parsed.success || parsed.data.runId !== this.cmd.runId) {
      this.fail('The browser’s compute worker sent an event that is not this run’s.');
      return;
    }
    this.lastEvent = parsed.data.type;
    this.emit(parsed.data);
  }

  private record(call: RecordCall): void {
    try {
      switch (call.what) {
        case 'batches': {
          this.recorder.batches(call.points);
          return;
        }
        case 'epoch': {
          this.recorder.epoch(call.record);
          return;
        }
        case 'dynamics': {
          this.recorder.dynamics(call.view);
          return;
        }
      }
    } catch (e) {
      this.emit({ v: EVENT_VERSION, type: 'run.log', runId: this.cmd.runId, level: 'warning', message: `Could not record the run: ${(e as Error).message}` });
    }
  }

  private async answer(id: number, ask: Ask): Promise<void> {
    try {
      const value = await this.serve(ask);
      if (this.state !== 'ended') this.send({ t: 'answer', id, ok: true, value });
    } catch (e) {
      if (this.state !== 'ended') this.send({ t: 'answer', id, ok: false, message: (e as Error).message, user: e instanceof UserError });
    }
  }

  private async serve(ask: Ask): Promise<unknown> {
    const doc = this.cmd.document;
    switch (ask.what) {
      case 'dataset': {
        // Only this run's data: the document's paths were confined by the host, a worker's settings were not.
        const own = JSON.stringify(dataSettingsSchema.parse(doc.data));
        if (JSON.stringify(ask.settings) !== own || ask.validationSplit !== doc.training.validationSplit)
          throw new Error('The worker asked for data that is not this run’s.');
        return loadDataset(doc.data, doc.training.validationSplit);
      }
      case 'pretrained': {
        const entry = documentSources(doc)[ask.index];
        if (!entry) throw new Error(`The project names no pretrained source ${ask.index}.`);
        return readModelArtifacts(await sourcePath(entry.source, this.cmd.runDir));
      }
      case 'resume': {
        if (!this.cmd.resume) throw new Error('This run does not continue another.');
        const { trainingConfig: _config, ...weights } = await readCheckpoint(this.cmd.resume.runDir, 'last');
        return weights;
      }
      case 'checkpoint':
        checkWeights(ask.artifacts);
        await this.recorder.checkpointArtifacts(ask.artifacts as unknown as tfjs.io.ModelArtifacts, ask.which, ask.epoch);
        return null;
      case 'samples':
        await this.recorder.samples(ask.epoch, ask.kind, ask.images);
        return null;
    }
  }

  private fail(message: string): void {
    if (this.state === 'ended') return;
    this.emit({ v: EVENT_VERSION, type: 'run.failed', runId: this.cmd.runId, message });
    this.end();
  }

  private end(): void {
    clearTimeout(this.timer);
    this.state = 'ended';
    this.finish();
  }
}
