import type { EpochLogs } from '../protocol/runs';
import type { TrainingSettings } from './settings';

export interface Best {
  readonly epoch: number;
  readonly monitor: string;
  readonly value: number;
}

/**
 * Accuracy-like metrics improve upwards; losses and errors downwards (as Keras's mode='auto'). Matched on
 * the name, whatever its prefix or case: val_accuracy, d_accuracy, top_5_accuracy, precision, AUC.
 */
export function higherIsBetter(monitor: string): boolean {
  return /acc|precision|recall|auc/i.test(monitor);
}

/** Whether `value` beats `best` on `monitor`; equal is not better, so a flat metric runs out patience. */
export function isBetter(monitor: string, value: number, best: number): boolean {
  return higherIsBetter(monitor) ? value > best : value < best;
}

/**
 * The metric that decides the best epoch: the one early stopping watches (val_loss by default). A run
 * without validation data has no val_* logs, so it falls back to the training counterpart, then to loss.
 */
export function monitoredValue(training: Pick<TrainingSettings, 'earlyStopping'>, logs: EpochLogs): { monitor: string; value: number } | null {
  const wanted = training.earlyStopping.monitor;
  for (const monitor of [wanted, wanted.replace(/^val_/, ''), 'loss']) {
    const value = logs[monitor];
    if (typeof value === 'number' && Number.isFinite(value)) return { monitor, value };
  }
  return null;
}

/**
 * The best epoch so far after `epoch`; the engine (its `best` weights and early stopping) and the service
 * (a run's summary) use this one rule, so they agree. Once a run has a best, it stays on that metric (an
 * epoch where it is NaN never wins). Returns `best` itself when this epoch did not improve on it.
 */
export function updateBest(best: Best | null, training: Pick<TrainingSettings, 'earlyStopping'>, epoch: number, logs: EpochLogs): Best | null {
  if (!best) {
    const seen = monitoredValue(training, logs);
    return seen ? { epoch, ...seen } : null;
  }
  const value = logs[best.monitor];
  if (typeof value !== 'number' || !Number.isFinite(value)) return best;
  return isBetter(best.monitor, value, best.value) ? { epoch, monitor: best.monitor, value } : best;
}
