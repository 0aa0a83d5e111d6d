/**
 * Throughput, data-versus-compute time and ETA. Compute is the time inside a batch (begin to
 * end); data is the gap between batches, where fit slices the next batch and callbacks run.
 */
export class ProgressMeter {
  private readonly started = performance.now();
  private batchBegan = 0;
  private lastEnd = 0;
  private windowSamples = 0;
  private windowStart = performance.now();
  private dataMs = 0;
  private computeMs = 0;
  private avgBatchMs = 0;

  constructor(
    private readonly batchSize: number,
    private readonly totalBatches: number,
  ) {}

  batchBegin(): void {
    const now = performance.now();
    if (this.lastEnd > 0) this.dataMs += now - this.lastEnd;
    this.batchBegan = now;
  }

  batchEnd(measuredMs?: number): void {
    const now = performance.now();
    const took = measuredMs ?? now - this.batchBegan;
    this.computeMs += took;
    this.avgBatchMs = this.avgBatchMs === 0 ? took : this.avgBatchMs * 0.9 + took * 0.1;
    this.windowSamples += this.batchSize;
    this.lastEnd = now;
  }

  /** Pauses should not count as data time. */
  resumed(): void {
    this.lastEnd = 0;
    this.windowStart = performance.now();
    this.windowSamples = 0;
  }

  /** Figures since the last call; the window then starts again. */
  take(stepsDone: number): { samplesPerSecond: number; dataMs: number; computeMs: number; elapsedSeconds: number; etaSeconds: number | null } {
    const now = performance.now();
    const seconds = (now - this.windowStart) / 1000;
    const out = {
      samplesPerSecond: seconds > 0 ? this.windowSamples / seconds : 0,
      dataMs: this.dataMs,
      computeMs: this.computeMs,
      elapsedSeconds: (now - this.started) / 1000,
      etaSeconds: this.avgBatchMs > 0 ? (Math.max(0, this.totalBatches - stepsDone) * this.avgBatchMs) / 1000 : null,
    };
    this.windowSamples = 0;
    this.windowStart = now;
    this.dataMs = 0;
    this.computeMs = 0;
    return out;
  }
}
