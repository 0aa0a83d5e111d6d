import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { LAYERS } from '../../app/layers/registry';
import { lossFor } from '../../main/engine/metrics';
import { makeOptimizer } from '../../main/engine/optimizer';
import { missingKernel } from '../../main/engine/probe';
import { listAdapters } from '../../main/engine/webgpu/dawn';
import { registerWebgpuBackend } from '../../main/engine/webgpu/register';
import { cases, gradients, label, worstError } from './layer-cases';

/**
 * Every layer of the catalog (the cases of ./layer-cases, as on wasm) on tfjs's webgpu backend,
 * through Dawn's Node binding. On a machine with no GPU the adapter is Mesa's llvmpipe through
 * OpenGL ES (Debian: apt-get install -y libegl1 libgles2 libgl1-mesa-dri): slow, but the same
 * shaders a real GPU runs. Where no adapter can be had at all the suite is skipped, and the
 * skipped test's name says why.
 */
const { adapters, notes } = await listAdapters();
const adapter = adapters.find((a) => !a.software) ?? adapters[0];
const missingWhy = `no WebGPU adapter (${notes.join('; ') || 'Dawn offered none'}); on Debian: apt-get install -y libegl1 libgles2 libgl1-mesa-dri`;

/** GPU arithmetic (fused multiply-adds, other summation orders, fast transcendental functions) differs from cpu's in the last bits. */
const TOLERANCE = 1e-3;

if (!adapter) it.skip(`trains on webgpu: skipped, ${missingWhy}`, () => undefined);

describe.skipIf(!adapter)(`every layer trains on webgpu (${adapter?.name ?? 'none'}${adapter?.software ? ', software' : ''})`, () => {
  const useWebgpu = async () => {
    if (!(await tf.setBackend('webgpu'))) throw new Error('webgpu did not initialise');
  };

  it('the adapter is registered and computes a product exactly', async () => {
    await registerWebgpuBackend(tf, adapter!);
    await useWebgpu();
    const product = tf.matMul(tf.tensor2d([1, 2, 3, 4], [2, 2]), tf.tensor2d([5, 6, 7, 8], [2, 2]));
    expect(Array.from(await product.data())).toEqual([19, 22, 43, 50]);
    product.dispose();
  });

  it('every layer (and each choice of its params) steps with no kernel missing and gets the gradients it gets on cpu', async () => {
    const missing: Record<string, string[]> = {};
    const wrong: string[] = [];
    for (const def of LAYERS) {
      for (const k of cases(def)) {
        await tf.setBackend('cpu');
        const cpu = await gradients(def, k, null);
        await useWebgpu();
        try {
          const gpu = await gradients(def, k, cpu.weights);
          const error = worstError(cpu.values, gpu.values);
          if (!(error < TOLERANCE)) wrong.push(`${label(def, k)}: ${error.toExponential(2)}`);
        } catch (e) {
          const kernel = missingKernel(e);
          if (!kernel) throw new Error(`${label(def, k)}: ${String(e)}`, { cause: e });
          missing[def.type] = [...new Set([...(missing[def.type] ?? []), kernel])].sort();
        }
      }
    }
    const report = Object.entries(missing).map(([type, kernels]) => `${type}: ${kernels.join(', ')}`);
    expect(report, `kernels webgpu lacks, per layer:\n${report.join('\n')}`).toEqual([]);
    expect(wrong, `loss or gradients differ from cpu (max relative error):\n${wrong.join('\n')}`).toEqual([]);
  }, 900_000);

  it('every optimizer (the joined Adam among them) and loss steps, and the loss falls', async () => {
    await useWebgpu();
    const failures: string[] = [];
    const optimizers = ['sgd', 'adam', 'adamax', 'rmsprop', 'adagrad', 'adadelta'] as const;
    const settings = [...optimizers.map((optimizer) => ({ optimizer, momentum: 0 })), { optimizer: 'sgd' as const, momentum: 0.9 }];
    const losses = ['meanSquaredError', 'meanAbsoluteError', 'binaryCrossentropy', 'categoricalCrossentropy', 'huber'] as const;
    for (const s of settings) {
      for (const loss of losses) {
        const x = tf.input({ shape: [4] });
        const model = tf.model({ inputs: x, outputs: tf.layers.dense({ units: 3, activation: 'softmax' }).apply(x) as tf.SymbolicTensor });
        model.compile({
          optimizer: makeOptimizer(tf, { ...s, learningRate: 0.05, nesterov: s.momentum > 0 }),
          loss: lossFor(tf, { loss } as never),
          metrics: ['accuracy'],
        });
        const [xs, ys] = [tf.randomNormal([8, 4], 0, 1, 'float32', 1), tf.oneHot(tf.tensor1d([0, 1, 2, 1, 0, 1, 2, 1], 'int32'), 3).toFloat()];
        try {
          const losses = [];
          for (let i = 0; i < 5; i++) losses.push(((await model.trainOnBatch(xs, ys)) as number[])[0]!);
          if (!(losses.at(-1)! < losses[0]!)) failures.push(`${s.optimizer} / ${loss}: loss did not fall (${losses.join(', ')})`);
        } catch (e) {
          failures.push(`${s.optimizer}${s.momentum ? '+momentum' : ''} / ${loss}: ${missingKernel(e) ?? String(e)}`);
        }
        tf.dispose([xs, ys]);
        model.dispose();
      }
    }
    expect(failures).toEqual([]);
  }, 300_000);
});
