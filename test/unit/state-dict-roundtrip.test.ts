import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { analyzeGraph } from '../../app/analysis/analyze';
import { exportProject } from '../../app/export/export';
import { toKerasWeights, type KerasSlot } from '../../app/export/state-dict';
import { convertWeights, type NamedTensor } from '../../app/export/weights';
import { buildModel } from '../../main/engine/build-model';
import { template } from './helpers';

/** Every weight of a freshly built model of the template, as the TF.js checkpoint names them. */
function kerasWeights(id: string) {
  const doc = template(id);
  const model = buildModel(tf, doc, analyzeGraph(doc.graph));
  const slots: KerasSlot[] = model.weights.map((w) => ({ name: w.originalName, shape: w.shape as number[] }));
  const tensors: NamedTensor[] = model.weights.map((w) => ({ name: w.originalName, shape: w.shape as number[], data: w.read().dataSync() as Float32Array }));
  model.dispose();
  const exported = exportProject(doc, 'pytorch', { dataPackages: 'node_modules', withWeights: true });
  if (!exported.ok) throw new Error(exported.errors.join('; '));
  return { slots, tensors, maps: exported.weightMaps };
}

describe('state_dict ↔ TF.js weights', () => {
  // Dense, conv (HWIO ↔ OIHW), LSTM/GRU gates and split biases, attention's regrouped projections, bidirectional copies.
  for (const id of ['mlp-mnist', 'lenet-mnist', 'lstm-imdb', 'bilstm-imdb', 'gru-co2', 'transformer-imdb', 'seq2seq-reverse']) {
    it(`${id}: Keras → state_dict → Keras gives back every value`, () => {
      const { slots, tensors, maps } = kerasWeights(id);
      const back = toKerasWeights(maps, convertWeights(maps, tensors), slots);
      expect(back.map((t) => t.name)).toEqual(slots.map((s) => s.name));
      back.forEach((t, i) => {
        expect(t.shape).toEqual(tensors[i]!.shape);
        expect(Array.from(t.data)).toEqual(Array.from(tensors[i]!.data));
      });
    });
  }

  it('refuses a state_dict that lacks a tensor, has one too many, or one of the wrong shape', () => {
    const { slots, tensors, maps } = kerasWeights('mlp-mnist');
    const dict = convertWeights(maps, tensors);
    expect(() => toKerasWeights(maps, dict.slice(1), slots)).toThrow(/has no/);
    expect(() => toKerasWeights(maps, [...dict, { name: 'extra.weight', shape: [1], data: new Float32Array(1) }], slots)).toThrow(/extra\.weight/);
    const wrong = dict.map((t, i) => (i === 0 ? { ...t, shape: [...t.shape].reverse() } : t));
    expect(() => toKerasWeights(maps, wrong, slots)).toThrow(/shape/);
  });
});
