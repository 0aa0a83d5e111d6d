// Writes the transfer templates from the shipped model (run make-pretrained-cnn.ts first), then lay them out:
//   npx tsx scripts/make-transfer-templates.ts && npx tsx scripts/layout-templates.ts
// The PretrainedModel node carries the model's layer summary, read here as the app reads it when a source is chosen.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { loadModelFile } from '../main/transfer/read-model';
import { summarizeModel } from '../main/transfer/summarize';

const root = join(import.meta.dirname, '..');
const model = await loadModelFile(tf, join(root, 'resources', 'models', 'digits-0-4', 'model.json'));
const summary = summarizeModel(model);

const at = (i: number) => ({ x: i * 300, y: 0 });
const node = (id: string, type: string, i: number, params: Record<string, unknown>) => ({ id, type, name: id, position: at(i), params });
const chain = (ids: string[]) =>
  ids.slice(1).map((target, i) => ({ id: `e_${ids[i]!}_${target}`, source: ids[i]!, sourceHandle: 'output', target, targetHandle: 'input' }));
const data = { dataset: 'mnist', mnistDigits: '5-9', limit: 600, objective: 'classify', noise: 0.1, seed: 42 };
const training = { optimizer: 'adam', learningRate: 0.01, batchSize: 32, epochs: 3, validationSplit: 0.2 };

const transfer = {
  format: 'layerlab',
  version: 1,
  name: 'Transfer: digits 0–4 features for digits 5–9',
  template: { summary: 'A CNN trained on digits 0–4 reuses its features to learn digits 5–9.', tags: ['CNN', 'transfer learning'], level: 'intermediate' },
  description:
    'Feature extraction, then fine-tuning. A small CNN trained on digits 0–4 (resources/models/digits-0-4) is cut after its convolutional base (the strokes and edges it learned, at "flatten"), frozen, and given a new head for digits 5–9, trained on only 600 examples. Its old dense layers are dropped: they were specific to 0–4. Compare with "Digits 5–9 from scratch" (the same layers, random weights): the transferred model starts far ahead. Then set Training to fineTuneTop (top 1 layer, learning-rate multiplier 0.1) and train again to fine-tune.',
  graph: {
    nodes: [
      node('input_1', 'InputLayer', 0, { shape: [28, 28, 1] }),
      node('pretrained', 'PretrainedModel', 1, {
        source: { kind: 'resource', id: 'digits-0-4' },
        cutAt: 'flatten',
        trainMode: 'frozen',
        frozenUpTo: '',
        topN: 1,
        lrMultiplier: 0.1,
        preprocess: 'none',
        summary,
      }),
      node('head', 'Dense', 2, { units: 5, activation: 'softmax', useBias: true }),
    ],
    edges: chain(['input_1', 'pretrained', 'head']),
  },
  data,
  training,
};

const conv = (filters: number) => ({ filters, kernelSize: [3, 3], strides: [1, 1], padding: 'valid', dilationRate: [1, 1], activation: 'relu', useBias: true });
const pool = { poolSize: [2, 2], strides: [0, 0], padding: 'valid' };
const scratch = {
  ...transfer,
  name: 'Digits 5–9 from scratch',
  template: { summary: 'The same network from random weights, to compare with transfer learning.', tags: ['CNN', 'transfer learning'], level: 'intermediate' },
  description:
    'The comparison run for the transfer-digits template: the same layers as the transferred network (the convolutional base and a new head), but starting from random weights, trained on the same 600 examples of digits 5–9 for the same epochs.',
  graph: {
    nodes: [
      node('input_1', 'InputLayer', 0, { shape: [28, 28, 1] }),
      node('conv1', 'Conv2D', 1, conv(8)),
      node('pool1', 'MaxPooling2D', 2, pool),
      node('conv2', 'Conv2D', 3, conv(16)),
      node('pool2', 'MaxPooling2D', 4, pool),
      node('flatten', 'Flatten', 5, {}),
      node('head', 'Dense', 6, { units: 5, activation: 'softmax', useBias: true }),
    ],
    edges: chain(['input_1', 'conv1', 'pool1', 'conv2', 'pool2', 'flatten', 'head']),
  },
};

/**
 * Teachable Machine's recipe: MobileNetV2 (downloaded on first use) as a frozen feature extractor and a new head
 * for the user's own picture folder. Its layer summary arrives with the download, so the template has none.
 */
