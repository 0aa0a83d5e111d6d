import type { DataSettings } from '../../../app/data/catalog';
import { dataSpec } from '../../../app/data/spec';
import { decodeRow } from '../../../app/data/encode-row';
import { generate2d } from '../../../app/data/synthetic';
import { OOV, PAD } from '../../../app/data/tokenizer';
import type { ProjectDoc } from '../../../app/document/schema';
import type { ExampleView } from '../../../app/protocol/evaluation';
import { loadDataset, noisy } from '../datasets';
import { keepDigits } from '../datasets/digit-subset';
import { loadMnistTest } from '../datasets/mnist';
import { downloadCache } from '../datasets/cache';
import { loadCifar10 } from '../datasets/cifar10';
import { loadFashionMnist } from '../datasets/fashion-mnist';
import { reverseDigits } from '../datasets/toy-sequences';
import { encodePng, toDataUrl } from '../images/png';
import { splitData } from '../../data/split';
import { perExample, type TrainingData } from '../../data/training-data';
import { loadImdbTest } from './imdb-test';

export type SplitName = 'test' | 'validation' | 'fresh';

/** The examples an evaluation scores, and how to show one of them to a person. */
export interface TestSet {
  readonly data: TrainingData;
  readonly split: { readonly name: SplitName; readonly count: number; readonly description: string };
  /** What the target is called, with its unit ("CO₂ (ppm)"). */
  readonly targetName: string;
  view(index: number): ExampleView;
}

/** Offsets a generated set's seed so test points are new draws from the same distribution, never the training points. */
const FRESH_SEED = 1_000_003;

function imageView(data: TrainingData, index: number): ExampleView {
  const col = data.inputs[0]!;
  const [h = 1, w = 1, c = 1] = col.shape;
  const per = perExample(col);
  const channels = c === 3 ? 3 : 1;
  const pixels = new Uint8Array(h * w * channels);
  for (let p = 0; p < h * w; p++) {
    for (let k = 0; k < channels; k++) pixels[p * channels + k] = Math.round(Math.min(1, Math.max(0, col.data[index * per + p * c + k]!)) * 255);
  }
  return { type: 'image', png: toDataUrl(encodePng({ width: w, height: h, channels, pixels })) };
}

function valuesView(data: TrainingData, index: number, names?: readonly string[]): ExampleView {
  if (data.table) return { type: 'row', cells: decodeRow(data.table, data.inputs, index).slice(0, 64) };
  const per = data.inputs.map(perExample);
  const values: number[] = [];
  data.inputs.forEach((col, k) => {
    for (let j = 0; j < per[k]! && values.length < 64; j++) values.push(Number(col.data[index * per[k]! + j]!.toPrecision(4)));
  });
  return { type: 'values', values, ...(names ? { names: names.slice(0, values.length) } : {}) };
}

/** Token ids as words: padding dropped, unknown words marked, the way the model read them. */
function tokensView(ids: ArrayLike<number>, words: readonly string[], read?: readonly string[]): ExampleView {
  const tokens: { text: string; oov: boolean }[] = [];
  let r = 0;
  const kept = read ? read.slice(-Array.from(ids).filter((id) => id !== PAD).length) : undefined;
  for (let i = 0; i < ids.length && tokens.length < 400; i++) {
    const id = ids[i]!;
    if (id === PAD) continue;
    const word = kept?.[r++];
    if (id === OOV) tokens.push({ text: word ?? '<unk>', oov: true });
    else tokens.push({ text: words[id - 2] ?? word ?? `#${id}`, oov: false });
  }
  return { type: 'tokens', tokens };
}

/** The held-out part of the training data (what the run validated on), for datasets without a test set of their own. */
async function heldOut(doc: ProjectDoc, description: (n: number) => string): Promise<{ data: TrainingData; name: SplitName; description: string }> {
  const data = await loadDataset(doc.data, doc.training.validationSplit);
  const parts = splitData(data, doc.training.validationSplit, doc.data.seed, doc.data.limit);
  if (parts.test) return { data: parts.test, name: 'test', description: `the ${parts.test.count} test examples set aside when the data was imported` };
  if (!parts.validation || parts.validation.count === 0) {
    throw new Error(
      'This run kept no examples aside (validation split 0 and no test part), so there is nothing it has not seen to evaluate on. Set a validation split and train again.',
    );
  }
  return { data: parts.validation, name: 'validation', description: description(parts.validation.count) };
}

const validationWords = (n: number) => `the ${n.toLocaleString('en')} validation examples (held out from training, but watched by it)`;

function fromPart(
  part: { data: TrainingData; name: SplitName; description: string },
  targetName: string,
  view: (d: TrainingData, i: number) => ExampleView,
): TestSet {
  return { data: part.data, split: { name: part.name, count: part.data.count, description: part.description }, targetName, view: (i) => view(part.data, i) };
}

