import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dataSettingsSchema, type DataSettings } from '../../app/data/catalog';
import { dataSpec } from '../../app/data/spec';
import { Vocabulary } from '../../app/data/tokenizer';
import { loadUserData } from '../../main/data';
import { importUserData } from '../../main/data/complete';
import { inspectData } from '../../main/data/jobs';
import { tempDir, writeText } from '../fixtures/user-data';

const failure = async (p: Promise<unknown>) =>
  (
    await p.then(
      () => null,
      (e: unknown) => e as Error,
    )
  )?.message;
const textSettings = (path: string, text: Record<string, unknown> = {}, extra: Record<string, unknown> = {}): DataSettings =>
  dataSettingsSchema.parse({ dataset: 'text', vocabSize: 100, sequenceLength: 6, source: { path, text }, split: { validation: 0.25 }, ...extra });

const REVIEWS = [
  'review,stars',
  '"Great film, loved it",good',
  'Terrible plot and awful acting,bad',
  'Loved the music; great cast,good',
  'Awful. Just awful,bad',
  'A great great film,good',
  'Boring and awful,bad',
  '',
].join('\n');

describe('text import', () => {
  it('reads a CSV text column and label, saves the vocabulary, and encodes with it', async () => {
    const file = writeText(tempDir(), 'reviews.csv', REVIEWS);
    const { settings, summary } = await importUserData('text', textSettings(file));
    const t = settings.source!.text;
    expect([t.textColumn, t.labelColumn, t.classes]).toEqual(['review', 'stars', ['bad', 'good']]);
    expect(t.vocabulary!.slice(0, 4)).toEqual(['awful', 'great', 'and', 'film']);
    expect(summary).toMatchObject({
      examples: 6,
      classes: [
        { label: 'bad', count: 3 },
        { label: 'good', count: 3 },
      ],
    });
    expect(dataSpec(settings)).toMatchObject({ inputs: [{ shape: [6], dtype: 'int32' }], classes: 2, vocabulary: t.vocabulary!.length + 2 });
    const data = await loadUserData('text', settings, 0.25);
    const v = new Vocabulary(t.vocabulary!);
    // "Great film, loved it": 4 tokens padded in front to 6.
    expect(Array.from(data.inputs[0]!.data.subarray(0, 6))).toEqual([0, 0, v.id('great'), v.id('film'), v.id('loved'), v.id('it')]);
    const post = await loadUserData(
      'text',
      { ...settings, sequenceLength: 3, source: { ...settings.source!, text: { ...t, padding: 'post', truncation: 'post' } } },
      0.25,
    );
    expect(Array.from(post.inputs[0]!.data.subarray(0, 3))).toEqual([v.id('great'), v.id('film'), v.id('loved')]);
  });

  it('reads one folder of .txt files per class, and previews tokens and ids', async () => {
    const dir = tempDir();
    for (const [label, texts] of [
      ['ham', ['see you at lunch', 'call me later']],
      ['spam', ['WIN a prize now', 'free prize, click now']],
    ] as const) {
      mkdirSync(join(dir, label));
      texts.forEach((text, i) => writeFileSync(join(dir, label, `${i}.txt`), text));
    }
    const settings = textSettings(dir, { layout: 'folders' });
    const reply = await inspectData(settings);
    const preview = reply.preview!;
    if (preview.kind !== 'text') throw new Error(preview.kind);
    expect(preview.samples[2]).toMatchObject({ label: 'spam', tokens: ['win', 'a', 'prize', 'now'] });
    expect(preview.samples[2]!.ids.every((id) => id >= 2)).toBe(true);
    expect(reply.classBalance).toEqual([
      { label: 'ham', count: 2 },
      { label: 'spam', count: 2 },
    ]);
    const { settings: done } = await importUserData('text', settings);
    expect(done.source!.text.classes).toEqual(['ham', 'spam']);
    expect((await loadUserData('text', done, 0.5)).count).toBe(4);
  });

  it('reads only the first megabyte of a huge text, and says so', async () => {
    const dir = tempDir();
    for (const label of ['ham', 'spam']) {
      mkdirSync(join(dir, label));
      writeFileSync(join(dir, label, 'a.txt'), `${label} words here`);
      writeFileSync(join(dir, label, 'b.txt'), `more ${label} words`);
    }
    // 3 MB of "é" (two bytes each): the cut falls inside a character.
    writeFileSync(join(dir, 'spam', 'huge.txt'), `prize ${'é'.repeat(1_500_000)}`);
    const { settings: done } = await importUserData('text', textSettings(dir, { layout: 'folders' }));
    const data = await loadUserData('text', done, 0.5);
    expect(data.count).toBe(5);
    expect(data.warnings?.map((w) => w.message)).toContainEqual(expect.stringContaining('huge.txt is over 1 MB; only its first 1 MB was read'));
  });

  it('names a class with one text', async () => {
    const file = writeText(tempDir(), 'few.csv', 'text,label\nhello there,a\nhi again,a\nbye now,b\n');
    expect(await failure(importUserData('text', textSettings(file)))).toBe(
      `Class "b" has only 1 text; each class needs at least 2 (one to train on, one to check).`,
    );
  });
});

