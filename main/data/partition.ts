import { seededRandom } from '../../app/data/synthetic';

/** Example indices of each part of a split. */
export interface Partition {
  readonly train: Uint32Array;
  readonly validation: Uint32Array;
  readonly test: Uint32Array;
}

export interface PartitionOptions {
  readonly validation: number;
  readonly test: number;
  readonly seed: number;
  /** Class id per example: each class is split in the same proportions. */
  readonly labels?: Int32Array;
  /** Keep time order: train first, then validation, then test, never shuffled. */
  readonly chronological?: boolean;
}

function shuffle(idx: Uint32Array, rand: () => number): Uint32Array {
  for (let i = idx.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    const t = idx[i]!;
    idx[i] = idx[j]!;
    idx[j] = t;
  }
  return idx;
}

const range = (from: number, to: number) => Uint32Array.from({ length: Math.max(0, to - from) }, (_, i) => from + i);

/** How many of `n` go to validation and test; training always keeps at least one. */
function shares(n: number, validation: number, test: number): [number, number] {
  let t = Math.round(n * test);
  let v = Math.round(n * validation);
  while (t + v >= n && t + v > 0) {
    if (t >= v && t > 0) t--;
    else v--;
  }
  return [v, t];
}

/** A seeded (and, given labels, stratified) or chronological split into train, validation and test. */
export function partition(n: number, opts: PartitionOptions): Partition {
  if (opts.chronological) {
    const [v, t] = shares(n, opts.validation, opts.test);
    return { train: range(0, n - v - t), validation: range(n - v - t, n - t), test: range(n - t, n) };
  }
  const rand = seededRandom(opts.seed);
  if (!opts.labels) {
    const order = shuffle(range(0, n), rand);
    const [v, t] = shares(n, opts.validation, opts.test);
    return { train: order.slice(0, n - v - t), validation: order.slice(n - v - t, n - t), test: order.slice(n - t) };
  }
  const byClass = new Map<number, number[]>();
  for (let i = 0; i < n; i++) {
    const c = opts.labels[i]!;
    let list = byClass.get(c);
    if (!list) byClass.set(c, (list = []));
    list.push(i);
  }
  const train: number[] = [];
  const validation: number[] = [];
  const test: number[] = [];
  for (const c of [...byClass.keys()].sort((a, b) => a - b)) {
    const members = shuffle(Uint32Array.from(byClass.get(c)!), rand);
    const [v, t] = shares(members.length, opts.validation, opts.test);
    const cut = members.length - v - t;
    members.subarray(0, cut).forEach((i) => train.push(i));
    members.subarray(cut, cut + v).forEach((i) => validation.push(i));
    members.subarray(cut + v).forEach((i) => test.push(i));
  }
  return {
    train: shuffle(Uint32Array.from(train), rand),
    validation: shuffle(Uint32Array.from(validation), rand),
    test: shuffle(Uint32Array.from(test), rand),
  };
}
