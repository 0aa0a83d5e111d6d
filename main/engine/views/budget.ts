/**
 * The share of a run's time the decision field may take. Opening the views must slow training by
 * under 5% (bench/view-overhead.ts); the dynamics, measured beside it, take most of that.
 */
export const VIEW_SHARE = 0.01;

/**
 * When a view may be computed again: after at least `minIntervalMs`, and after enough training time
 * that its last computation's cost is at most `share` of the time between two: on spirals, whose
 * epochs take ~50 ms, not after every epoch.
 */
export class ViewBudget {
  private last = -Infinity;
  private cost = 0;

  constructor(
    private readonly now: () => number = () => performance.now(),
    private readonly share = VIEW_SHARE,
  ) {}

  /** Whether the view may be computed now, at least `minIntervalMs` after the last time. */
  due(minIntervalMs = 0): boolean {
    return this.now() - this.last >= Math.max(minIntervalMs, this.cost / this.share);
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
