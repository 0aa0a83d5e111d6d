import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeGraph } from '../../app/analysis/analyze';
import { dataSettingsSchema } from '../../app/data/catalog';
import { checkDataFit } from '../../app/data/fit';
import { loadProjectText } from '../../app/document/load';
import type { ProjectDoc } from '../../app/document/schema';
import { REQUESTS } from '../../app/protocol/requests';
import { appPaths } from '../../main/service/paths';
import { createService } from '../../main/service/service';
import { irisLikeCsv, tempDir, writeText } from '../fixtures/user-data';
import { ROOT, template } from './helpers';

const service = () =>
  createService({
    host: 'web',
    version: '0.0.0',
    paths: appPaths(ROOT),
    dataDir: tempDir('layerlab-store-'),
    launchEngine: () => {
      throw new Error('no engine in this test');
    },
    emit: () => {},
  });
const fit = (doc: ProjectDoc) => checkDataFit(doc, analyzeGraph(doc.graph));
const failure = async (p: Promise<unknown>) =>
  (
    await p.then(
      () => null,
      (e: unknown) => e as Error,
    )
  )?.message;

async function importedIris(dir = tempDir()) {
  const file = writeText(dir, 'iris.csv', irisLikeCsv());
  const reply = (await service().handle('data.import', { settings: { dataset: 'csv', source: { path: 'iris.csv' } }, baseDir: dir })) as { settings: unknown };
  return { dir, file, settings: dataSettingsSchema.parse(reply.settings) };
}

describe('user data settings in the project document', () => {
  it('keeps version-1 documents loading unchanged, with no user source', () => {
    const loaded = loadProjectText(readFileSync(join(ROOT, 'test', 'fixtures', 'documents', 'v1.layerlab.json'), 'utf8'));
    expect(loaded.ok).toBe(true);
    if (loaded.ok) expect(loaded.doc.data.source).toBeUndefined();
  });

  it('round-trips imported settings through a saved project', async () => {
    const { settings } = await importedIris();
    const doc = { ...template('mlp-iris'), data: settings };
    const loaded = loadProjectText(JSON.stringify(doc));
    if (!loaded.ok) throw new Error(loaded.error);
    expect(loaded.doc.data).toEqual(settings);
    expect(fit(loaded.doc)).toEqual([]);
  });

  it('checks the data against the graph with one-click fixes: input shape, units, loss', async () => {
    const { settings } = await importedIris();
    const base = template('mlp-iris');
    const withLabel = (columns: typeof settings.source) => ({ ...settings, source: columns });
    const src = settings.source!;
    const twoFeatures = withLabel({ ...src, csv: { ...src.csv, columns: src.csv.columns.map((c, i) => (i < 2 ? { ...c, role: 'ignore' as const } : c)) } });
    expect(fit({ ...base, data: twoFeatures })[0]).toMatchObject({
      message: 'Your table (CSV) examples have shape (2,) (2 values), but input_1 expects (4,).',
      fix: { key: 'shape', value: [2] },
    });
    const fourClasses = withLabel({
      ...src,
      csv: { ...src.csv, columns: src.csv.columns.map((c) => (c.role === 'label' ? { ...c, categories: ['a', 'b', 'c', 'd'] } : c)) },
    });
    expect(fit({ ...base, data: fourClasses })[0]).toMatchObject({
      message: 'Your table (CSV) has 4 classes, but the output layer has 3 units.',
      fix: { key: 'units', value: 4 },
    });
    const twoClasses = withLabel({
      ...src,
      csv: { ...src.csv, columns: src.csv.columns.map((c) => (c.role === 'label' ? { ...c, categories: ['a', 'b'] } : c)) },
    });
    const oneSigmoid = {
      ...base,
      graph: {
        ...base.graph,
        nodes: base.graph.nodes.map((n) => (n.id === 'dense_2' ? { ...n, params: { ...n.params, units: 1, activation: 'sigmoid' } } : n)),
      },
    };
    const categorical = { ...oneSigmoid, data: twoClasses, training: { ...base.training, loss: 'categoricalCrossentropy' as const } };
    expect(fit(categorical)).toEqual([
      {
        message: 'Categorical cross-entropy needs one output unit per class; this output has 1. Use binary cross-entropy.',
        trainingFix: { label: 'Use binaryCrossentropy', key: 'loss', value: 'binaryCrossentropy' },
      },
    ]);
    expect(fit({ ...base, data: dataSettingsSchema.parse({ dataset: 'csv' }) })).toEqual([{ message: 'Choose a CSV file for your data.' }]);
  });

  it('asks for an Embedding large enough for the saved vocabulary', () => {
    const doc = template('lstm-imdb');
    const data = dataSettingsSchema.parse({
      dataset: 'text',
      vocabSize: 20000,
      sequenceLength: doc.data.sequenceLength,
      source: { path: '/x', text: { layout: 'folders', classes: ['neg', 'pos'], vocabulary: Array.from({ length: 14998 }, (_, i) => `w${i}`) } },
    });
    const [issue] = fit({ ...doc, data });
    expect(issue).toMatchObject({
      message: 'Your texts has word ids up to 14999, but embedding_1 has a vocabulary of 10000.',
      fix: { key: 'inputDim', value: 15000 },
    });
  });
});

