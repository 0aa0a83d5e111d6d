import * as tf from '@tensorflow/tfjs';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyzeGraph } from '../app/analysis/analyze';
import { dataSpec } from '../app/data/spec';
import { resolveLoss } from '../app/training/loss';
import { selectBackend } from '../main/engine/backend';
import { loadDataset } from '../main/engine/datasets';
import { splitData } from '../main/data/split';
import { compileModel } from '../main/engine/compile-model';
import { toTensors } from '../main/engine/tensors';
import { BATCH, benchDocument, type ModelId } from './models';
import { table } from './stats';
import { measure } from './worker';

/**
 * What the training loop costs beyond the arithmetic, per batch, on the default engine:
 * from a bare optimizer step on ready batches up to the engine's own train(). Each row adds one
 * layer of machinery; the differences are what that layer costs.
 */
const BATCHES = 40;

async function setup(id: ModelId) {
  const doc = benchDocument(id);
  const analysis = analyzeGraph(doc.graph);
  const output = analysis.nodes.get(analysis.outputs[0]!)!.shape!;
  const loss = resolveLoss(doc.training.loss, dataSpec(doc.data).task, output);
  if ('error' in loss) throw new Error(loss.error);
  const data = await loadDataset(doc.data, 0);
  const { train } = splitData(data, 0, doc.data.seed, BATCHES * BATCH);
  const { model, optimizer } = compileModel(tf, doc, analysis, loss);
  const { xs, y } = toTensors(
    tf,
    train,
    analysis.inputs.map((id) => analysis.nodes.get(id)!.shape!),
    output,
    loss,
  );
  const batches = Array.from({ length: Math.floor(train.count / BATCH) }, (_, b) => ({
    xs: xs.map((x) => x.slice(b * BATCH, BATCH)),
    y: y.slice(b * BATCH, BATCH),
  }));
  return { model, optimizer, xs, y, batches };
}

/** Median milliseconds per batch of `step`, run over every batch after ten warm-up steps. */
async function perBatch(batches: number, step: (b: number) => Promise<void> | void): Promise<number> {
  for (let b = 0; b < 10; b++) await step(b % batches);
  const times: number[] = [];
  for (let b = 0; b < batches; b++) {
    const start = performance.now();
    await step(b);
    times.push(performance.now() - start);
  }
  return times.sort((p, q) => p - q)[times.length >> 1]!;
}

async function fitMs(model: tf.LayersModel, xs: tf.Tensor[], y: tf.Tensor, callbacks: tf.CustomCallbackArgs | undefined): Promise<number> {
  const ends: number[] = [];
  await model.fit(xs, y, {
    epochs: 2,
    batchSize: BATCH,
    shuffle: true,
    verbose: 0,
    callbacks: { ...callbacks, onBatchEnd: async (b, logs) => (await callbacks?.onBatchEnd?.(b, logs), void ends.push(performance.now())) },
  });
  const gaps = ends.slice(4).map((t, i) => t - ends[i + 3]!);
  return gaps.sort((p, q) => p - q)[gaps.length >> 1]!;
}

export async function benchOverhead(models: readonly ModelId[] = ['mlp', 'lenet', 'gru']): Promise<Record<string, string | number>[]> {
  const rows: Record<string, string | number>[] = [];
  for (const id of models) {
    await selectBackend(tf);
    const s = await setup(id);
    const n = s.batches.length;
    // The compiled model's own loss function, as fit uses it.
    const lossFn = (yt: tf.Tensor, yp: tf.Tensor) =>
      (s.model as unknown as { lossFunctions: ((a: tf.Tensor, b: tf.Tensor) => tf.Tensor)[] }).lossFunctions[0]!(yt, yp).mean<tf.Scalar>();
    const step = (b: number, read: boolean) => {
      const { xs, y } = s.batches[b]!;
      const l = s.optimizer.minimize(() => lossFn(y, s.model.apply(xs, { training: true }) as tf.Tensor), read);
      l?.dataSync();
      l?.dispose();
    };
    // Two rounds through every variant, keeping each one's better median: the machine is shared.
    const best = { bare: Infinity, readLoss: Infinity, trainOnBatch: Infinity, fitBare: Infinity, fitLogged: Infinity };
    for (let round = 0; round < 2; round++) {
      best.bare = Math.min(best.bare, await perBatch(n, (b) => step(b, false)));
      best.readLoss = Math.min(best.readLoss, await perBatch(n, (b) => step(b, true)));
      best.trainOnBatch = Math.min(
        best.trainOnBatch,
        await perBatch(n, async (b) => {
          await s.model.trainOnBatch(s.batches[b]!.xs, s.batches[b]!.y);
        }),
      );
      best.fitBare = Math.min(best.fitBare, await fitMs(s.model, s.xs, s.y, undefined));
      best.fitLogged = Math.min(
        best.fitLogged,
        await fitMs(s.model, s.xs, s.y, {
          // Callbacks that do nothing but are awaited, as the engine's are: the cost is the await itself.
          onBatchBegin: () => Promise.resolve(),
          onBatchEnd: () => Promise.resolve(),
        }),
      );
    }
    const { bare, readLoss, trainOnBatch, fitBare, fitLogged } = best;
    tf.dispose([...s.xs, s.y, ...s.batches.flatMap((q) => [...q.xs, q.y])]);
    s.model.dispose();
    const engine = await measure(id, 'layerlab', { warmup: 6, windows: 10, perWindow: 6 });
    const engineMs = engine.samplesPerSec ? (BATCH * 1000) / engine.samplesPerSec : NaN;
    rows.push({
      model: id,
      'optimizer step': bare,
      '+ loss read': readLoss,
      trainOnBatch,
      'fit (no callbacks)': fitBare,
      'fit + async callbacks': fitLogged,
      'engine train()': engineMs,
      'overhead vs step %': ((engineMs - bare) / engineMs) * 100,
    });
  }
  return rows;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  void benchOverhead().then((rows) => {
    console.log('\nPer-batch cost of the training loop on the default engine (median ms per batch of 64)\n');
    console.log(table(rows));
    writeFileSync(join('bench', 'results', 'overhead.json'), `${JSON.stringify({ measured: new Date().toISOString(), rows }, null, 2)}\n`);
  });
}