const pictures = {
  format: 'layerlab',
  version: 1,
  name: 'Teach it your own pictures',
  template: {
    summary: 'MobileNetV2, pretrained on ImageNet, learns your own pictures with a new head.',
    tags: ['CNN', 'transfer learning'],
    level: 'beginner',
  },
  description:
    'Transfer learning on your own photos, as Teachable Machine does it. In the Data panel, choose a folder with one subfolder per class (a few dozen pictures each). MobileNetV2, trained on 1.2 million ImageNet photos, turns each picture into 1,280 features (its pixels are scaled to −1…1 for it automatically); it stays frozen and only the new head learns, so a few pictures are enough. Select the MobileNetV2 node and press Download (14 MB, once). Then fine-tune: set Training to fineTuneTop (the top 10 layers with weights, learning-rate multiplier 0.1) and train a second run: the top blocks adapt to your pictures without forgetting what they knew. To see the head start, train "Your pictures from scratch" on the same folder, then Evaluate a run and compare it with the other under Head start.',
  graph: {
    nodes: [
      node('image', 'InputLayer', 0, { shape: [224, 224, 3] }),
      node('mobilenet_v2', 'PretrainedModel', 1, {
        source: { kind: 'zoo', model: 'mobilenet-v2' },
        cutAt: 'global_average_pooling2d_1',
        trainMode: 'frozen',
        frozenUpTo: '',
        topN: 10,
        lrMultiplier: 0.1,
        preprocess: 'scale-1-1',
        summary: null,
      }),
      node('dropout', 'Dropout', 2, { rate: 0.2 }),
      node('head', 'Dense', 3, { units: 2, activation: 'softmax', useBias: true }),
    ],
    edges: chain(['image', 'mobilenet_v2', 'dropout', 'head']),
  },
  // MobileNetV2's input size, so the pictures are resized to what it expects once a folder is chosen.
  data: { dataset: 'images', source: { path: '', images: { size: [224, 224], color: 'rgb' } }, limit: 0, seed: 42 },
  training: { optimizer: 'adam', learningRate: 0.001, batchSize: 16, epochs: 10, validationSplit: 0.2 },
};

const same = (filters: number, strides: number) => ({ ...conv(filters), strides: [strides, strides] });
/** The comparison for the pictures template: a small CNN that learns everything from the same few pictures. */
const picturesScratch = {
  ...pictures,
  name: 'Your pictures from scratch',
  template: {
    summary: 'A small CNN learns your pictures from random weights: the baseline for transfer.',
    tags: ['CNN', 'transfer learning'],
    level: 'beginner',
  },
  description:
    'The comparison run for "Teach it your own pictures": a small CNN with no pretraining, trained on the same picture folder (choose the same folder in the Data panel) at the same size for the same epochs. Its three convolutions must learn edges, textures and shapes from a few dozen pictures; MobileNetV2 learned them from 1.2 million. Train both, open Evaluate on either run and choose the other under Head start: the accuracy difference on the same held-out pictures, and epoch by epoch, is what pretraining buys.',
  graph: {
    nodes: [
      node('image', 'InputLayer', 0, { shape: [224, 224, 3] }),
      node('conv1', 'Conv2D', 1, same(16, 2)),
      node('pool1', 'MaxPooling2D', 2, pool),
      node('conv2', 'Conv2D', 3, same(32, 2)),
      node('pool2', 'MaxPooling2D', 4, pool),
      node('conv3', 'Conv2D', 5, conv(64)),
      node('features', 'GlobalAveragePooling2D', 6, {}),
      node('dropout', 'Dropout', 7, { rate: 0.2 }),
      node('head', 'Dense', 8, { units: 2, activation: 'softmax', useBias: true }),
    ],
    edges: chain(['image', 'conv1', 'pool1', 'conv2', 'pool2', 'conv3', 'features', 'dropout', 'head']),
  },
};

for (const [file, doc] of [
  ['transfer-digits', transfer],
  ['transfer-digits-scratch', scratch],
  ['teach-your-pictures', pictures],
  ['teach-your-pictures-scratch', picturesScratch],
] as const) {
  writeFileSync(join(root, 'resources', 'templates', `${file}.layerlab.json`), `${JSON.stringify(doc, null, 2)}\n`);
}
console.log(`wrote the transfer-digits templates (${summary.layers.length} source layers)`);
