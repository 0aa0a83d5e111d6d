import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { DataSettings } from '../../../app/data/catalog';
import type { TrainingData } from '../../data/training-data';

const require = createRequire(import.meta.url);

/** Reads one numeric column of a CSV into a Float32Array, naming the line of any bad value. */
export async function readCsvColumn(path: string, column: string): Promise<Float32Array> {
  const lines = (await readFile(path, 'utf8')).split(/\r?\n/).filter((l) => l.trim());
  const header = lines[0]?.split(',') ?? [];
  const at = header.indexOf(column);
  if (at < 0) throw new Error(`${path}: no column "${column}" (columns: ${header.join(', ')})`);
  const values = new Float32Array(lines.length - 1);
  for (let i = 1; i < lines.length; i++) {
    const v = Number(lines[i]!.split(',')[at]);
    if (!Number.isFinite(v)) throw new Error(`${path}: line ${i + 1}: "${column}" is not a number`);
    values[i - 1] = v;
  }
  return values;
}

/**
 * Sliding windows over a series: `window` past values in, the value `horizon` steps later out.
 * Standardised with the mean and spread of the training part only, so validation stays unseen.
 */
export function windows(series: Float32Array, window: number, horizon: number, validationSplit: number): TrainingData {
  const count = series.length - window - horizon + 1;
  if (count < 2) throw new Error(`The series has ${series.length} values: too short for a window of ${window} and a horizon of ${horizon}.`);
  const trainEnd = Math.max(window + horizon, Math.floor(series.length * (1 - validationSplit)));
  let mean = 0;
  for (let i = 0; i < trainEnd; i++) mean += series[i]!;
  mean /= trainEnd;
  let variance = 0;
  for (let i = 0; i < trainEnd; i++) variance += (series[i]! - mean) ** 2;
  const std = Math.sqrt(variance / trainEnd) || 1;
  const x = new Float32Array(count * window);
  const y = new Float32Array(count);
  for (let i = 0; i < count; i++) {
    for (let t = 0; t < window; t++) x[i * window + t] = (series[i + t]! - mean) / std;
    y[i] = (series[i + window + horizon - 1]! - mean) / std;
  }
  return { inputs: [{ data: x, shape: [window, 1] }], target: { data: y, shape: [1] }, count, chronological: true, targetScale: [{ mean, std }] };
}

/** vega-datasets exports only its JS entry, so find the data folder from that. */
function vegaData(name: string): string {
  return join(dirname(require.resolve('vega-datasets')), '..', 'data', name);
}

export async function loadCo2(s: DataSettings, validationSplit: number): Promise<TrainingData> {
  const file = vegaData('co2-concentration.csv');
  return windows(await readCsvColumn(file, 'CO2'), s.window, s.horizon, validationSplit);
}
