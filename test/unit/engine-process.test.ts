import { describe, expect, it } from 'vitest';
import type { HostEvent } from '../../app/protocol/events';
import type { EngineProcess } from '../../main/service/engine-process';
import { forkEngine } from '../../main/service/fork-engine';
import { appPaths } from '../../main/service/paths';
import { RunManager } from '../../main/service/runs';
import { ROOT, template } from './helpers';

const paths = appPaths(ROOT);

function manager() {
  const events: HostEvent[] = [];
  let engine: EngineProcess | undefined;
  const launch = forkEngine(paths.engine);
  const runs = new RunManager(
    () => (engine = launch()),
    (e) => events.push(e),
  );
  const until = (pred: (e: HostEvent) => boolean) =>
    new Promise<HostEvent>((resolve) => {
      const timer = setInterval(() => {
        const hit = events.find(pred);
        if (hit) {
          clearInterval(timer);
          resolve(hit);
        }
      }, 10);
    });
  return { runs, events, until, engine: () => engine! };
}

describe('engine processes', () => {
  it('runs training in a child process and streams its progress', async () => {
    const { runs, events } = manager();
    const doc = template('mlp-spirals');
    doc.training.epochs = 3;
    runs.start(doc);
    await runs.idle();
    expect(events.map((e) => e.type)).toEqual(expect.arrayContaining(['run.started', 'run.batches', 'run.epoch', 'run.finished']));
    expect(events.at(-1)).toMatchObject({ type: 'run.finished', status: 'completed', epochsDone: 3 });
  });

  it('refuses a second run while one is going', async () => {
    const { runs } = manager();
    const doc = template('mlp-spirals');
    const id = runs.start(doc);
    expect(() => runs.start(doc)).toThrow('A training run is already in progress. Stop it before starting another.');
    runs.stop(id);
    await runs.idle();
  });

  it('stops a long run within a second', async () => {
    const { runs, until } = manager();
    const doc = template('mlp-mnist');
    doc.training.epochs = 50;
    const id = runs.start(doc);
    await until((e) => e.type === 'run.batches');
    const asked = performance.now();
    expect(runs.stop(id)).toBe(true);
    const done = await until((e) => e.type === 'run.finished');
    expect(done).toMatchObject({ status: 'stopped' });
    expect(performance.now() - asked).toBeLessThan(1000);
    expect(runs.busy).toBe(false);
  });

  it('reports an engine that dies as an interrupted run', async () => {
    const { runs, until, engine } = manager();
    const doc = template('mlp-spirals');
    doc.training.epochs = 500;
    runs.start(doc);
    await until((e) => e.type === 'run.batches');
    engine().kill();
    const failed = await until((e) => e.type === 'run.failed');
    expect(failed).toMatchObject({ message: 'Interrupted: the training engine was killed.' });
    expect(runs.busy).toBe(false);
  });

  it('refuses a document that does not fit its data before any engine starts, without a stack trace', () => {
    const { runs, engine } = manager();
    const doc = template('mlp-spirals');
    doc.data.dataset = 'mnist';
    expect(() => runs.start(doc)).toThrow(
      'MNIST digits examples have shape (28, 28, 1) (784 values), but input_1 expects (2,). Fix: Set input_1 shape to (784,).',
    );
    expect(engine()).toBeUndefined();
    expect(runs.busy).toBe(false);
  });

  it('reports a user error met while training (a diverging loss) without a stack trace', async () => {
    const { runs, until } = manager();
    // Plain SGD this fast on a regression makes the output layer's weights grow without bound.
    const doc = template('gru-co2');
    doc.training = { ...doc.training, optimizer: 'sgd', learningRate: 10, epochs: 50 };
    runs.start(doc);
    const failed = await until((e) => e.type === 'run.failed');
    expect(failed.type === 'run.failed' && failed.message).toMatch(/^The loss became NaN or infinite at batch \d+/);
    expect(failed).not.toHaveProperty('detail');
  });
});
