import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { analyzeGraph } from '../../app/analysis/analyze';
import { dataSettingsSchema } from '../../app/data/catalog';
import { decodeRow, encodeRow, RowError } from '../../app/data/encode-row';
import type { TableEncoding } from '../../app/data/table-encoding';
import { loadUserData } from '../../main/data';
import { importUserData } from '../../main/data/complete';
import { buildModel } from '../../main/engine/build-model';
import { PlaygroundSession } from '../../main/engine/evaluate/playground';
import { tempDir, writeText } from '../fixtures/user-data';
import { template } from './helpers';

// Numbers on very different scales, a one-hot category and a category fed to an Embedding, like a real table.
function housesCsv(rows = 120): string {
  const lines = ['area,rooms,town,street,price'];
  const towns = ['Leeds', 'York', 'Hull'];
  const streets = ['high', 'low', 'mid', 'park'];
  for (let i = 0; i < rows; i++) {
    const area = 40 + ((i * 37) % 160);
    const rooms = 1 + (i % 5);
    lines.push(`${area},${i % 17 === 0 ? '' : rooms},${towns[i % 3]},${streets[(i * 7) % 4]},${(area * 2100 + rooms * 9000 + (i % 3) * 15000).toString()}`);
  }
  return `${lines.join('\n')}\n`;
}

async function houses() {
  const file = writeText(tempDir(), 'houses.csv', housesCsv());
  const base = dataSettingsSchema.parse({ dataset: 'csv', source: { path: file }, split: { validation: 0.2 } });
  const imported = await importUserData('csv', base);
  // The street goes to an Embedding as an id; the town stays one-hot; price is the regression target.
  const columns = imported.settings.source!.csv.columns.map((c) =>
    c.name === 'street' ? { ...c, encoding: 'embed' as const } : c.name === 'price' ? { ...c, role: 'label' as const } : c,
  );
  const settings = { ...imported.settings, source: { ...imported.settings.source!, csv: { ...imported.settings.source!.csv, columns } } };
  return { settings, data: await loadUserData('csv', settings, 0.2) };
}

describe('a typed table row', () => {
  it('reaches the model exactly as its training row did, and a training row reads back as its cells', async () => {
    const { data } = await houses();
    const table = data.table!;
    expect(table.fields.map((f) => `${f.name}:${f.kind}${f.kind === 'category' ? `:${f.embed ? 'embed' : 'onehot'}` : ''}`)).toEqual([
      'area:number',
      'rooms:number',
      'town:category:onehot',
      'street:category:embed',
    ]);
    expect(table.target).toMatchObject({ kind: 'values', names: ['price'] });
    const [block, street] = data.inputs;
    const width = block!.shape[0]!;
    expect(width).toBe(2 + 3);
    for (const i of [0, 5, 17, 63]) {
      const cells = decodeRow(table, data.inputs, i);
      expect(cells.map((c) => c.name)).toEqual(['area', 'rooms', 'town', 'street']);
      const again = encodeRow(table, Object.fromEntries(cells.map((c) => [c.name, c.value])));
      const expected = Array.from(block!.data.subarray(i * width, (i + 1) * width));
      Array.from(again[0]!.data).forEach((v, j) => expect(v).toBeCloseTo(expected[j]!, 4));
      expect(again[1]!.data[0]).toBe(street!.data[i]);
    }
    // Row 0's rooms was empty: it reads back as the training part's mean, the value training filled in.
    const rooms = table.fields[1] as Extract<TableEncoding['fields'][number], { kind: 'number' }>;
    expect(Number(decodeRow(table, data.inputs, 0)[1]!.value)).toBeCloseTo(rooms.fill, 4);
  });

  it('names every field a person got wrong, and accepts a category in other case', async () => {
    const { data } = await houses();
    const table = data.table!;
    let error: unknown;
    try {
      encodeRow(table, { area: 'big', rooms: '3', town: 'Paris', street: 'HIGH' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(RowError);
    expect((error as Error).message).toContain('"area" takes a number, not "big"');
    expect((error as Error).message).toContain('"town" has no category "Paris" (it knows "Hull", "Leeds", "York")');
    expect((error as Error).message).not.toContain('street');
    expect(() => encodeRow(table, { area: '1e999' })).toThrow('"area" takes a number');
    expect(encodeRow(table, {})).toHaveLength(2);
  });

  it("gets the playground's answer in the target's own units, as the model says for the encoded row", async () => {
    const { settings, data } = await houses();
    const doc = template('mlp-spirals');
    doc.data = settings;
    // Two inputs: the numeric block and the street id, joined after an Embedding.
    doc.graph = {
      nodes: [
        { id: 'num', type: 'InputLayer', name: 'numbers', params: { shape: [5] }, position: { x: 0, y: 0 }, trainable: true },
        { id: 'ids', type: 'InputLayer', name: 'street', params: { shape: [1] }, position: { x: 300, y: 0 }, trainable: true },
        { id: 'emb', type: 'Embedding', name: 'street_vec', params: { inputDim: 4, outputDim: 2 }, position: { x: 300, y: 100 }, trainable: true },
        { id: 'flat', type: 'Flatten', name: 'flat', params: {}, position: { x: 300, y: 200 }, trainable: true },
        { id: 'cat', type: 'Concatenate', name: 'join', params: {}, position: { x: 0, y: 300 }, trainable: true },
        { id: 'out', type: 'Dense', name: 'price', params: { units: 1 }, position: { x: 0, y: 400 }, trainable: true },
      ],
      edges: [
        { id: 'e1', source: 'ids', target: 'emb', sourceHandle: 'output', targetHandle: 'input' },
        { id: 'e2', source: 'emb', target: 'flat', sourceHandle: 'output', targetHandle: 'input' },
        { id: 'e3', source: 'num', target: 'cat', sourceHandle: 'output', targetHandle: 'inputs' },
        { id: 'e4', source: 'flat', target: 'cat', sourceHandle: 'output', targetHandle: 'inputs' },
        { id: 'e5', source: 'cat', target: 'out', sourceHandle: 'output', targetHandle: 'input' },
      ],
    } as typeof doc.graph;
    const analysis = analyzeGraph(doc.graph);
    expect(analysis.issues.filter((i) => i.severity === 'error')).toEqual([]);
    const model = buildModel(tf, doc, analysis);
    const session = await PlaygroundSession.open(tf, doc, model);
    const cells = Object.fromEntries(decodeRow(data.table!, data.inputs, 3).map((c) => [c.name, c.value]));
    const result = await session.predict({ kind: 'row', cells });
    expect(result.kind).toBe('values');
    const [x, id] = encodeRow(data.table!, cells);
    const raw = (
      model.predict([tf.tensor2d(x!.data as Float32Array, [1, 5]), tf.tensor2d(id!.data as Int32Array, [1, 1], 'int32')]) as tf.Tensor
    ).dataSync()[0]!;
    const scale = data.targetScale![0]!;
    expect(result.kind === 'values' && result.names).toEqual(['price']);
    expect(result.kind === 'values' && result.values[0]).toBeCloseTo(raw * scale.std + scale.mean, 0);
    await expect(session.predict({ kind: 'row', cells: { ...cells, town: 'Paris' } })).rejects.toThrow('"town" has no category "Paris"');
    await expect(session.predict({ kind: 'text', text: 'hello' })).rejects.toThrow();
    session.dispose();
  });
});