function seriesCsv(rows: number, shuffled = false): string {
  const lines = Array.from(
    { length: rows },
    (_, i) => `2024-01-${String(Math.floor(i / 24) + 1).padStart(2, '0')}T${String(i % 24).padStart(2, '0')}:00,${i},${100 + 2 * i}`,
  );
  if (shuffled) [lines[3], lines[4]] = [lines[4]!, lines[3]!];
  return `when,temp,load\n${lines.join('\n')}\n`;
}

describe('time series import', () => {
  const seriesSettings = (path: string, extra: Record<string, unknown> = {}) =>
    dataSettingsSchema.parse({ dataset: 'series', window: 4, horizon: 2, source: { path, series: { stride: 2 } }, split: { validation: 0.2 }, ...extra });

  it('finds the date and value columns, windows with stride and horizon, splits in time order', async () => {
    const file = writeText(tempDir(), 'series.csv', seriesCsv(50));
    const { settings, summary } = await importUserData('series', seriesSettings(file));
    expect(settings.source!.series).toMatchObject({ dateColumn: 'when', valueColumns: ['temp', 'load'], targets: ['temp'], stride: 2 });
    expect(dataSpec(settings)).toMatchObject({ task: 'regression', inputs: [{ shape: [4, 2] }], targetShape: [1] });
    // floor((50 − 4 − 2) / 2) + 1 windows
    expect(summary.examples).toBe(23);
    const data = await loadUserData('series', settings, 0.2);
    expect(data.chronological).toBe(true);
    expect(Array.from(data.partition!.validation)).toEqual([18, 19, 20, 21, 22]);
    const { mean, std } = data.targetScale![0]!;
    // Window 1 starts at row 2: inputs rows 2–5, target row 2 + 4 + 2 − 1 = 7 (temp = 7).
    expect(data.target.data[1]! * std + mean).toBeCloseTo(7, 4);
    expect(data.inputs[0]!.data[8]! * std + mean).toBeCloseTo(2, 4);
  });

  it('sorts rows into date order with a warning, and says when the series is too short', async () => {
    const dir = tempDir();
    const file = writeText(dir, 'shuffled.csv', seriesCsv(50, true));
    const { problems } = await importUserData('series', seriesSettings(file));
    expect(problems.map((p) => p.message)).toEqual([`${file}: the rows are not in date order; they were sorted by "when".`]);
    const short = writeText(dir, 'short.csv', seriesCsv(6));
    expect(await failure(importUserData('series', seriesSettings(short)))).toBe(
      `${short} has 6 rows: too few for a window of 4 steps and a horizon of 2 (it needs at least 8).`,
    );
  });

  it('previews the head, a plot of the target and the first window', async () => {
    const file = writeText(tempDir(), 'series.csv', seriesCsv(50));
    const reply = await inspectData(seriesSettings(file));
    const preview = reply.preview!;
    if (preview.kind !== 'series') throw new Error(preview.kind);
    expect(preview.window).toEqual({ start: 0, end: 4, target: 5 });
    expect(preview.plot.values.slice(0, 3)).toEqual([0, 1, 2]);
    expect(preview.windows).toBe(23);
  });
});
