export type BatchVerdict = 'stop' | 'continue';

/**
 * Pause, resume, step and stop, applied between batches. The training loop awaits
 * `afterBatch` after every batch; while paused that promise waits, which holds tfjs's fit loop
 * without blocking the event loop (so commands still arrive).
 */
export class RunControls {
  private paused = false;
  private stopping = false;
  private stepRequested = false;
  private wake: (() => void) | null = null;

  constructor(
    private readonly onPaused: (step: number) => void,
    private readonly onResumed: () => void,
  ) {}

  get stopRequested(): boolean {
    return this.stopping;
  }

  /** True when the next `afterBatch` will hold. */
  get pausing(): boolean {
    return this.paused && !this.stepRequested;
  }

  pause(): void {
    this.paused = true;
  }

  resume(): void {
    if (!this.paused) return;
    this.paused = false;
    this.onResumed();
    this.release();
  }

  /** While paused: let exactly one more batch run, then pause again. */
  step(): void {
    if (!this.paused) return;
    this.stepRequested = true;
    this.release();
  }

  stop(): void {
    this.stopping = true;
    this.release();
  }

  async afterBatch(step: number): Promise<BatchVerdict> {
    if (this.stopping) return 'stop';
    if (!this.paused) return 'continue';
    this.onPaused(step);
    while (this.waiting()) {
      await new Promise<void>((resolve) => (this.wake = resolve));
    }
    this.stepRequested = false;
    return this.stopRequested ? 'stop' : 'continue';
  }

  // Read through a method and the getter: the host changes these flags while afterBatch awaits,
  // which the narrowing from the checks above cannot see.
  private waiting(): boolean {
    return this.paused && !this.stepRequested && !this.stopping;
  }

  private release(): void {
    const wake = this.wake;
    this.wake = null;
    wake?.();
  }
}
