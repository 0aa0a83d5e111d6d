import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dataSettingsSchema, type DataSettings } from '../../app/data/catalog';
import { generate2d } from '../../app/data/synthetic';
import { tokenize, Vocabulary } from '../../app/data/tokenizer';
import { loadDataset } from '../../main/engine/datasets';
import { jsonArrayRecords } from '../../main/engine/datasets/json-records';
import { loadMnistTest } from '../../main/engine/datasets/mnist';
import { readCsvColumn, windows } from '../../main/engine/datasets/series';
import { splitData } from '../../main/data/split';

const settings = (s: Partial<DataSettings>) => dataSettingsSchema.parse(s);
const tmp = () => mkdtempSync(join(tmpdir(), 'layerlab-data-'));

describe('built-in datasets', () => {
  it('reads MNIST from its idx files into typed arrays: 60,000 train, 10,000 test', async () => {
    const train = await loadDataset(settings({ dataset: 'mnist' }), 0.1);
    expect(train.count).toBe(60_000);
    const [x] = train.inputs;
    expect(x!.data).toBeInstanceOf(Float32Array);
    expect(x!.shape).toEqual([28, 28, 1]);
    expect(x!.data.length).toBe(60_000 * 784);
    expect(Math.max(...x!.data.subarray(0, 784))).toBeLessThanOrEqual(1);
    expect(train.target.data[0]).toBe(5);
    expect((await loadMnistTest()).count).toBe(10_000);
  });

  it('makes MNIST autoencoder targets: the image itself, or the clean image behind a noisy one', async () => {
    const ae = await loadDataset(settings({ dataset: 'mnist', objective: 'reconstruct' }), 0.1);
    expect(ae.target.data).toBe(ae.inputs[0]!.data);
    const dn = await loadDataset(settings({ dataset: 'mnist', objective: 'denoise', noise: 0.3 }), 0.1);
    const clean = dn.target.data.subarray(0, 784);
    const dirty = dn.inputs[0]!.data.subarray(0, 784);
    const changed = clean.filter((v, i) => Math.abs(v - dirty[i]!) > 0.05).length;
    expect(changed).toBeGreaterThan(300);
    expect(Math.min(...dirty)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...dirty)).toBeLessThanOrEqual(1);
  });

  it('standardises Iris into 150 rows of 4 features and 3 classes', async () => {
    const iris = await loadDataset(settings({ dataset: 'iris' }), 0.1);
    expect(iris.count).toBe(150);
    const x = iris.inputs[0]!.data;
    const mean =
      Array.from(x)
        .filter((_, i) => i % 4 === 0)
        .reduce((a, v) => a + v, 0) / 150;
    expect(Math.abs(mean)).toBeLessThan(1e-5);
    expect([0, 1, 2].map((c) => iris.target.data.filter((y) => y === c).length)).toEqual([50, 50, 50]);
  });

  it('streams a seeded, balanced subset of IMDB and encodes it with its own vocabulary', async () => {
    const imdb = await loadDataset(settings({ dataset: 'imdb', limit: 400, vocabSize: 500, sequenceLength: 50, seed: 3 }), 0.2);
    expect(imdb.count).toBe(400);
    const ids = imdb.inputs[0]!.data;
    expect(ids).toBeInstanceOf(Int32Array);
    expect(ids.length).toBe(400 * 50);
    expect(Math.max(...ids)).toBeLessThan(500);
    const positives = Array.from(imdb.target.data).reduce((a, v) => a + v, 0);
    expect(positives).toBeGreaterThan(150);
    expect(positives).toBeLessThan(250);
  }, 60_000);

  it('windows the CO2 series chronologically, standardised on the training part', async () => {
    const co2 = await loadDataset(settings({ dataset: 'co2', window: 12, horizon: 1 }), 0.2);
    expect(co2.chronological).toBe(true);
    expect(co2.inputs[0]!.shape).toEqual([12, 1]);
    expect(co2.count).toBe(741 - 12);
    const { train, validation } = splitData(co2, 0.2, 1);
    // The validation part is the most recent: CO2 only rises, so it sits above the training part.
    expect(Math.min(...validation!.target.data)).toBeGreaterThan(Math.max(...train.target.data.subarray(0, 100)));
  });

  it('generates reversal pairs for teacher forcing', async () => {
    const rev = await loadDataset(settings({ dataset: 'reverse', digits: 4, samples: 50 }), 0.1);
    const [src, dec] = rev.inputs;
    const s = Array.from(src!.data.subarray(0, 4));
    const t = Array.from(rev.target.data.subarray(0, 4));
    expect(t).toEqual([...s].reverse());
    expect(Array.from(dec!.data.subarray(0, 4))).toEqual([1, ...t.slice(0, 3)]);
  });

  it('generates the same synthetic set from the same seed, balanced', () => {
    for (const kind of ['spirals', 'circles', 'xor'] as const) {
      const a = generate2d(kind, 400, 0.2, 7);
      expect(generate2d(kind, 400, 0.2, 7).x).toEqual(a.x);
      expect(generate2d(kind, 400, 0.2, 8).x).not.toEqual(a.x);
      const ones = a.y.reduce((s, v) => s + v, 0);
      expect(ones).toBeGreaterThan(150);
      expect(ones).toBeLessThan(250);
    }
  });

  it('shuffles before holding out validation data, and honours a limit', async () => {
    const set = await loadDataset(settings({ dataset: 'spirals' }), 0.2);
    const { train, validation } = splitData(set, 0.2, 3);
    expect([train.count, validation!.count]).toEqual([800, 200]);
    const valOnes = Array.from(validation!.target.data).reduce((s, v) => s + v, 0);
    expect(valOnes).toBeGreaterThan(60);
    expect(valOnes).toBeLessThan(140);
    const limited = splitData(set, 0.25, 3, 100);
    expect([limited.train.count, limited.validation!.count]).toEqual([75, 25]);
  });
});

