import { mkdirSync, writeFileSync } from 'node:fs';
import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import type { HostEvent } from '../../app/protocol/events';
import { selectBackend } from '../../main/engine/backend';
import type { RunRecorder } from '../../main/engine/context';
import { loadMnistTest, loadMnistTrain } from '../../main/engine/datasets/mnist';
import { trainGan } from '../../main/engine/modes/gan';
import { encodePng, imageGrid, type RawImage, splitTiles } from '../../main/engine/images/png';
import { template } from './helpers';

const SAMPLES = 64;
/** The generator's last node in the template; its output is the generated image. */
const G_OUT = 'conv2dtranspose_2';

/**
 * A recorder that writes nothing and, at each "last" checkpoint, draws 64 samples from the
 * generator inside the combined model: recording is the only way the test's run differs from
 * the template's default, and the samples are of the weights the run ends with.
 */
function samplingRecorder(z: tf.Tensor): { recorder: RunRecorder; samples: () => Float32Array | null } {
  let latest: Float32Array | null = null;
  const recorder: RunRecorder = {
    batches: () => undefined,
    epoch: () => undefined,
    samples: () => Promise.resolve(),
    checkpoint: (model, which) => {
      if (which === 'last') {
        const generator = tf.model({ inputs: model.inputs, outputs: model.getLayer(G_OUT).output });
        const out = tf.tidy(() => (generator.predict(z) as tf.Tensor).reshape([SAMPLES, 784]));
        latest = out.dataSync() as Float32Array;
        out.dispose();
      }
      return Promise.resolve();
    },
  };
  return { recorder, samples: () => latest };
}

/** A small dense MNIST classifier (≈97% on the test split after two epochs on 20,000 images): the judge of the samples. */
async function trainJudge(): Promise<tf.LayersModel> {
  const train = await loadMnistTrain();
  const n = 20_000;
  const judge = tf.sequential({
    layers: [tf.layers.dense({ inputShape: [784], units: 128, activation: 'relu' }), tf.layers.dense({ units: 10, activation: 'softmax' })],
  });
  judge.compile({ optimizer: tf.train.adam(0.001), loss: 'sparseCategoricalCrossentropy', metrics: ['accuracy'] });
  const x = tf.tensor2d(train.x.subarray(0, n * 784), [n, 784]);
  const y = tf.tensor1d(Float32Array.from(train.labels.subarray(0, n)));
  await judge.fit(x, y, { epochs: 2, batchSize: 128, shuffle: true, verbose: 0 });
  tf.dispose([x, y]);
  return judge;
}

/** Nearest-neighbour enlargement, so a 28-pixel digit is large enough to read in the saved grid. */
function enlarge(image: RawImage, k: number): RawImage {
  const { width, height, channels } = image;
  const pixels = new Uint8Array(width * k * height * k * channels);
  for (let y = 0; y < height * k; y++) {
    for (let x = 0; x < width * k; x++) {
      for (let c = 0; c < channels; c++)
        pixels[(y * width * k + x) * channels + c] = image.pixels[(Math.floor(y / k) * width + Math.floor(x / k)) * channels + c]!;
    }
  }
  return { width: width * k, height: height * k, channels, pixels };
}

/** The 64 samples as an 8×8 PNG grid in test-results/screenshots/, for a person to look at. */
function saveGrid(pixels: Float32Array): void {
  const { tiles } = splitTiles(pixels, SAMPLES, [28, 28, 1], (v) => (v + 1) / 2);
  mkdirSync('test-results/screenshots', { recursive: true });
  writeFileSync('test-results/screenshots/dcgan-64-samples.png', encodePng(enlarge(imageGrid(tiles, 28, 28, 1, 8), 3)));
}

async function judgeAccuracy(judge: tf.LayersModel): Promise<number> {
  const test = await loadMnistTest();
  const n = 2000;
  const guess = tf.tidy(() => (judge.predict(tf.tensor2d(test.x.subarray(0, n * 784), [n, 784])) as tf.Tensor).argMax(-1));
  const g = (await guess.data()) as Int32Array;
  guess.dispose();
  let right = 0;
  for (let i = 0; i < n; i++) if (g[i] === test.labels[i]) right++;
  return right / n;
}

describe('the DCGAN template', () => {
  it('generates varied digits after its default run: 64 samples span at least 6 classes', async () => {
    await selectBackend(tf, 'wasm');
    const started = Date.now();
    const doc = template('dcgan-mnist');
    const z = tf.randomNormal([SAMPLES, ...(doc.graph.nodes.find((n) => n.id === 'input_1')?.params.shape as number[])], 0, 1, 'float32', 11);
    const { recorder, samples } = samplingRecorder(z);
    const events: HostEvent[] = [];
    await trainGan({ runId: 'dcgan-variety', document: doc, backend: 'wasm' }, { tf, emit: (e) => events.push(e), recorder });
    z.dispose();
    expect(events.at(-1)).toMatchObject({ type: 'run.finished', status: 'completed', epochsDone: doc.training.epochs });
    const ganSeconds = (Date.now() - started) / 1000;

    const judge = await trainJudge();
    expect(await judgeAccuracy(judge)).toBeGreaterThan(0.9);
    const pixels = samples();
    expect(pixels).not.toBeNull();
    saveGrid(pixels!);
    // The generator ends in tanh (−1…1); MNIST pixels, which the judge learned on, are 0…1.
    const guess = tf.tidy(() => (judge.predict(tf.tensor2d(pixels!, [SAMPLES, 784]).add(1).div(2)) as tf.Tensor).argMax(-1));
    const classes = Array.from((await guess.data()) as Int32Array);
    guess.dispose();
    judge.dispose();
    const counts = Array.from({ length: 10 }, (_, c) => classes.filter((k) => k === c).length);
    console.info(`DCGAN default run: ${ganSeconds.toFixed(0)} s; 64 samples per class ${counts.join(' ')}`);
    expect(counts.filter((c) => c > 0).length).toBeGreaterThanOrEqual(6);
  }, 600_000);
});
