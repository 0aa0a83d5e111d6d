import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import type { EpochLogs } from '../../app/protocol/runs';
import { higherIsBetter, updateBest, type Best } from '../../app/training/best';
import { earlyStoppingSchema, type MONITORS } from '../../app/training/settings';
import { BestTracker } from '../../main/engine/best';

const settings = (monitor: (typeof MONITORS)[number], patience = 2) => ({
  earlyStopping: earlyStoppingSchema.parse({ enabled: true, monitor, patience, restoreBest: false }),
});

/** The epoch the service's summary names as best, and the ones the engine writes a best checkpoint for. */
function bothSides(training: ReturnType<typeof settings>, history: readonly EpochLogs[]) {
  const model = tf.sequential({ layers: [tf.layers.dense({ units: 1, inputShape: [1] })] });
  const tracker = new BestTracker(training);
  const checkpoints: number[] = [];
  let summary: Best | null = null;
  let stoppedAt: number | null = null;
  history.forEach((logs, i) => {
    summary = updateBest(summary, training, i + 1, logs);
    const verdict = tracker.observe(i + 1, logs, model);
    if (verdict.improved) checkpoints.push(i + 1);
    if (verdict.stop && stoppedAt === null) stoppedAt = i + 1;
  });
  tracker.dispose();
  model.dispose();
  return { summary: summary as Best | null, lastCheckpoint: checkpoints.at(-1) ?? null, stoppedAt, monitor: tracker.monitor };
}

describe('one rule for the best epoch', () => {
  it('counts accuracy-like metrics upwards and losses and errors downwards, whatever the prefix or case', () => {
    for (const up of ['accuracy', 'val_accuracy', 'd_accuracy', 'top_5_accuracy', 'precision', 'val_recall', 'AUC', 'val_auc'])
      expect(higherIsBetter(up), up).toBe(true);
    for (const down of ['loss', 'val_loss', 'mae', 'val_mae', 'd_loss', 'val_g_loss']) expect(higherIsBetter(down), down).toBe(false);
  });

  it('picks the same epoch for the best checkpoint as for the run summary, on a rising accuracy', () => {
    // The loss keeps falling: a rule that read accuracy downwards would pick epoch 5.
    const history = [0.6, 0.7, 0.65, 0.8, 0.75].map((v, i) => ({ loss: 1 - i / 10, val_accuracy: v }));
    const { summary, lastCheckpoint } = bothSides(settings('val_accuracy'), history);
    expect(summary).toEqual({ epoch: 4, monitor: 'val_accuracy', value: 0.8 });
    expect(lastCheckpoint).toBe(4);
  });

  it('falls back to the training metric, then to the loss, on both sides', () => {
    // No validation data: val_loss is never logged.
    const noValidation = bothSides(settings('val_loss'), [{ loss: 0.9 }, { loss: 0.5 }, { loss: 0.7 }]);
    expect(noValidation.summary).toMatchObject({ epoch: 2, monitor: 'loss' });
    expect(noValidation.lastCheckpoint).toBe(2);
    // A regression has no accuracy: the engine used to keep no best weights at all while the summary named one.
    const regression = bothSides(settings('accuracy'), [
      { loss: 3, mae: 1.5 },
      { loss: 2, mae: 1.2 },
    ]);
    expect(regression.summary).toMatchObject({ epoch: 2, monitor: 'loss' });
    expect(regression.lastCheckpoint).toBe(2);
    expect(regression.monitor).toBe('loss');
  });

  it('spends patience only on epochs that report the metric, and stops when it runs out', () => {
    const history: EpochLogs[] = [
      { loss: 1, val_loss: 0.5 },
      { loss: 1, val_loss: NaN },
      { loss: 1, val_loss: 0.6 },
      { loss: 1, val_loss: 0.5 },
    ];
    const { summary, stoppedAt } = bothSides(settings('val_loss', 2), history);
    // Epoch 2 (NaN) costs nothing; 3 and 4 do not improve (equal is not better), so patience 2 ends at 4.
    expect(summary).toMatchObject({ epoch: 1, value: 0.5 });
    expect(stoppedAt).toBe(4);
  });
});
