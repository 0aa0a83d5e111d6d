import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dataSettingsSchema, type DataSettings } from '../../app/data/catalog';
import { dataSpec } from '../../app/data/spec';
import { loadUserData } from '../../main/data';
import { importUserData } from '../../main/data/complete';
import { loadCsv } from '../../main/data/csv';
import { irisLikeCsv, tempDir, writeText } from '../fixtures/user-data';

const csvSettings = (path: string, extra: Record<string, unknown> = {}): DataSettings =>
  dataSettingsSchema.parse({ dataset: 'csv', source: { path, ...extra }, split: { validation: 0.2 } });
const importCsv = (path: string, extra: Record<string, unknown> = {}) => importUserData('csv', csvSettings(path, extra));
const failure = async (p: Promise<unknown>) =>
  (
    await p.then(
      () => null,
      (e: unknown) => e as Error,
    )
  )?.message;

describe('CSV import', () => {
  it('detects header, delimiter, column types and the label; classification from a category label', async () => {
    const file = writeText(tempDir(), 'iris.csv', irisLikeCsv());
    const { settings, summary, problems } = await importCsv(file);
    const csv = settings.source!.csv;
    expect(problems).toEqual([]);
    expect([csv.delimiter, csv.header]).toEqual([',', 'yes']);
    expect(csv.columns.map((c) => `${c.name}:${c.type}:${c.role}`)).toEqual([
      'sepal_length:number:feature',
      'sepal_width:number:feature',
      'petal_length:number:feature',
      'petal_width:number:feature',
      'species:category:label',
    ]);
    expect(summary).toMatchObject({
      examples: 150,
      task: 'classification',
      classes: [
        { label: 'setosa', count: 50 },
        { label: 'versicolor', count: 50 },
        { label: 'virginica', count: 50 },
      ],
    });
    expect(settings.fingerprint!.files[0]).toMatchObject({ path: '', size: irisLikeCsv().length });
    expect(dataSpec(settings)).toMatchObject({ task: 'classification', classes: 3, inputs: [{ shape: [4], dtype: 'float32' }], targetShape: [] });
  });

  it('reads typed arrays, standardised with training-split statistics only, split stratified', async () => {
    const file = writeText(tempDir(), 'iris.csv', irisLikeCsv());
    const { settings } = await importCsv(file);
    const data = await loadUserData('csv', settings, 0.2);
    const x = data.inputs[0]!.data as Float32Array;
    expect(x).toBeInstanceOf(Float32Array);
    expect(data.target.data).toBeInstanceOf(Int32Array);
    const p = data.partition!;
    expect([p.train.length, p.validation.length, p.test.length]).toEqual([120, 30, 0]);
    for (const part of [p.train, p.validation]) {
      const perClass = [0, 0, 0];
      for (const i of part) perClass[data.target.data[i]!]!++;
      expect(new Set(perClass).size).toBe(1);
    }
    const trainMean = [...p.train].reduce((a, i) => a + x[i * 4]!, 0) / p.train.length;
    const allMean = Array.from({ length: 150 }, (_, i) => x[i * 4]!).reduce((a, b) => a + b, 0) / 150;
    expect(Math.abs(trainMean)).toBeLessThan(1e-5);
    expect(Math.abs(allMean)).toBeGreaterThan(1e-4);
  });

  it('detects tabs and semicolons, a missing header, one-hot and embedded categories, and regression', async () => {
    const dir = tempDir();
    const tsv = writeText(dir, 'cars.tsv', 'colour\tdoors\tprice\nred\t2\t10.5\nblue\t4\t12\ngreen\t4\t9\nred\t2\t11\n');
    const cars = await importCsv(tsv);
    expect(cars.settings.source!.csv.delimiter).toBe('\t');
    expect(cars.settings.source!.csv.columns.find((c) => c.name === 'colour')).toMatchObject({ type: 'category', categories: ['blue', 'green', 'red'] });
    expect(dataSpec(cars.settings)).toMatchObject({ task: 'regression', inputs: [{ shape: [4] }], targetShape: [1] });
    const embed = { ...cars.settings, source: { ...cars.settings.source!, csv: { ...cars.settings.source!.csv, encoding: 'embed' as const } } };
    expect(dataSpec(embed).inputs.map((i) => [i.shape, i.dtype])).toEqual([
      [[1], 'float32'],
      [[1], 'int32'],
    ]);
    const loaded = await loadUserData('csv', embed, 0.25);
    expect(Array.from(loaded.inputs[1]!.data)).toEqual([2, 0, 1, 2]);
    expect(loaded.targetScale).toHaveLength(1);

    const semi = writeText(dir, 'plain.csv', '1;2;a\n3;4;b\n5;6;a\n7;8;b\n');
    const plain = await importCsv(semi);
    expect(plain.settings.source!.csv).toMatchObject({ delimiter: ';', header: 'no' });
    expect(plain.settings.source!.csv.columns.map((c) => c.name)).toEqual(['column 1', 'column 2', 'column 3']);
  });

  it('fills missing values with the chosen strategy and drops rows without a label', async () => {
    const file = writeText(tempDir(), 'gaps.csv', 'a,b,label\n1,x,yes\n,x,no\n3,,yes\n5,y,\n7,y,no\n');
    const { settings } = await importCsv(file);
    const data = await loadUserData('csv', { ...settings, split: { validation: 0, test: 0, stratify: false } }, 0);
    expect(data.count).toBe(4);
    expect(data.warnings!.map((w) => w.message)).toEqual([`${file}: 1 row with no value in "label" was left out.`]);
    const x = data.inputs[0]!.data;
    // a: mean of 1, 3, 7 fills row 2; standardised, it is 0. b: one-hot (x, y), the gap takes x (most frequent).
    expect(x[1 * 3]).toBeCloseTo(0);
    expect(Array.from(x.subarray(2 * 3 + 1, 2 * 3 + 3))).toEqual([1, 0]);
    const dropped = { ...settings, source: { ...settings.source!, csv: { ...settings.source!.csv, missing: 'drop' as const } } };
    expect((await loadUserData('csv', { ...dropped, split: { validation: 0, test: 0, stratify: false } }, 0)).count).toBe(2);
  });
});