function settingsFresh(s: DataSettings): DataSettings {
  return { ...s, seed: s.seed + FRESH_SEED };
}

/** The test examples of a run's data, with the same preprocessing as training. */
export async function loadTestSet(doc: ProjectDoc): Promise<TestSet> {
  const s = doc.data;
  switch (s.dataset) {
    case 'mnist': {
      // A half of the digits is scored on that half of the test set, relabelled as it trained (5–9 as 0–4).
      const images = keepDigits(await loadMnistTest(), s.mnistDigits);
      const shape = [28, 28, 1];
      const target = s.objective === 'classify' ? { data: images.labels, shape: [] } : { data: images.x, shape };
      // A denoising model is scored on the clean test images made noisy the way training did, against the clean ones.
      const input = s.objective === 'denoise' ? noisy(images.x, s.noise, s.seed + FRESH_SEED) : images.x;
      const data: TrainingData = { inputs: [{ data: input, shape }], target, count: images.count };
      return {
        data,
        split: {
          name: 'test',
          count: images.count,
          description: `MNIST's ${images.count.toLocaleString('en')} test images${s.mnistDigits === 'all' ? '' : ` of digits ${s.mnistDigits.replace('-', '–')}`} (never trained on)`,
        },
        targetName: 'digit',
        view: (i) => imageView(data, i),
      };
    }
    case 'fashion-mnist':
    case 'cifar10': {
      const { dir, opts } = downloadCache();
      const set = s.dataset === 'cifar10' ? await loadCifar10('test', dir, opts) : await loadFashionMnist('test', dir, opts);
      const shape = s.dataset === 'cifar10' ? [32, 32, 3] : [28, 28, 1];
      const data: TrainingData = { inputs: [{ data: set.x, shape }], target: { data: set.labels, shape: [] }, count: set.count };
      const name = s.dataset === 'cifar10' ? 'CIFAR-10' : 'Fashion-MNIST';
      return {
        data,
        split: { name: 'test', count: set.count, description: `${name}'s ${set.count.toLocaleString('en')} test images (never trained on)` },
        targetName: 'class',
        view: (i) => imageView(data, i),
      };
    }
    case 'mnist-prompts':
      return fromPart(await heldOut(doc, validationWords), 'image', (d, i) => valuesView(d, i));
    case 'imdb': {
      const test = await loadImdbTest(s);
      if (test.data.count === 0)
        return fromPart(await heldOut(doc, validationWords), 'sentiment', (d, i) =>
          tokensView(d.inputs[0]!.data.subarray(i * s.sequenceLength, (i + 1) * s.sequenceLength), []),
        );
      const { data, vocabulary, tokens } = test;
      return {
        data,
        split: {
          name: 'test',
          count: data.count,
          description: `${data.count.toLocaleString('en')} reviews the run never saw (it trained on ${test.trained.toLocaleString('en')})`,
        },
        targetName: 'sentiment',
        view: (i) => tokensView(data.inputs[0]!.data.subarray(i * s.sequenceLength, (i + 1) * s.sequenceLength), vocabulary.words, tokens[i]),
      };
    }
    case 'spirals':
    case 'circles':
    case 'xor': {
      const fresh = settingsFresh(s);
      const set = generate2d(s.dataset, s.samples, s.noise, fresh.seed);
      const data: TrainingData = { inputs: [{ data: set.x, shape: [2] }], target: { data: Int32Array.from(set.y), shape: [] }, count: set.count };
      return {
        data,
        split: { name: 'fresh', count: set.count, description: `${set.count} new points drawn from the same ${s.dataset} distribution` },
        targetName: 'class',
        view: (i) => valuesView(data, i, ['x', 'y']),
      };
    }
    case 'reverse': {
      const data = reverseDigits(settingsFresh(s));
      return {
        data,
        split: { name: 'fresh', count: data.count, description: `${data.count} new digit strings` },
        targetName: 'reversed string',
        view: (i) => valuesView(data, i),
      };
    }
    case 'iris':
      return fromPart(await heldOut(doc, validationWords), 'species', (d, i) =>
        valuesView(d, i, ['sepal length', 'sepal width', 'petal length', 'petal width']),
      );
    case 'co2':
      return fromPart(await heldOut(doc, (n) => `the last ${n} months of the series (after every month trained on)`), 'CO₂ (ppm)', (d, i) => valuesView(d, i));
    case 'csv':
    case 'series':
      return fromPart(await heldOut(doc, validationWords), dataSpec(s).classNames.length > 0 ? 'class' : 'target', (d, i) => valuesView(d, i));
    case 'text': {
      const words = s.source?.text.vocabulary ?? [];
      return fromPart(await heldOut(doc, validationWords), 'class', (d, i) =>
        tokensView(d.inputs[0]!.data.subarray(i * s.sequenceLength, (i + 1) * s.sequenceLength), words),
      );
    }
    case 'images':
      return fromPart(await heldOut(doc, validationWords), 'class', imageView);
  }
}
