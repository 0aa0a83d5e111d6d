/** Median of `runs` timings of `fn` in milliseconds, after `warmup` untimed calls. */
export function medianMs(fn: () => void, runs: number, warmup = 3): number {
  for (let i = 0; i < warmup; i++) fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    fn();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}

export const median = (xs: readonly number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

export function table(rows: Record<string, string | number>[]): string {
  const keys = Object.keys(rows[0] ?? {});
  const cell = (v: string | number) => (typeof v === 'number' ? v.toFixed(v < 10 ? 3 : 1) : v);
  const widths = keys.map((k) => Math.max(k.length, ...rows.map((r) => cell(r[k]!).length)));
  const line = (vals: string[]) => vals.map((v, i) => v.padEnd(widths[i]!)).join('  ');
  return [line(keys), line(widths.map((w) => '-'.repeat(w))), ...rows.map((r) => line(keys.map((k) => cell(r[k]!))))].join('\n');
}

/** How many batches a training measurement skips, then times in equal windows. */
export interface Budget {
  readonly warmup: number;
  readonly windows: number;
  readonly perWindow: number;
}

/**
 * Samples per second in each timed window, from the times at which batches ended. The first
 * `warmup` batches (tracing, weight packing, allocator growth) are not timed.
 */
export function windowThroughput(batchEnds: readonly number[], budget: Budget, batchSize: number): number[] {
  const out: number[] = [];
  // Cut short by a deadline before one full window: every batch after the first is one window.
  if (batchEnds.length < budget.warmup + budget.perWindow && batchEnds.length >= 2) {
    return [((batchEnds.length - 1) * batchSize * 1000) / (batchEnds.at(-1)! - batchEnds[0]!)];
  }
  for (let w = 0; w < budget.windows; w++) {
    const from = budget.warmup - 1 + w * budget.perWindow;
    const to = from + budget.perWindow;
    if (to >= batchEnds.length || from < 0) break;
    out.push((budget.perWindow * batchSize * 1000) / (batchEnds[to]! - batchEnds[from]!));
  }
  return out;
}
