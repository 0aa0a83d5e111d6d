/** Error measures of predictions against actual values, in the target's own units. */
export interface RegressionScores {
  readonly count: number;
  readonly mae: number;
  readonly mse: number;
  readonly rmse: number;
  /** 1 − SS_res / SS_tot: 1 is perfect, 0 is no better than predicting the mean, below 0 is worse. */
  readonly r2: number;
}

export function regressionScores(actual: ArrayLike<number>, predicted: ArrayLike<number>): RegressionScores {
  const n = actual.length;
  if (n !== predicted.length) throw new Error(`regressionScores: ${n} values but ${predicted.length} predictions`);
  if (n === 0) return { count: 0, mae: 0, mse: 0, rmse: 0, r2: 0 };
  let mean = 0;
  for (let i = 0; i < n; i++) mean += actual[i]!;
  mean /= n;
  let abs = 0;
  let sq = 0;
  let tot = 0;
  for (let i = 0; i < n; i++) {
    const e = predicted[i]! - actual[i]!;
    abs += Math.abs(e);
    sq += e * e;
    tot += (actual[i]! - mean) ** 2;
  }
  const mse = sq / n;
  // A constant target has no variance to explain: perfect predictions score 1, anything else 0.
  const r2 = tot === 0 ? (sq === 0 ? 1 : 0) : 1 - sq / tot;
  return { count: n, mae: abs / n, mse, rmse: Math.sqrt(mse), r2 };
}

/** Equal-width bins from the smallest to the largest value: what a histogram draws, never the values themselves. */
export interface Histogram {
  readonly min: number;
  readonly max: number;
  readonly counts: number[];
}

export function histogram(values: Iterable<number>, bins: number): Histogram {
  let min = Infinity;
  let max = -Infinity;
  for (const v of values) {
    if (!Number.isFinite(v)) continue;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  const counts = new Array<number>(Math.max(1, bins)).fill(0);
  if (min === Infinity) return { min: 0, max: 0, counts };
  const width = max - min;
  for (const v of values) {
    if (!Number.isFinite(v)) continue;
    // The maximum belongs to the last bin; a constant series fills the first.
    const b = width === 0 ? 0 : Math.min(counts.length - 1, Math.floor(((v - min) / width) * counts.length));
    counts[b]! += 1;
  }
  return { min, max, counts };
}

/** At most `n` indices spread evenly over 0…total-1, in order, so a scatter of 10,000 points sends 500. */
export function evenIndices(total: number, n: number): number[] {
  if (total <= n) return Array.from({ length: total }, (_, i) => i);
  return Array.from({ length: n }, (_, i) => Math.floor((i * total) / n));
}
