import * as tf from '@tensorflow/tfjs';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { HostEvent } from '../../app/protocol/events';
import { RunControls } from '../../main/engine/controls';
import type { TrainContext } from '../../main/engine/context';
import type { TrainingMode } from '../../main/engine/run/mode';
import type { RunObserver } from '../../main/engine/run/observer';
import { failureEvent } from '../../main/engine/run/fail';
import { runTraining } from '../../main/engine/run/skeleton';
import { UserError } from '../../main/user-error';
import { checkpointMeta, openRecorder, RUN_FILES } from '../../main/record/recorder';
import { template } from './helpers';

const made: string[] = [];
afterAll(() => {
  made.forEach((d) => rmSync(d, { recursive: true, force: true }));
});
function runDir(): string {
  const d = mkdtempSync(join(tmpdir(), 'layerlab-skeleton-'));
  made.push(d);
  return d;
}

/**
 * A third training mode, written here in a few lines: its "step" reads the next loss from a list
 * and nudges one weight. Everything else a run does comes from the skeleton, with no code of its own.
 */
function toyMode(losses: readonly number[], trialError?: string): TrainingMode<null> {
  return {
    noun: 'toy',
    check: () => null,
    open: () =>
      Promise.resolve({
        samples: { train: 8, validation: 0 },
        batchesPerEpoch: 4,
        lossWhy: 'the next number on a list',
        nanCauses: (lr) => `the list (at rate ${lr}) held a NaN.`,
        sample: (n) => ({ xs: [tf.zeros([n, 1])], y: tf.zeros([n, 1]) }),
        build: () => {
          const model = tf.sequential({ layers: [tf.layers.dense({ units: 1, inputShape: [1] })] });
          let step = 0;
          let sum = 0;
          return {
            drive: 'steps',
            model,
            trial: () => (trialError ? Promise.reject(new Error(trialError)) : Promise.resolve()),
            beginEpoch: () => (sum = 0),
            trainBatch: () => {
              const loss = losses[step++ % losses.length]!;
              sum += loss;
              return Promise.resolve({ loss });
            },
            epochLogs: () => Promise.resolve({ loss: sum / 4 }),
            dispose: () => {
              model.dispose();
            },
          };
        },
        dispose: () => undefined,
      }),
  };
}

const doc = (epochs: number, patch: (d: ReturnType<typeof template>) => void = () => undefined) => {
  const d = template('mlp-spirals');
  d.training.epochs = epochs;
  patch(d);
  return d;
};

async function run(mode: TrainingMode<null>, epochs: number, extra: Partial<TrainContext> = {}, patch?: Parameters<typeof doc>[1]) {
  const events: HostEvent[] = [];
  const ctx: TrainContext = {
    ...extra,
    tf,
    emit: (e) => {
      events.push(e);
      extra.emit?.(e);
    },
  };
  const error = await runTraining({ runId: 'toy', document: doc(epochs, patch), backend: 'wasm' }, ctx, mode).then(
    () => null,
    (e: unknown) => e as Error,
  );
  return { events, error };
}

const steps = (events: HostEvent[]) => events.flatMap((e) => (e.type === 'run.batches' ? e.points.map((p) => p.step) : []));
const epochsOf = (events: HostEvent[]) => events.flatMap((e) => (e.type === 'run.epoch' ? [e.epoch] : []));

