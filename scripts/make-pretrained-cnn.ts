// Trains the small CNN shipped in resources/models/digits-0-4 (MNIST digits 0–4 only), for the
// transfer-digits template to reuse on digits 5–9:  npx tsx scripts/make-pretrained-cnn.ts [folder]
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { keepDigits } from '../main/engine/datasets/digit-subset';
import { loadMnistTrain } from '../main/engine/datasets/mnist';

const out = resolve(process.argv[2] ?? join(import.meta.dirname, '..', 'resources', 'models', 'digits-0-4'));
const EXAMPLES = Number(process.env.EXAMPLES ?? 3000);

function model(): tf.LayersModel {
  const input = tf.input({ shape: [28, 28, 1], name: 'image' });
  let x = tf.layers.conv2d({ filters: 8, kernelSize: 3, activation: 'relu', name: 'conv1' }).apply(input) as tf.SymbolicTensor;
  x = tf.layers.maxPooling2d({ poolSize: 2, name: 'pool1' }).apply(x) as tf.SymbolicTensor;
  x = tf.layers.conv2d({ filters: 16, kernelSize: 3, activation: 'relu', name: 'conv2' }).apply(x) as tf.SymbolicTensor;
  x = tf.layers.maxPooling2d({ poolSize: 2, name: 'pool2' }).apply(x) as tf.SymbolicTensor;
  x = tf.layers.flatten({ name: 'flatten' }).apply(x) as tf.SymbolicTensor;
  x = tf.layers.dense({ units: 32, activation: 'relu', name: 'features' }).apply(x) as tf.SymbolicTensor;
  const y = tf.layers.dense({ units: 5, activation: 'softmax', name: 'digits_0_4' }).apply(x) as tf.SymbolicTensor;
  return tf.model({ inputs: input, outputs: y, name: 'digits_0_4_cnn' });
}

async function main(): Promise<void> {
  await tf.setBackend('cpu');
  console.log('loading MNIST');
  const all = keepDigits(await loadMnistTrain(), '0-4');
  const n = Math.min(EXAMPLES, all.count);
  const xs = tf.tensor4d(all.x.subarray(0, n * 784), [n, 28, 28, 1]);
  const ys = tf.oneHot(tf.tensor1d(all.labels.subarray(0, n), 'int32'), 5);
  const m = model();
  m.compile({ optimizer: tf.train.adam(0.003), loss: 'categoricalCrossentropy', metrics: ['accuracy'] });
  console.log('training');
  const h = await m.fit(xs, ys, { epochs: 2, batchSize: 64, validationSplit: 0.1, shuffle: false, verbose: 0 as never });
  const acc = h.history.val_acc?.at(-1) ?? h.history.val_accuracy?.at(-1);
  mkdirSync(out, { recursive: true });
  await m.save(
    tf.io.withSaveHandler((a) => {
      const weights = Buffer.from(a.weightData as ArrayBuffer);
      const json = {
        format: 'layers-model',
        generatedBy: 'scripts/make-pretrained-cnn.ts',
        modelTopology: a.modelTopology,
        weightsManifest: [{ paths: ['weights.bin'], weights: a.weightSpecs }],
      };
      writeFileSync(join(out, 'weights.bin'), weights);
      writeFileSync(join(out, 'model.json'), JSON.stringify(json));
      return Promise.resolve({ modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON' as const, weightDataBytes: weights.byteLength } });
    }),
  );
  console.log(`digits 0–4 CNN: validation accuracy ${Number(acc).toFixed(3)}, ${m.countParams()} params, saved in ${out}`);
}

await main();
