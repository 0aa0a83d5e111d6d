import type { TrainingSettings } from '../../../app/training/settings';
import { EVENT_VERSION, type HostEvent } from '../../../app/protocol/events';
import type { EpochLogs } from '../../../app/protocol/runs';
import { learningRateAt, newPlateau, observePlateau, type PlateauState } from '../../../app/training/schedule';
import { BestTracker } from '../best';
import type { TrainContext } from '../context';
import { ProgressMeter } from '../progress';
import { BatchThrottle } from '../throttle';
import type { BatchResult, LoopHooks, OpenedMode, Trainer, Verdict } from './mode';

/** Where a run stands, for the events and the message when it ends. */
export interface LoopOutcome {
  readonly stopped: boolean;
  readonly epochsDone: number;
  readonly seconds: number;
  /** Set when a batch's loss was NaN or infinite: the message to fail with. */
  readonly nan: string | null;
  /** Set when early stopping ended the run (and says whether the best weights came back). */
  readonly note: string | null;
}

/**
 * The bookkeeping between batches and epochs that every mode shares: throttled batch and progress
 * events, NaN detection, stop/pause/step, the learning-rate schedule, then per epoch "on disk, then
 * tell the UI" (history, pictures and checkpoints are written before `run.epoch` is sent, so what the
 * UI has seen is never ahead of what a crash leaves behind), best epoch and early stopping. Observers
 * are called at the same points for every mode.
 */
export class RunLoop implements LoopHooks {
  private readonly t: TrainingSettings;
  private readonly meter: ProgressMeter;
  private readonly throttle: BatchThrottle;
  private readonly best: BestTracker | null;
  private lr: number;
  private plateau: PlateauState;
  private epoch: number;
  private batchInEpoch = 0;
  private step: number;
  private stepsDone = 0;
  private epochStart = performance.now();
  private epochsDone: number;
  private stopped = false;
  private nan: string | null = null;
  private note: string | null = null;

  constructor(
    private readonly ctx: TrainContext,
    private readonly runId: string,
    training: TrainingSettings,
    private readonly mode: OpenedMode,
    private readonly trainer: Trainer,
    private readonly range: { readonly initialEpoch: number; readonly epochs: number },
  ) {
    this.t = training;
    this.lr = training.learningRate;
    this.plateau = newPlateau(training.learningRate);
    this.epoch = range.initialEpoch;
    this.epochsDone = range.initialEpoch;
    this.step = range.initialEpoch * mode.batchesPerEpoch;
    this.meter = new ProgressMeter(training.batchSize, Math.max(1, (range.epochs - range.initialEpoch) * mode.batchesPerEpoch));
    this.best = mode.unsupported?.earlyStopping === undefined ? new BestTracker(training) : null;
    this.throttle = new BatchThrottle((points) => {
      this.send({ v: EVENT_VERSION, type: 'run.batches', runId, points });
      ctx.recorder?.batches(points);
      this.send({
        v: EVENT_VERSION,
        type: 'run.progress',
        runId,
        step: this.step,
        epoch: this.epoch + 1,
        batch: this.batchInEpoch,
        batchesPerEpoch: mode.batchesPerEpoch,
        learningRate: this.lr,
        ...this.meter.take(this.stepsDone),
      });
    });
  }

  private send(event: HostEvent): void {
    this.ctx.emit(event);
  }

  epochBegin(epoch: number): void {
    this.epoch = epoch;
    this.batchInEpoch = 0;
    this.epochStart = performance.now();
    if (this.mode.unsupported?.schedule !== undefined) return;
    this.lr = learningRateAt(this.t.schedule, this.t.learningRate, epoch, this.range.epochs, this.plateau);
    this.trainer.setLearningRate?.(this.lr);
  }

  batchBegin(): void {
    this.meter.batchBegin();
  }

  async batchEnd(result: BatchResult): Promise<Verdict> {
    this.meter.batchEnd(result.computeMs);
    this.batchInEpoch += 1;
    this.step += 1;
    this.stepsDone += 1;
    const bad = this.firstNonFinite(result);
    if (bad !== null) {
      const name = this.mode.lossName?.(bad) ?? 'loss';
      this.nan =
        `The ${name} became NaN or infinite at batch ${this.step} (epoch ${this.epoch + 1}), so training stopped. ` +
        `Likely causes: ${this.mode.nanCauses(this.lr)}`;
      return 'stop';
    }
    this.throttle.push({ step: this.step, epoch: this.epoch + 1, loss: result.loss, ...(result.values ? { values: { ...result.values } } : {}) });
    for (const o of this.ctx.observers ?? []) await o.afterBatch?.({ step: this.step, epoch: this.epoch + 1, model: this.trainer.model });
    const { controls } = this.ctx;
    if (controls?.stopRequested || this.ctx.stopRequested?.()) return this.stop();
    if (!controls) return 'continue';
    const holding = controls.pausing;
    // Show the exact batch count before holding still.
    if (holding) this.throttle.flush();
    const verdict = await controls.afterBatch(this.step);
    // Time spent paused is neither data nor compute.
    if (holding) this.meter.resumed();
    return verdict === 'stop' ? this.stop() : 'continue';
  }

