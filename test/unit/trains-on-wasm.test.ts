import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { beforeAll, describe, expect, it } from 'vitest';
import { LAYERS } from '../../app/layers/registry';
import type { LayerDef } from '../../app/layers/types';
import { lossFor } from '../../main/engine/metrics';
import { makeOptimizer } from '../../main/engine/optimizer';
import { missingKernel } from '../../main/engine/probe';
import { registerWasmTrainingKernels } from '../../main/engine/kernels/register';
import { build, batch, cases, gradients, label, worstError, type Case } from './layer-cases';

/** Every layer of the catalog (cases from ./layer-cases) takes one Adam step on the wasm backend. */
/** One Adam step; returns the loss or the missing kernel. */
async function step(def: LayerDef, k: Case): Promise<{ loss: number } | { missing: string }> {
  const model = build(def, k);
  const xs = batch(def, k, 3);
  const y = tf.randomNormal((model.predict(xs) as tf.Tensor).shape);
  model.compile({ optimizer: tf.train.adam(1e-3), loss: 'meanSquaredError' });
  try {
    return { loss: (await model.trainOnBatch(xs, y)) as number };
  } catch (e) {
    const missing = missingKernel(e);
    if (!missing) throw e;
    return { missing };
  } finally {
    tf.dispose([...xs, y]);
    model.dispose();
  }
}

/** Every kernel the step dispatches, seen on the cpu backend (which has them all), that wasm does not register. */
async function missingOnWasm(def: LayerDef, k: Case): Promise<string[]> {
  await tf.setBackend('cpu');
  try {
    const info = await tf.profile(async () => {
      await step(def, k);
      return tf.scalar(0);
    });
    return [...new Set(info.kernels.map((r) => r.name))].filter((name) => !(tf.getKernel(name, 'wasm') as tf.KernelConfig | undefined)).sort();
  } finally {
    await tf.setBackend('wasm');
  }
}

beforeAll(async () => {
  await tf.setBackend('wasm');
  registerWasmTrainingKernels(tf);
});

describe('every layer trains on wasm', () => {
  it('the catalog has a case for every layer', () => {
    // A Pretrained model is made of catalog layers (each has its cases here), built from a loaded source model:
    // wasm-trajectory.test.ts trains the transfer template on wasm against cpu instead.
    expect(LAYERS.filter((def) => def.type !== 'PretrainedModel' && cases(def).length === 0).map((d) => d.type)).toEqual([]);
  });

  it('one Adam step of every layer (and each choice of its params) runs with no kernel missing', async () => {
    const missing: Record<string, string[]> = {};
    const broken: string[] = [];
    for (const def of LAYERS) {
      for (const k of cases(def)) {
        const result = await step(def, k).catch((e: unknown) => {
          throw new Error(`${label(def, k)}: ${String(e)}`);
        });
        if ('missing' in result) {
          const all = await missingOnWasm(def, k);
          missing[def.type] = [...new Set([...(missing[def.type] ?? []), result.missing, ...all])].sort();
        } else if (!Number.isFinite(result.loss)) broken.push(label(def, k));
      }
    }
    const report = Object.entries(missing).map(([type, kernels]) => `${type}: ${kernels.join(', ')}`);
    expect(report, `kernels wasm lacks, per layer:\n${report.join('\n')}`).toEqual([]);
    expect(broken, 'non-finite loss').toEqual([]);
  });

  it('every layer (and each choice of its params) gets the gradients it gets on cpu', async () => {
    const wrong: string[] = [];
    for (const def of LAYERS) {
      for (const k of cases(def)) {
        await tf.setBackend('cpu');
        const cpu = await gradients(def, k, null);
        await tf.setBackend('wasm');
        const wasm = await gradients(def, k, cpu.weights);
        const error = worstError(cpu.values, wasm.values);
        if (!(error < 1e-4)) wrong.push(`${label(def, k)}: ${error.toExponential(2)}`);
      }
    }
    expect(wrong, `loss or gradients differ from cpu (max relative error):\n${wrong.join('\n')}`).toEqual([]);
  });

  it('every optimizer and loss steps on wasm', async () => {
    const failures: string[] = [];
    const optimizers = ['sgd', 'adam', 'adamax', 'rmsprop', 'adagrad', 'adadelta'] as const;
    const settings = [...optimizers.map((optimizer) => ({ optimizer, momentum: 0 })), { optimizer: 'sgd' as const, momentum: 0.9 }];
    const losses = ['meanSquaredError', 'meanAbsoluteError', 'binaryCrossentropy', 'categoricalCrossentropy', 'huber'] as const;
    for (const s of settings) {
      for (const loss of losses) {
        const x = tf.input({ shape: [4] });
        const model = tf.model({ inputs: x, outputs: tf.layers.dense({ units: 3, activation: 'softmax' }).apply(x) as tf.SymbolicTensor });
        model.compile({
          optimizer: makeOptimizer(tf, { ...s, learningRate: 0.01, nesterov: s.momentum > 0 }),
          loss: lossFor(tf, { loss } as never),
          metrics: ['accuracy'],
        });
        const [xs, ys] = [tf.randomNormal([4, 4]), tf.oneHot(tf.tensor1d([0, 1, 2, 1], 'int32'), 3).toFloat()];
        try {
          await model.trainOnBatch(xs, ys);
        } catch (e) {
          failures.push(`${s.optimizer}${s.momentum ? '+momentum' : ''} / ${loss}: ${missingKernel(e) ?? String(e)}`);
        }
        tf.dispose([xs, ys]);
        model.dispose();
      }
    }
    expect(failures).toEqual([]);
  });
});
