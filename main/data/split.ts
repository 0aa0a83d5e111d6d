import { seededRandom } from '../../app/data/synthetic';
import { perExample, type Column, type TrainingData } from './training-data';

/** Fisher–Yates permutation of 0..n-1 from a seed, so splits repeat across runs. */
export function permutation(n: number, seed: number): Uint32Array {
  const rand = seededRandom(seed);
  const idx = new Uint32Array(n);
  for (let i = 0; i < n; i++) idx[i] = i;
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    const t = idx[i]!;
    idx[i] = idx[j]!;
    idx[j] = t;
  }
  return idx;
}

function gather(column: Column, order: ArrayLike<number>, from: number, to: number): Column {
  const size = perExample(column);
  const out = new (column.data.constructor as Float32ArrayConstructor | Int32ArrayConstructor)((to - from) * size);
  for (let i = from; i < to; i++) {
    const src = order[i]!;
    out.set(column.data.subarray(src * size, src * size + size), (i - from) * size);
  }
  return { data: out, shape: column.shape };
}

function take(data: TrainingData, order: ArrayLike<number>, from: number, to: number): TrainingData {
  const { partition: _whole, ...rest } = data;
  return { ...rest, inputs: data.inputs.map((c) => gather(c, order, from, to)), target: gather(data.target, order, from, to), count: to - from };
}

/**
 * Shuffles once (unless the data is chronological), keeps at most `limit` examples (0 = all),
 * then holds out the last `fraction` for validation. User data brings its own partition
 * (stratified, with a test part, already limited), which is followed as it is.
 */
export function splitData(
  data: TrainingData,
  fraction: number,
  seed: number,
  limit = 0,
): { train: TrainingData; validation: TrainingData | null; test?: TrainingData } {
  const p = data.partition;
  if (p) {
    const part = (idx: Uint32Array) => take(data, idx, 0, idx.length);
    return { train: part(p.train), validation: p.validation.length > 0 ? part(p.validation) : null, ...(p.test.length > 0 ? { test: part(p.test) } : {}) };
  }
  const order = data.chronological ? Uint32Array.from({ length: data.count }, (_, i) => i) : permutation(data.count, seed);
  const count = limit > 0 ? Math.min(limit, data.count) : data.count;
  const held = Math.floor(count * fraction);
  const cut = count - held;
  return { train: take(data, order, 0, cut), validation: held > 0 ? take(data, order, cut, count) : null };
}
