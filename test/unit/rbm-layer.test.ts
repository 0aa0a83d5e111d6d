import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { analyzeGraph } from '../../app/analysis/analyze';
import { getLayer } from '../../app/layers/registry';
import { isRbmLayer, rbmClass } from '../../app/layers/tfjs/rbm';
import { edge, graph, node } from './helpers';

describe('RBM layer', () => {
  it('maps (None, v) to (None, h) with v·h + v + h parameters', () => {
    const a = analyzeGraph(graph([node('in', 'InputLayer', { shape: [784] }), node('rbm', 'RBM', { units: 128 })], [edge('in', 'rbm')]));
    expect(a.issues).toEqual([]);
    expect(a.nodes.get('rbm')?.shape).toEqual([128]);
    expect(a.totalParams).toBe(784 * 128 + 784 + 128);
  });

  it('asks for a Flatten in front of an image', () => {
    const def = getLayer('RBM')!;
    const r = def.outputShape(def.params.parse({}), [[28, 28, 1]]);
    expect(r).toMatchObject({ ok: false, fix: 'Put a Flatten before it.' });
    expect(def.params.safeParse({ cdSteps: 0 }).success).toBe(false);
    expect(def.params.safeParse({ visibleType: 'poisson' }).success).toBe(false);
  });

  it('outputs sigmoid(v·W + b_h), reconstructs through the visible bias and survives a save and load', async () => {
    const RBM = rbmClass(tf);
    const input = tf.input({ shape: [3] });
    const layer = new RBM({ units: 2, visibleType: 'binary', cdSteps: 1, persistent: false, name: 'rbm' });
    const model = tf.model({ inputs: input, outputs: layer.apply(input) as tf.SymbolicTensor });
    const w = [
      [1, 0],
      [0, 1],
      [1, 1],
    ];
    model.setWeights([tf.tensor2d(w), tf.tensor1d([0.5, -0.5, 0]), tf.tensor1d([0, -1])]);
    const v = tf.tensor2d([[1, 0, 1]]);
    const sig = (x: number) => 1 / (1 + Math.exp(-x));
    const h = [sig(2), sig(0)];
    expect(Array.from((model.predict(v) as tf.Tensor).dataSync())).toEqual(h.map((x) => expect.closeTo(x, 5) as number));
    expect(isRbmLayer(layer)).toBe(true);
    const back = layer.reconstruct(v).dataSync();
    expect(back[0]).toBeCloseTo(sig(h[0]! + 0.5), 5);
    expect(back[2]).toBeCloseTo(sig(h[0]! + h[1]!), 5);

    let saved: tf.io.ModelArtifacts | undefined;
    await model.save(
      tf.io.withSaveHandler((a) => ((saved = a), Promise.resolve({ modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON' } }))),
    );
    const loaded = await tf.loadLayersModel(tf.io.fromMemory(saved!));
    expect(Array.from((loaded.predict(v) as tf.Tensor).dataSync())).toEqual(h.map((x) => expect.closeTo(x, 5) as number));
    expect(loaded.layers.some(isRbmLayer)).toBe(true);
  });
});
