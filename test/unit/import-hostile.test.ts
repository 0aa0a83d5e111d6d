import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ImportError } from '../../app/import/errors';
import { importModelFile } from '../../main/import/import-file';
import { RunStore } from '../../main/service/run-store';
import { tempDir, template } from './export-helpers';
import { exportTfjs } from './import-helpers';

interface ModelJson {
  format?: string;
  modelTopology: unknown;
  weightsManifest: { paths: string[]; weights: { name: string; shape: number[] }[] }[];
}

let source: string;
let valid: ModelJson;
let bin: Buffer;

beforeAll(async () => {
  source = tempDir('import-hostile-src');
  await exportTfjs(template('lenet-mnist'), source);
  valid = JSON.parse(readFileSync(join(source, 'model.json'), 'utf8')) as ModelJson;
  bin = readFileSync(join(source, 'weights.bin'));
});

/** Writes a model folder, imports it with a run store, and returns the error and whether anything was written. */
async function attempt(json: string, weights: Buffer | null = bin): Promise<{ error: unknown; written: string[] }> {
  const dir = tempDir('import-hostile');
  writeFileSync(join(dir, 'model.json'), json);
  if (weights) writeFileSync(join(dir, 'weights.bin'), weights);
  const data = join(dir, 'data');
  mkdirSync(data);
  const error = await importModelFile(join(dir, 'model.json'), new RunStore(data)).then(
    () => null,
    (e: unknown) => e,
  );
  return { error, written: readdirSync(data) };
}

const edited = (change: (m: ModelJson) => void) => {
  const copy = structuredClone(valid);
  change(copy);
  return JSON.stringify(copy);
};

describe('a bad model file gets a precise message and changes nothing', () => {
  const cases: [string, () => string, RegExp, Buffer | null | undefined][] = [
    ['not JSON', () => '{"modelTopology": ', /not valid JSON/, undefined],
    ['a graph model', () => edited((m) => (m.format = 'graph-model')), /graph model/, undefined],
    ['Keras 1', () => JSON.stringify({ class_name: 'Sequential', keras_version: '1.2.2', config: [] }), /Keras 1\.2\.2/, undefined],
    ['not a model', () => JSON.stringify({ class_name: 'Dense', config: { units: 3 } }), /not a model/, undefined],
    ['a missing shard', () => JSON.stringify(valid), /weights\.bin that model\.json lists is missing/, null],
    ['a short shard', () => JSON.stringify(valid), /hold 100 bytes but model\.json declares/, Buffer.alloc(100)],
    ['a shard outside the folder', () => edited((m) => (m.weightsManifest[0]!.paths = ['../weights.bin'])), /plain file name/, undefined],
    [
      'a kernel of another shape',
      () => edited((m) => m.weightsManifest[0]!.weights.find((w) => w.name === 'dense_1/kernel')!.shape.reverse()),
      /dense_1\/kernel is \[120, 400\] in the file but \[400, 120\] in layer dense_1/,
      undefined,
    ],
    [
      'a duplicate layer name',
      () => edited((m) => ((m.modelTopology as { config: { layers: { config: { name: string } }[] } }).config.layers[2]!.config.name = 'conv2d_1')),
      /Two layers are named "conv2d_1"/,
      undefined,
    ],
  ];
  it.each(cases)('%s', async (_, json, message, weights) => {
    const { error, written } = await attempt(json(), weights === undefined ? bin : weights);
    expect(error).toBeInstanceOf(ImportError);
    expect((error as Error).message).toMatch(message);
    expect(written).toEqual([]);
  });

  it('a file too big to be a model JSON is refused before it is read', async () => {
    const { error } = await attempt(`{"x": "${'a'.repeat(33 * 1024 * 1024)}"}`);
    expect((error as Error).message).toMatch(/too big for a model's JSON/);
  });
});

/** A small deterministic generator, so a failing mutation can be replayed from its seed. */
function random(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const WEIRD: unknown[] = [null, -1, 0, 1.5, 1e9, '', 'relu', 'x'.repeat(300), [], [null], [[-3]], {}, { class_name: 'Dense' }, true, ['a', 0, 0]];

/** Replaces, deletes or duplicates one random value somewhere in the JSON tree. */
function mutate(value: unknown, rand: () => number, depth = 0): unknown {
  if (typeof value !== 'object' || value === null || depth > 12 || rand() < 0.12) {
    return rand() < 0.5 ? WEIRD[Math.floor(rand() * WEIRD.length)] : typeof value === 'number' ? value * -7 : undefined;
  }
  const keys = Object.keys(value);
  if (keys.length === 0) return WEIRD[Math.floor(rand() * WEIRD.length)];
  const key = keys[Math.floor(rand() * keys.length)]!;
  const copy: Record<string, unknown> | unknown[] = Array.isArray(value) ? [...(value as unknown[])] : { ...(value as Record<string, unknown>) };
  (copy as Record<string, unknown>)[key] = mutate((value as Record<string, unknown>)[key], rand, depth + 1);
  return copy;
}

describe('fuzzing the importer with mutations of a valid model.json', () => {
  it('never throws anything but an ImportError', async () => {
    const dir = tempDir('import-fuzz');
    writeFileSync(join(dir, 'weights.bin'), bin);
    const outcomes = { imported: 0, refused: 0 };
    for (let seed = 1; seed <= 250; seed++) {
      const rand = random(seed);
      let json: unknown = valid;
      for (let k = 1 + Math.floor(rand() * 3); k > 0; k--) json = mutate(json, rand);
      writeFileSync(join(dir, 'model.json'), json === undefined ? 'null' : JSON.stringify(json));
      try {
        await importModelFile(join(dir, 'model.json'), null);
        outcomes.imported++;
      } catch (e) {
        if (!(e instanceof ImportError)) throw new Error(`seed ${seed}: ${String(e)}`, { cause: e });
        outcomes.refused++;
      }
    }
    // Both kinds of outcome happen, so the mutations neither all break the file nor all miss.
    expect(outcomes.imported).toBeGreaterThan(10);
    expect(outcomes.refused).toBeGreaterThan(10);
  }, 120_000);
});
