import type { EpochLogs } from '../../app/protocol/runs';
import type { TrainingSettings } from '../../app/training/settings';

export interface Best {
  readonly epoch: number;
  readonly monitor: string;
  readonly value: number;
}

/** Accuracy-like metrics improve upwards; losses and errors downwards (as Keras's mode='auto'). */
export function higherIsBetter(monitor: string): boolean {
  return /acc|precision|recall|auc/i.test(monitor);
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
 * The best epoch so far after `epoch`; engine and service use this one rule so `best` weights and summary
 * agree. Once a run has a best, it stays on that metric (an epoch where it is NaN never wins).
 */
export function updateBest(best: Best | null, training: Pick<TrainingSettings, 'earlyStopping'>, epoch: number, logs: EpochLogs): Best | null {
  if (!best) {
    const seen = monitoredValue(training, logs);
    return seen ? { epoch, ...seen } : null;
  }
  const value = logs[best.monitor];
  if (typeof value !== 'number' || !Number.isFinite(value)) return best;
  const better = higherIsBetter(best.monitor) ? value > best.value : value < best.value;
  return better ? { epoch, monitor: best.monitor, value } : best;
}
