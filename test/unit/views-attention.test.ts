import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { analyzeGraph } from '../../app/analysis/analyze';
import type { AttentionMap } from '../../app/layers/tfjs/attention-math';
import { buildModel } from '../../main/engine/build-model';
import { attentionView } from '../../main/engine/views/attention';
import { template } from './helpers';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

describe('attention view', () => {
  it('gives weights that sum to 1 over the keys for every head and query, inside a TransformerEncoder', async () => {
    const doc = template('transformer-imdb');
    const model = buildModel(tf, doc, analyzeGraph(doc.graph));
    const ids = tf.tensor2d(
      Int32Array.from({ length: 100 }, (_, i) => (i < 60 ? 0 : 2 + ((i * 37) % 500))),
      [1, 100],
      'int32',
    );
    const layer = model.getLayer('transformer_encoder_1') as unknown as { attentionMaps(x: tf.Tensor[]): AttentionMap[] };
    const feed = tf.model({ inputs: model.inputs, outputs: model.getLayer('transformer_encoder_1').input });
    const [map] = layer.attentionMaps([feed.predict(ids) as tf.Tensor]);
    expect(map!.weights.shape).toEqual([1, 2, 100, 100]);
    const sums = tf.sum(map!.weights, -1).dataSync();
    for (const s of sums) expect(s).toBeCloseTo(1, 5);

    // The view shows the 40 real tokens; what went to padding is reported, and rows plus it make 1.
    const tokens = Array.from(ids.dataSync(), (id) => (id === 0 ? '·' : `w${id}`));
    const view = await attentionView(tf, model, { x: ids, tokens });
    expect(view.layer).toBe('transformer_encoder_1');
    const m = view.maps[0]!;
    expect(m.queries).toHaveLength(40);
    expect(m.weights).toHaveLength(2);
    const shownShare = m.weights.flat().reduce((a, row) => a + row.reduce((b, v) => b + v, 0), 0) / (2 * 40);
    expect(shownShare + m.hidden).toBeCloseTo(1, 3);
    model.dispose();
  });

  it('says why a model without attention has no heatmap', async () => {
    const doc = template('mlp-spirals');
    const model = buildModel(tf, doc, analyzeGraph(doc.graph));
    await expect(attentionView(tf, model, { x: tf.zeros([1, 2]), tokens: ['a', 'b'] })).rejects.toThrow('no MultiHeadAttention or Transformer layer');
    model.dispose();
  });
});