describe('CSV records', () => {
  it('reads CRLF files and quoted fields with commas and line breaks, counting physical lines', async () => {
    const file = writeText(tempDir(), 'notes.csv', 'size,note,label\r\n1,"big, red",x\r\n2,"two\r\nlines",y\r\n3,plain,x\r\nfour,plain,y\r\n');
    const message = await failure(
      importCsv(file, {
        csv: {
          columns: [
            { name: 'size', type: 'number' },
            { name: 'note', role: 'ignore' },
            { name: 'label', role: 'label', type: 'category' },
          ],
        },
      }),
    );
    expect(message).toBe(`${file}, line 6, column "size": "four" is not a number.`);
    const ok = writeText(tempDir(), 'ok.csv', 'size,note,label\r\n1,"big, red",x\r\n2,"two\r\nlines",y\r\n3,plain,x\r\n4,plain,y\r\n');
    const { settings, summary } = await importCsv(ok);
    expect(summary.examples).toBe(4);
    expect(settings.source!.csv.columns.map((c) => c.type)).toEqual(['number', 'category', 'category']);
  });
});

describe('CSV bad input', () => {
  it('names the line with the wrong number of values, and the CLI-facing loader fails with it', async () => {
    const dir = tempDir();
    const lines = irisLikeCsv().split('\n');
    lines[56] = '5.1,3.5,1.4,setosa';
    const file = writeText(dir, 'broken.csv', lines.join('\n'));
    const message = `${file}, line 57: expected 5 values (one per column) but found 4.`;
    expect(await failure(importCsv(file))).toBe(message);
    const { settings } = await importCsv(writeText(dir, 'good.csv', irisLikeCsv()));
    expect(await failure(loadUserData('csv', { ...settings, source: { ...settings.source!, path: file }, fingerprint: undefined }, 0.2))).toBe(message);
  });

  it('skips malformed rows when asked, listing them as warnings', async () => {
    const lines = irisLikeCsv().split('\n');
    lines[56] = '5.1,3.5,1.4,setosa';
    const file = writeText(tempDir(), 'broken.csv', lines.join('\n'));
    const r = await importCsv(file, { csv: { badRows: 'skip' } });
    expect(r.summary.examples).toBe(149);
    expect(r.problems).toEqual([{ file, line: 57, message: `${file}, line 57: expected 5 values (one per column) but found 4.`, severity: 'warning' }]);
  });

  it('names the line and column of a word in a number column', async () => {
    const lines = irisLikeCsv().split('\n');
    lines[9] = lines[9]!.replace(/^[^,]+/, 'five');
    const file = writeText(tempDir(), 'word.csv', lines.join('\n'));
    expect(await failure(importCsv(file))).toBe(`${file}, line 10, column "sepal_length": "five" is not a number.`);
  });

  it('says an empty file is empty, and a header alone has no rows', async () => {
    const dir = tempDir();
    const empty = writeText(dir, 'empty.csv', '');
    expect(await failure(importCsv(empty))).toBe(`${empty} is empty.`);
    const header = writeText(dir, 'header.csv', 'a,b,label\n');
    expect(await failure(importCsv(header, { csv: { header: 'yes' } }))).toBe(`${header} has a header but no data rows.`);
  });

  it('names a quote that never closes', async () => {
    const file = writeText(tempDir(), 'quote.csv', 'a,b,label\n1,2,x\n3,"4,y\n5,6,x\n');
    expect(await failure(importCsv(file))).toBe(`${file}, line 3: a quoted value starts here and is never closed.`);
  });

  it('streams a table too large to load, refusing it by size and reading only the first rows with a limit', async () => {
    const dir = tempDir();
    const file = join(dir, 'big.csv');
    const row = '1.5,2.5,3.5,4.5,setosa\n2.5,1.5,0.5,3.5,virginica\n';
    writeFileSync(file, `a,b,c,d,label\n${row.repeat(40_000)}`);
    const { settings } = await importCsv(writeText(dir, 'small.csv', `a,b,c,d,label\n${row.repeat(10)}`));
    const big = { ...settings, source: { ...settings.source!, path: file }, fingerprint: undefined };
    expect(await failure(loadCsv(big, big.source, file, file, 0.2, 1024 * 1024))).toBe(
      `${file} is 1.9 MB; LayerLab reads tables of up to 1.0 MB into memory. Set "Limit" to train on the first rows (for example 100,000).`,
    );
    const limited = await loadCsv({ ...big, limit: 500 }, big.source, file, file, 0.2, 1024 * 1024);
    expect(limited.count).toBe(500);
  });

  it('says when the data is gone', async () => {
    const dir = tempDir();
    const { settings } = await importCsv(writeText(dir, 'iris.csv', irisLikeCsv()));
    const moved = join(dir, 'moved.csv');
    expect(await failure(loadUserData('csv', { ...settings, source: { ...settings.source!, path: moved } }, 0.2))).toBe(
      `The data at ${moved} is gone — was it moved? Choose its new location.`,
    );
  });
});