describe('text and file readers', () => {
  it('tokenizes words, drops markup, keeps contractions', () => {
    expect(tokenize("It's <br /><br />GREAT, isn't it?")).toEqual(["it's", 'great', "isn't", 'it']);
  });

  it('numbers words by frequency with padding and unknown ids', () => {
    const vocab = Vocabulary.fromCounts(
      new Map([
        ['b', 2],
        ['a', 5],
        ['c', 1],
      ]),
      4,
    );
    expect(vocab.words).toEqual(['a', 'b']);
    const out = new Int32Array(5);
    vocab.encodeInto(['a', 'c', 'b'], 5, out, 0);
    expect(Array.from(out)).toEqual([0, 0, 2, 1, 3]);
  });

  it('streams the records of a JSON array across chunk boundaries', async () => {
    const file = join(tmp(), 'r.json');
    const records = Array.from({ length: 3000 }, (_, i) => ({ t: `review {${i}} with "quotes" and \\ [brackets]`.repeat(20), s: i % 2 }));
    writeFileSync(file, JSON.stringify(records));
    const seen: unknown[] = [];
    for await (const r of jsonArrayRecords(file)) seen.push(r);
    expect(seen).toEqual(records);
  });

  it('names the line of a bad number in a CSV column', async () => {
    const file = join(tmp(), 's.csv');
    writeFileSync(file, 'date,value\n2020-01,1\n2020-02,oops\n');
    await expect(readCsvColumn(file, 'value')).rejects.toThrow('line 3: "value" is not a number');
    await expect(readCsvColumn(file, 'price')).rejects.toThrow('no column "price" (columns: date, value)');
  });

  it('refuses a series too short for its window', () => {
    expect(() => windows(new Float32Array(5), 4, 3, 0.2)).toThrow('too short for a window of 4 and a horizon of 3');
  });
});
