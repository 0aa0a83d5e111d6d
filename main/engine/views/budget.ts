/**
 * The share of a run's time the decision field may take. Opening the views must slow training by
 * under 5% (bench/view-overhead.ts); the dynamics, measured beside it, take most of that.
 */
export const VIEW_SHARE = 0.01;

/**
 * The longest a live view waits between two computations. One slow computation (the first, which
 * warms the model's kernels, or one on a machine busy for a moment) would otherwise freeze the view
 * for a hundred times its cost: 300 ms would mean 30 s of a still picture while the model learns.
 */
export const VIEW_MAX_WAIT_MS = 5_000;

/**
 * When a view may be computed again: after at least `minIntervalMs`, and after enough training time
 * that its last computation's cost is at most `share` of the time between two: on spirals, whose
 * epochs take ~50 ms, not after every epoch. Never longer than `maxWaitMs`, so one slow computation
 * cannot hold the view still.
 */
export class ViewBudget {
  private last = -Infinity;
  private cost = 0;

  constructor(
    private readonly now: () => number = () => performance.now(),
    private readonly share = VIEW_SHARE,
    private readonly maxWaitMs = VIEW_MAX_WAIT_MS,
  ) {}

  /** Whether the view may be computed now, at least `minIntervalMs` after the last time. */
  due(minIntervalMs = 0): boolean {
    const wait = Math.max(minIntervalMs, Math.min(this.cost / this.share, this.maxWaitMs));
    return this.now() - this.last >= wait;
  }

  /** Computes the view, remembering what it cost. */
  spend<T>(compute: () => T): T {
    const start = this.now();
    try {
      return compute();
    } finally {
      this.last = this.now();
      this.cost = this.last - start;
    }
  }
}