describe('data requests', () => {
  it('inspects a table relative to the project folder: rows, types, missing counts, balance', async () => {
    const dir = tempDir();
    writeText(dir, 'iris.csv', irisLikeCsv());
    const reply = REQUESTS['data.inspect'].reply.parse(
      await service().handle('data.inspect', { settings: { dataset: 'csv', source: { path: 'iris.csv' } }, baseDir: dir }),
    );
    expect(reply.resolvedPath).toBe(join(dir, 'iris.csv'));
    const preview = reply.preview!;
    if (preview.kind !== 'csv') throw new Error(preview.kind);
    expect(preview.rows).toHaveLength(20);
    expect(preview.lines[0]).toBe(2);
    expect(preview.columns[4]).toMatchObject({ name: 'species', detected: 'category', role: 'label', missing: 0, distinct: 3 });
    expect(preview.task).toBe('classification');
    expect(reply.classBalance.map((c) => c.count)).toEqual([50, 50, 50]);
  });

  it('lists the problems of broken data in the preview instead of failing, with a fix to offer', async () => {
    const lines = irisLikeCsv().split('\n');
    lines[56] = '1,2';
    const file = writeText(tempDir(), 'broken.csv', lines.join('\n'));
    const reply = REQUESTS['data.inspect'].reply.parse(await service().handle('data.inspect', { settings: { dataset: 'csv', source: { path: file } } }));
    expect(reply.problems).toEqual([{ file, line: 57, message: `${file}, line 57: expected 5 values (one per column) but found 2.`, severity: 'error' }]);
    expect(reply.suggestions[0]).toMatchObject({ label: 'Skip malformed rows' });
    expect(reply.suggestions[0]!.settings!.source!.csv.badRows).toBe('skip');
    expect(await failure(service().handle('data.import', { settings: { dataset: 'csv', source: { path: file } } }))).toBe(
      `${file}, line 57: expected 5 values (one per column) but found 2.`,
    );
  });

  it('relocates moved data, telling the same data from different data', async () => {
    const { dir, settings } = await importedIris();
    const elsewhere = join(dir, 'moved');
    mkdirSync(elsewhere);
    copyFileSync(join(dir, 'iris.csv'), join(elsewhere, 'iris.csv'));
    const same = REQUESTS['data.relocate'].reply.parse(await service().handle('data.relocate', { settings, path: join(elsewhere, 'iris.csv') }));
    expect(same).toMatchObject({ same: true, message: `Found the same data at ${join(elsewhere, 'iris.csv')}.` });
    expect(same.settings.source!.path).toBe(join(elsewhere, 'iris.csv'));
    const other = writeText(elsewhere, 'other.csv', irisLikeCsv(30));
    const different = REQUESTS['data.relocate'].reply.parse(await service().handle('data.relocate', { settings, path: other }));
    expect(different.same).toBe(false);
    expect(different.message).toMatch(/^The files at .*other\.csv are not the ones imported/);
  });

  it('offers the file dialog only in the desktop app', async () => {
    expect(await failure(service().handle('dialog.pickPath', { kind: 'folder' }))).toBe(
      'Choosing a file with a dialog is only in the desktop app. In the browser, type the path of the file or folder on this computer.',
    );
    expect(await failure(service().handle('data.inspect', { settings: { dataset: 'iris' } }))).toBe(
      '"iris" is a built-in dataset; inspecting and importing are for your own data (csv, images, text, series).',
    );
  });
});
