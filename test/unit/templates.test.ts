import * as tf from '@tensorflow/tfjs';
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyzeGraph } from '../../app/analysis/analyze';
import { checkDataFit } from '../../app/data/fit';
import type { HostEvent } from '../../app/protocol/events';
import { train } from '../../main/engine/train';
import { template, TEMPLATES } from './helpers';

/** Keras's totals for the same models (formulas in the comments), as `model.summary()` prints them. */
const KERAS_TOTALS: Record<string, number> = {
  'mlp-spirals': 322, // 2·64+64 + 64·2+2
  // Keras: the pretrained base as a nested Model, conv1 (3·3·1·8+8) + conv2 (3·3·8·16+16), then Dense 400·5+5.
  'transfer-digits': 3_253,
  'transfer-digits-scratch': 3_253, // the same layers, not nested
  'mlp-iris': 131, // 4·16+16 + 16·3+3
  'mlp-mnist': 101_770, // 784·128+128 + 128·10+10
  'lenet-mnist': 61_706, // 156 + 2,416 + 48,120 + 10,164 + 850
  'text-to-digit': 10_897, // 19·32+6·32 + 16·32 + 4·(32·32+32) + 64 + 32·64+64 + 64·49+49
  'cnn-cifar10': 591_274, // 896 + 9,248 + 18,496 + 36,928 + 8·8·64·128+128 + 1,290
  'deep-relu-mnist': 71_690, // 50,240 + 5·4,160 + 650
  'deep-sigmoid-mnist': 71_690,
  'lstm-imdb': 328_353, // 320,000 + 4·(32·(32+32)+32) + 33
  'bilstm-imdb': 336_705, // 320,000 + 2·8,320 + 65
  'transformer-imdb': 331_777, // 320,000+3,200 + encoder 8,544 + 33
  'gru-co2': 3_393, // 3·(32·(1+32)+2·32) + 33
  'seq2seq-reverse': 22_924, // 2·(384+192) + encoder 8,544 + decoder 12,832 + 396
  'conv-autoencoder-mnist': 3_217, // 160 + 1,160 + 584 + 1,168 + 145
  'denoising-autoencoder-mnist': 3_217,
  'rbm-pretrain-mnist': 219_098, // no RBM in Keras: (784·256+784+256) + (256·64+256+64) + Dense 64·10+10
  'rbm-mnist': 101_264, // Keras has no RBM: W 784·128 + visible bias 784 + hidden bias 128
  // Conv 3·3·3·16+16, 3·3·16·32+32, 3·3·32·64+64, then Dense 64·2+2.
  'teach-your-pictures-scratch': 23_714,
  'dcgan-mnist': 256_322, // generator 64·3,136 (no bias) + BN 4·64 + 16·64·32 (no bias) + BN 4·32 + 16·32+1 = 234,369; discriminator 9·32+32 + 9·32·64+64 + 3,136+1 = 21,953
};

const ids = readdirSync(TEMPLATES)
  .map((f) => f.replace('.layerlab.json', ''))
  .sort();
/**
 * Templates whose model is downloaded on first use (the MobileNetV2 zoo node carries its layers only after
 * that) and whose data is the user's own folder: test/unit/transfer-zoo.test.ts trains them with the tiny
 * stand-in model and a picture folder it writes.
 */
const NEEDS_DOWNLOAD = new Set(['teach-your-pictures']);
const ready = ids.filter((id) => !NEEDS_DOWNLOAD.has(id));
/** Templates for the user's own picture folder train once one is chosen (transfer-zoo.test.ts trains them on one it writes). */
const trainable = ready.filter((id) => template(id).data.dataset !== 'images');

describe('templates', () => {
  it('are all listed here with their Keras totals', () => {
    expect(ready).toEqual(Object.keys(KERAS_TOTALS).sort());
  });

  it.each(ready)('%s validates, fits its dataset and counts like Keras', (id) => {
    const doc = template(id);
    const analysis = analyzeGraph(doc.graph);
    expect(analysis.issues).toEqual([]);
    // A template for the user's own pictures says what to do first, and nothing else.
    const fit = checkDataFit(doc, analysis).map((i) => i.message);
    expect(fit).toEqual(doc.data.dataset === 'images' ? ['Choose a folder of images for your data.'] : []);
    expect(analysis.totalParams).toBe(KERAS_TOTALS[id]);
  });

  it.each(trainable)(
    '%s trains one short epoch on wasm with finite losses',
    async (id) => {
      const doc = template(id);
      doc.training = { ...doc.training, epochs: 1, batchSize: 16, validationSplit: 0.25 };
      doc.data = { ...doc.data, limit: 96, samples: Math.min(doc.data.samples, 200) };
      const events: HostEvent[] = [];
      await train({ runId: id, document: doc, backend: 'wasm' }, { tf, emit: (e) => events.push(e), stopRequested: () => false });
      const started = events.find((e) => e.type === 'run.started');
      expect(started?.backend.name).toBe('wasm');
      const losses = events.flatMap((e) => (e.type === 'run.batches' ? e.points.map((p) => p.loss) : []));
      expect(losses.length).toBeGreaterThan(2);
      expect(losses.every(Number.isFinite)).toBe(true);
      const epoch = events.find((e) => e.type === 'run.epoch');
      expect(Number.isFinite(epoch?.logs.val_loss)).toBe(true);
      expect(events.at(-1)).toMatchObject({ type: 'run.finished', status: 'completed' });
    },
    120_000,
  );
});
