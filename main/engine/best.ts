import type * as tfjs from '@tensorflow/tfjs';
import type { EpochLogs } from '../../app/protocol/runs';
import { updateBest, type Best } from '../../app/training/best';
import type { TrainingSettings } from '../../app/training/settings';

/**
 * Tracks the best epoch by the one rule in app/training/best.ts (always: it decides the "best"
 * checkpoint, and the service's summary names the same epoch) and, when early stopping is on, says
 * when patience has run out. Holds a copy of the best weights only when they may be restored.
 */
export class BestTracker {
  best: Best | null = null;
  private wait = 0;
  private weights: tfjs.Tensor[] | null = null;

  constructor(private readonly training: Pick<TrainingSettings, 'earlyStopping'>) {}

  /** The metric being watched, once an epoch has named one. */
  get monitor(): string {
    return this.best?.monitor ?? this.training.earlyStopping.monitor;
  }

  /** Returns whether this epoch is the best so far, and whether training should stop now. */
  observe(epoch: number, logs: EpochLogs, model: tfjs.LayersModel): { improved: boolean; stop: boolean } {
    const early = this.training.earlyStopping;
    const next = updateBest(this.best, this.training, epoch, logs);
    if (next && next !== this.best) {
      this.best = next;
      this.wait = 0;
      if (early.enabled && early.restoreBest) {
        this.weights?.forEach((w) => w.dispose());
        this.weights = model.getWeights().map((w) => w.clone());
      }
      return { improved: true, stop: false };
    }
    // An epoch where the metric is missing or NaN says nothing either way, so it costs no patience.
    const value = this.best ? logs[this.best.monitor] : undefined;
    if (typeof value !== 'number' || !Number.isFinite(value)) return { improved: false, stop: false };
    this.wait++;
    return { improved: false, stop: early.enabled && this.wait >= early.patience };
  }

  /** Puts the best weights back; returns the epoch they came from, or null if none were kept. */
  restore(model: tfjs.LayersModel): number | null {
    if (!this.weights || !this.best) return null;
    model.setWeights(this.weights);
    return this.best.epoch;
  }

  dispose(): void {
    this.weights?.forEach((w) => w.dispose());
    this.weights = null;
  }
}
