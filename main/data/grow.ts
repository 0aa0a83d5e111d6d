/** A typed array that doubles as it fills, for rows whose count is known only at the end. */
export class Growing<T extends Float32Array | Float64Array | Int32Array> {
  private buf: T;
  length = 0;

  constructor(
    private readonly make: (n: number) => T,
    capacity = 1024,
  ) {
    this.buf = make(capacity);
  }

  push(v: number): void {
    if (this.length === this.buf.length) {
      const next = this.make(this.buf.length * 2);
      next.set(this.buf);
      this.buf = next;
    }
    this.buf[this.length++] = v;
  }

  /** The filled part (a view; copy before growing further). */
  view(): T {
    return this.buf.subarray(0, this.length) as T;
  }
}

export const floats = () => new Growing<Float32Array>((n) => new Float32Array(n));
export const ints = () => new Growing<Int32Array>((n) => new Int32Array(n));
export const doubles = () => new Growing<Float64Array>((n) => new Float64Array(n));
