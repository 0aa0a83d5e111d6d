export type BatchVerdict = 'stop' | 'continue';
export type ControlCommand = 'pause' | 'resume' | 'step' | 'stop';

/**
 * Pause, resume, step and stop, applied between batches. The training loop awaits
 * `afterBatch` after every batch; while paused that promise waits, which holds tfjs's fit loop
 * without blocking the event loop (so commands still arrive).
 */
export class RunControls {
  private readonly followers = new Set<(command: ControlCommand) => void>();
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
    this.tell('pause');
  }

  resume(): void {
    if (!this.paused) return;
    this.paused = false;
    this.onResumed();
    this.release();
    this.tell('resume');
  }

  /** While paused: let exactly one more batch run, then pause again. */
  step(): void {
    if (!this.paused) return;
    this.stepRequested = true;
    this.release();
    this.tell('step');
  }

  stop(): void {
    this.stopping = true;
    this.release();
    this.tell('stop');
  }

  /**
   * For an engine that holds itself between its batches (PyTorch in its own process): it hears every command, and
   * says where it paused through `held`, since only it knows which batch it stopped after. Returns the unsubscribe.
   */
  follow(listener: (command: ControlCommand) => void): () => void {
    this.followers.add(listener);
    return () => this.followers.delete(listener);
  }

  /** The external engine paused after `step`: the same `run.paused` as a hold here sends. */
  held(step: number): void {
    if (this.paused) this.onPaused(step);
  }

  private tell(command: ControlCommand): void {
    for (const f of this.followers) f(command);
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
