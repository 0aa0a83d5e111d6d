import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import type { HostEvent } from '../../app/protocol/events';
import { learningRateAt, newPlateau, observePlateau } from '../../app/training/schedule';
import { OPTIMIZERS, scheduleSchema, SCHEDULES, type TrainingSettings } from '../../app/training/settings';
import { RunControls } from '../../main/engine/controls';
import { train } from '../../main/engine/train';
import { template } from './helpers';

function spirals(training: Partial<TrainingSettings>) {
  const doc = template('mlp-spirals');
  doc.training = { ...doc.training, ...training };
  return doc;
}

async function run(doc: ReturnType<typeof template>, controls?: RunControls, onEvent?: (e: HostEvent) => void) {
  const events: HostEvent[] = [];
  await train({ runId: 'r', document: doc, backend: 'wasm' }, { tf, emit: (e) => (events.push(e), onEvent?.(e)), ...(controls ? { controls } : {}) });
  return events;
}

const epochs = (events: HostEvent[]) => events.flatMap((e) => (e.type === 'run.epoch' ? [e] : []));

describe('optimizers and schedules', () => {
  const rates: Record<(typeof OPTIMIZERS)[number], Partial<TrainingSettings>> = {
    sgd: { learningRate: 0.1, momentum: 0.9, nesterov: true },
    adam: { learningRate: 0.02 },
    adamax: { learningRate: 0.02 },
    rmsprop: { learningRate: 0.01 },
    adagrad: { learningRate: 0.1 },
    adadelta: { learningRate: 1 },
  };
  it.each(OPTIMIZERS)('%s reduces the loss on spirals', async (optimizer) => {
    const e = epochs(await run(spirals({ optimizer, epochs: 8, ...rates[optimizer] })));
    expect(e.at(-1)!.logs.loss).toBeLessThan(e[0]!.logs.loss);
  });

  it.each(SCHEDULES)('%s schedule trains and reports its rate each epoch', async (kind) => {
    const schedule = scheduleSchema.parse({ kind, stepEvery: 2, factor: 0.5, patience: 1 });
    const e = epochs(await run(spirals({ epochs: 6, learningRate: 0.02, schedule })));
    expect(e.at(-1)!.logs.loss).toBeLessThan(e[0]!.logs.loss);
    expect(e[0]!.learningRate).toBeCloseTo(0.02);
    if (kind === 'step') expect(e.map((x) => x.learningRate)).toEqual([0.02, 0.02, 0.01, 0.01, 0.005, 0.005]);
    if (kind === 'cosine' || kind === 'exponential') expect(e.at(-1)!.learningRate!).toBeLessThan(0.02);
  });

  it('computes schedule rates as documented', () => {
    const s = scheduleSchema.parse({ kind: 'exponential', decayRate: 0.5, minLearningRate: 0.1 });
    expect([0, 1, 2, 3].map((e) => learningRateAt(s, 1, e, 10))).toEqual([1, 0.5, 0.25, 0.125]);
    expect(learningRateAt({ ...s, kind: 'exponential' }, 1, 10, 10)).toBe(0.1);
    const cos = scheduleSchema.parse({ kind: 'cosine', minLearningRate: 0 });
    expect(learningRateAt(cos, 1, 0, 10)).toBe(1);
    expect(learningRateAt(cos, 1, 5, 10)).toBeCloseTo(0.5);
    const plateau = scheduleSchema.parse({ kind: 'plateau', patience: 2, factor: 0.1 });
    let state = newPlateau(1);
    for (const loss of [1, 0.9, 0.95, 0.93]) state = observePlateau(plateau, state, loss);
    expect(state.rate).toBeCloseTo(0.1);
  });
});

describe('early stopping', () => {
  it('stops when the monitored metric stops improving and restores the best weights', async () => {
    const doc = spirals({ epochs: 300, learningRate: 0.02, earlyStopping: { enabled: true, monitor: 'val_accuracy', patience: 3, restoreBest: true } });
    const events = await run(doc);
    const done = events.at(-1)!;
    expect(done.type).toBe('run.finished');
    if (done.type !== 'run.finished') return;
    expect(done.epochsDone).toBeLessThan(300);
    expect(done.note).toMatch(
      /^Early stopping after epoch \d+: val_accuracy did not improve for 3 epochs\. Restored the weights of epoch \d+ \(val_accuracy \d\.\d{4}\)\.$/,
    );
  });
});

describe('pause, step, resume and stop', () => {
  it('pauses at the next batch, steps exactly one batch at a time, resumes, and stops keeping its place', async () => {
    const doc = spirals({ epochs: 50 });
    const paused: number[] = [];
    const controls: RunControls = new RunControls(
      (step) => {
        paused.push(step);
        // Step twice, then resume, then stop a few batches later.
        if (paused.length <= 2) setTimeout(() => controls.step(), 5);
        else setTimeout(() => controls.resume(), 5);
      },
      () => setTimeout(() => controls.stop(), 20),
    );
    controls.pause();
    const events = await run(doc, controls);
    expect(paused).toEqual([1, 2, 3]);
    const steps = events.flatMap((e) => (e.type === 'run.batches' ? e.points.map((p) => p.step) : []));
    expect(steps.slice(0, 3)).toEqual([1, 2, 3]);
    expect(events.at(-1)).toMatchObject({ type: 'run.finished', status: 'stopped' });
  });
});

describe('faults', () => {
  it('stops on a NaN loss and names the batch and likely causes', async () => {
    // Mean squared error on a forecaster: a huge step overflows the weights and the loss.
    const doc = template('gru-co2');
    doc.training = { ...doc.training, optimizer: 'sgd', learningRate: 1e30, epochs: 2 };
    await expect(run(doc)).rejects.toThrow(
      /^The loss became NaN or infinite at batch \d+ \(epoch 1\), so training stopped\. Likely causes: the learning rate \(1e\+30\) is too high/,
    );
  });

  it('leaks no tensors from one epoch to the next', async () => {
    const counts: number[] = [];
    await run(spirals({ epochs: 6 }), undefined, (e) => {
      if (e.type === 'run.epoch') counts.push(tf.memory().numTensors);
    });
    expect(new Set(counts.slice(1)).size).toBe(1);
  });
});
