import type { DataSettings } from '../../../app/data/catalog';
import { generate2d, seededRandom } from '../../../app/data/synthetic';
import { loadImdb } from './imdb';
import { loadUserData } from '../../data';
import { loadIris } from './iris';
import { downloadCache } from './cache';
import { loadCifar10 } from './cifar10';
import { loadFashionMnist } from './fashion-mnist';
import { loadMnistTrain, type Images } from './mnist';
import { keepDigits } from './digit-subset';
import { promptDataset } from './mnist-prompts';
import { loadCo2 } from './series';
import { reverseDigits } from './toy-sequences';
import type { TrainingData } from '../../data/training-data';

const IMAGE = [28, 28, 1];

/** Adds Gaussian noise of spread `noise`, clipped back to 0–1, for a denoising autoencoder. */
export function noisy(x: Float32Array, noise: number, seed: number): Float32Array {
  const rand = seededRandom(seed);
  const out = new Float32Array(x.length);
  for (let i = 0; i < x.length; i += 2) {
    const u = Math.max(rand(), 1e-12);
    const r = Math.sqrt(-2 * Math.log(u)) * noise;
    const a = 2 * Math.PI * rand();
    out[i] = Math.min(1, Math.max(0, x[i]! + r * Math.cos(a)));
    if (i + 1 < x.length) out[i + 1] = Math.min(1, Math.max(0, x[i + 1]! + r * Math.sin(a)));
  }
  return out;
}

function mnist(images: Images, s: DataSettings): TrainingData {
  const { x, labels, count } = images;
  switch (s.objective) {
    case 'classify':
      return { inputs: [{ data: x, shape: IMAGE }], target: { data: labels, shape: [] }, count };
    case 'reconstruct':
      return { inputs: [{ data: x, shape: IMAGE }], target: { data: x, shape: IMAGE }, count };
    case 'denoise':
      return { inputs: [{ data: noisy(x, s.noise, s.seed), shape: IMAGE }], target: { data: x, shape: IMAGE }, count };
  }
}

/** The training examples of a built-in dataset or of the user's own data (modest sizes), as typed arrays. */
export async function loadDataset(s: DataSettings, validationSplit: number): Promise<TrainingData> {
  switch (s.dataset) {
    case 'spirals':
    case 'circles':
    case 'xor': {
      const set = generate2d(s.dataset, s.samples, s.noise, s.seed);
      return { inputs: [{ data: set.x, shape: [2] }], target: { data: Int32Array.from(set.y), shape: [] }, count: set.count };
    }
    case 'iris':
      return loadIris();
    case 'mnist':
      return mnist(keepDigits(await loadMnistTrain(), s.mnistDigits), s);
    case 'mnist-prompts':
      return promptDataset(await loadMnistTrain(), s.seed, s.limit);
    case 'fashion-mnist': {
      const { dir, opts } = downloadCache();
      const { x, labels, count } = await loadFashionMnist('train', dir, opts);
      return { inputs: [{ data: x, shape: IMAGE }], target: { data: labels, shape: [] }, count };
    }
    case 'cifar10': {
      const { dir, opts } = downloadCache();
      const { x, labels, count } = await loadCifar10('train', dir, opts);
      return { inputs: [{ data: x, shape: [32, 32, 3] }], target: { data: labels, shape: [] }, count };
    }
    case 'imdb':
      return loadImdb(s);
    case 'co2':
      return loadCo2(s, validationSplit);
    case 'reverse':
      return reverseDigits(s);
    case 'csv':
    case 'images':
    case 'text':
    case 'series':
      return loadUserData(s.dataset, s, validationSplit);
  }
}