  holding(paused: boolean): void {
    if (paused) this.throttle.flush();
    else this.meter.resumed();
  }

  private stop(): Verdict {
    this.stopped = true;
    return 'stop';
  }

  /** The key of the first batch value that is not a finite number (`loss` last), or null. */
  private firstNonFinite(result: BatchResult): string | null {
    for (const [key, value] of Object.entries(result.values ?? {})) if (!Number.isFinite(value)) return key;
    return Number.isFinite(result.loss) ? null : 'loss';
  }

  async epochEnd(epoch: number, readLogs: () => EpochLogs | Promise<EpochLogs>): Promise<Verdict> {
    this.throttle.flush();
    // A stop mid-epoch leaves a partial epoch: its averages would mislead, so it is not reported.
    if (this.nan !== null || this.batchInEpoch < this.mode.batchesPerEpoch) return 'stop';
    const { recorder } = this.ctx;
    const done = epoch + 1;
    this.epochsDone = done;
    const logs: EpochLogs = { ...(await readLogs()) };
    const picture = (await this.trainer.picture?.()) ?? null;
    if (picture?.logs) Object.assign(logs, picture.logs);
    const seconds = (performance.now() - this.epochStart) / 1000;
    const verdict = this.best?.observe(done, logs, this.trainer.model) ?? { improved: false, stop: false };

    // On disk first, so what the UI has seen is never ahead of what a crash leaves behind.
    recorder?.epoch({ epoch: done, logs, seconds, learningRate: this.lr });
    if (picture) await recorder?.samples(done, picture.kind, picture.images);
    await recorder?.checkpoint(this.trainer.model, 'last');
    if (verdict.improved) await recorder?.checkpoint(this.trainer.model, 'best');
    if (picture) {
      const { kind, images, lines } = picture;
      this.send({ v: EVENT_VERSION, type: 'run.samples', runId: this.runId, epoch: done, kind, images, ...(lines ? { lines } : {}) });
    }
    this.send({ v: EVENT_VERSION, type: 'run.epoch', runId: this.runId, epoch: done, epochs: this.range.epochs, logs, seconds, learningRate: this.lr });

    if (this.t.schedule.kind === 'plateau') this.plateau = observePlateau(this.t.schedule, this.plateau, logs.val_loss ?? logs.loss);
    for (const o of this.ctx.observers ?? [])
      await o.afterEpoch?.({ epoch: done, epochs: this.range.epochs, step: this.step, model: this.trainer.model, logs });
    if (this.stopped) return 'stop';
    if (!verdict.stop) return 'continue';
    this.note = `Early stopping after epoch ${done}: ${this.best!.monitor} did not improve for ${this.t.earlyStopping.patience} epochs.`;
    return 'stop';
  }

  /** After the last epoch: restore the best weights when early stopping asks, and keep the weights a stop reached. */
  async finish(): Promise<LoopOutcome> {
    this.throttle.flush();
    // A mode that holds itself may end on a stop heard while it was paused, with no batch after it for batchEnd to see.
    const asked = (this.ctx.controls?.stopRequested ?? false) || (this.ctx.stopRequested?.() ?? false);
    if (asked && this.epochsDone < this.range.epochs) this.stopped = true;
    if (this.nan === null) {
      const restored = this.note !== null && this.t.earlyStopping.restoreBest ? (this.best?.restore(this.trainer.model) ?? null) : null;
      if (restored !== null) {
        this.note = `${this.note!} Restored the weights of epoch ${restored} (${this.best!.monitor} ${this.best!.best!.value.toFixed(4)}).`;
      }
      // Stopping keeps the weights reached so far.
      if (this.stopped || restored !== null) await this.ctx.recorder?.checkpoint(this.trainer.model, 'last');
    }
    return { stopped: this.stopped, epochsDone: this.epochsDone, seconds: this.meter.take(this.stepsDone).elapsedSeconds, nan: this.nan, note: this.note };
  }

  dispose(): void {
    this.throttle.flush();
    this.best?.dispose();
  }
}
