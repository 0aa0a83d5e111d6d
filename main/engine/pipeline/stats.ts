/**
 * Where a streamed epoch's time goes. `dataSeconds`: training waited for the next batch (the
 * pipeline could not keep up). `computeSeconds`: the model worked on a batch. `decodeSeconds`:
 * reading and decoding work done in the background (overlaps compute when prefetch keeps up).
 */
export interface PipelineTimes {
  readonly dataSeconds: number;
  readonly computeSeconds: number;
  readonly decodeSeconds: number;
  readonly batches: number;
  readonly examples: number;
  readonly skipped: number;
}

export class PipelineStats {
  private data = 0;
  private compute = 0;
  private decode = 0;
  private batches = 0;
  private examples = 0;
  private skipped = 0;
  private handedOut: number | null = null;

  /** The consumer asked for a batch: the time since the last one was handed out was compute. */
  asked(now = performance.now()): void {
    if (this.handedOut !== null) this.compute += now - this.handedOut;
    this.handedOut = null;
  }

  /** A batch was handed out after the consumer waited `since` → now. */
  handed(since: number, size: number, now = performance.now()): void {
    this.data += now - since;
    this.batches++;
    this.examples += size;
    this.handedOut = now;
  }

  decoded(ms: number, skipped: number): void {
    this.decode += ms;
    this.skipped += skipped;
  }

  /** The times so far, in seconds, and a fresh start (call once per epoch). */
  take(): PipelineTimes {
    const t = {
      dataSeconds: this.data / 1000,
      computeSeconds: this.compute / 1000,
      decodeSeconds: this.decode / 1000,
      batches: this.batches,
      examples: this.examples,
      skipped: this.skipped,
    };
    this.data = this.compute = this.decode = this.batches = this.examples = this.skipped = 0;
    this.handedOut = null;
    return t;
  }
}