describe('a training mode that only brings a step', () => {
  it('gets started, batch, epoch and finished events, records on disk first, and falls back from wasm with the reason', async () => {
    const dir = runDir();
    const onDisk: number[][] = [];
    const { events, error } = await run(toyMode([4, 3, 2, 1], "Kernel 'ToyOp' not registered for backend 'wasm'"), 3, {
      recorder: openRecorder(dir),
      emit: (e) => {
        if (e.type === 'run.epoch') {
          const lines = readFileSync(join(dir, RUN_FILES.epochs), 'utf8').trim().split('\n');
          onDisk.push([e.epoch, lines.length, checkpointMeta(dir, 'last')?.epoch ?? 0]);
        }
      },
    });
    expect(error).toBeNull();
    expect(events.find((e) => e.type === 'run.started')).toMatchObject({
      backend: { name: 'cpu', reason: 'wasm cannot train this toy yet (it lacks the ToyOp kernel), so the slower cpu backend runs it' },
      epochs: 3,
      batchesPerEpoch: 4,
      samples: { train: 8, validation: 0 },
      loss: 'the next number on a list',
    });
    expect(steps(events)).toEqual(Array.from({ length: 12 }, (_, i) => i + 1));
    expect(events.flatMap((e) => (e.type === 'run.epoch' ? [e.logs] : []))).toEqual([{ loss: 2.5 }, { loss: 2.5 }, { loss: 2.5 }]);
    // Each epoch was in the history file, with its weights, when the UI heard of it.
    expect(onDisk).toEqual([
      [1, 1, 1],
      [2, 2, 2],
      [3, 3, 3],
    ]);
    expect(events.at(-1)).toMatchObject({ type: 'run.finished', status: 'completed', epochsDone: 3 });
    expect(checkpointMeta(dir, 'best')?.epoch).toBe(1);
  });

  it('pauses, steps one batch at a time and stops, reporting no partial epoch', async () => {
    const paused: number[] = [];
    const controls: RunControls = new RunControls(
      (step) => {
        paused.push(step);
        setTimeout(() => {
          if (paused.length < 3) controls.step();
          else controls.stop();
        }, 5);
      },
      () => undefined,
    );
    controls.pause();
    const { events } = await run(toyMode([1]), 50, { controls });
    expect(paused).toEqual([1, 2, 3]);
    expect(steps(events)).toEqual([1, 2, 3]);
    expect(epochsOf(events)).toEqual([]);
    expect(events.at(-1)).toMatchObject({ type: 'run.finished', status: 'stopped', epochsDone: 0 });
  });

  it('stops at a NaN loss with the message, keeping the epochs before it', async () => {
    const { events, error } = await run(toyMode([1, 1, 1, 1, 1, NaN]), 3, {}, (d) => (d.training.learningRate = 0.5));
    expect(error?.message).toBe('The loss became NaN or infinite at batch 6 (epoch 2), so training stopped. Likely causes: the list (at rate 0.5) held a NaN.');
    expect(epochsOf(events)).toEqual([1]);
    expect(steps(events)).toEqual([1, 2, 3, 4, 5]);
    expect(events.some((e) => e.type === 'run.finished')).toBe(false);
  });

  it('stops early when its loss stops improving', async () => {
    const { events } = await run(toyMode([1]), 20, {}, (d) => {
      d.training.earlyStopping = { enabled: true, monitor: 'loss', patience: 2, restoreBest: true };
    });
    expect(epochsOf(events)).toEqual([1, 2, 3]);
    expect(events.at(-1)).toMatchObject({
      type: 'run.finished',
      status: 'completed',
      note: 'Early stopping after epoch 3: loss did not improve for 2 epochs. Restored the weights of epoch 1 (loss 1.0000).',
    });
  });

  it('calls observers at start, after each batch and recorded epoch, and at the end', async () => {
    const seen: string[] = [];
    const observer: RunObserver = {
      start: ({ model, sample }) => {
        const s = sample(3);
        seen.push(`start:${model.countParams()}:${s?.xs[0]?.shape.join('x') ?? 'none'}`);
        if (s) tf.dispose([...s.xs, s.y]);
      },
      afterBatch: ({ step, epoch }) => void seen.push(`batch:${epoch}.${step}`),
      afterEpoch: ({ epoch, logs }) => void seen.push(`epoch:${epoch}:${logs.loss}`),
      dispose: () => void seen.push('dispose'),
    };
    await run(toyMode([2]), 2, { observers: [observer] });
    expect(seen).toEqual([
      'start:2:3x1',
      ...[1, 2, 3, 4].map((s) => `batch:1.${s}`),
      'epoch:1:2',
      ...[5, 6, 7, 8].map((s) => `batch:2.${s}`),
      'epoch:2:2',
      'dispose',
    ]);
  });
});

describe('how a run fails', () => {
  it('shows a problem the user can fix as it is, and a fault of ours with its stack', async () => {
    const { error } = await run(toyMode([1]), 1, {}, (d) => (d.graph.edges = []));
    expect(error).toBeInstanceOf(UserError);
    expect(failureEvent('toy', error)).toEqual({
      v: 1,
      type: 'run.failed',
      runId: 'toy',
      message: 'The network has errors: This layer is not connected to anything. Wire it into the network, or select it and press Delete.',
    });
    const fault = failureEvent('toy', new TypeError('x is undefined'));
    expect(fault).toMatchObject({
      type: 'run.failed',
      message: 'Training failed: x is undefined',
      detail: expect.stringContaining('TypeError: x is undefined') as unknown,
    });
  });
});
