/**
 * A small writer of WebAssembly binaries, enough to generate SIMD kernels at run time that work
 * in place on tfjs-backend-wasm's heap: one imported memory (the backend's own), functions over
 * i32 pointers, loops, and the f32x4 instructions the kernels use. Shapes are known when a kernel
 * is generated, so loop bounds, strides and offsets are constants in the code.
 */

export const I32 = 0x7f;
export const F32 = 0x7d;
export const V128 = 0x7b;
type ValueType = typeof I32 | typeof F32 | typeof V128;

/** Arithmetic on four f32 lanes (after the 0xfd prefix) and on one f32; both IEEE-rounded. */
const F32X4_OPS = { add: 0xe4, sub: 0xe5, mul: 0xe6, div: 0xe7, sqrt: 0xe3 } as const;
const F32_OPS = { add: 0x92, sub: 0x93, mul: 0x94, div: 0x95, sqrt: 0x91 } as const;
export type Arithmetic = keyof typeof F32_OPS;

function unsigned(value: number, out: number[]): void {
  let v = value >>> 0;
  do {
    const byte = v & 0x7f;
    v >>>= 7;
    out.push(v ? byte | 0x80 : byte);
  } while (v);
}

function signed(value: number, out: number[]): void {
  let v = value | 0;
  for (;;) {
    const byte = v & 0x7f;
    v >>= 7;
    const done = (v === 0 && (byte & 0x40) === 0) || (v === -1 && (byte & 0x40) !== 0);
    out.push(done ? byte : byte | 0x80);
    if (done) return;
  }
}

function bytes(write: (out: number[]) => void): number[] {
  const out: number[] = [];
  write(out);
  return out;
}

function vector(items: number[][]): number[] {
  return [...bytes((o) => unsigned(items.length, o)), ...items.flat()];
}

function name(text: string): number[] {
  const utf8 = [...new TextEncoder().encode(text)];
  return [...bytes((o) => unsigned(utf8.length, o)), ...utf8];
}

function section(id: number, content: number[]): number[] {
  return [id, ...bytes((o) => unsigned(content.length, o)), ...content];
}

/** Instructions of one function body, appended in order; locals are numbered after the params. */
export class Code {
  readonly out: number[] = [];
  private readonly locals: ValueType[] = [];

  constructor(readonly params: number) {}

  /** A new local of the given type; returns its index. */
  local(type: ValueType): number {
    this.locals.push(type);
    return this.params + this.locals.length - 1;
  }

  private op(...b: number[]): this {
    this.out.push(...b);
    return this;
  }

  private simd(opcode: number, ...immediates: number[]): this {
    this.out.push(0xfd);
    unsigned(opcode, this.out);
    this.out.push(...immediates);
    return this;
  }

  private memarg(align: number, offset: number): number[] {
    if (!Number.isInteger(offset) || offset < 0) throw new RangeError(`A memory offset must be a non-negative integer, not ${offset}`);
    return bytes((o) => {
      unsigned(align, o);
      unsigned(offset, o);
    });
  }

  get(index: number): this {
    this.op(0x20);
    unsigned(index, this.out);
    return this;
  }

  set(index: number): this {
    this.op(0x21);
    unsigned(index, this.out);
    return this;
  }

  i32(value: number): this {
    this.op(0x41);
    signed(value, this.out);
    return this;
  }

  add(): this {
    return this.op(0x6a);
  }

  sub(): this {
    return this.op(0x6b);
  }

  /** local += constant (bytes). */
  bump(index: number, by: number): this {
    if (by === 0) return this;
    return this.get(index).i32(by).add().set(index);
  }

  /** `count` passes of `body` (count ≥ 1), counted down in a fresh local. */
  repeat(count: number, body: () => void): this {
    if (count < 1) return this;
    const counter = this.local(I32);
    this.i32(count).set(counter);
    this.op(0x03, 0x40); // loop
    body();
    this.get(counter).i32(-1).add().set(counter);
    this.get(counter).op(0x0d, 0x00); // br_if 0 while counter ≠ 0
    return this.op(0x0b);
  }

  /** A block that `exit` can leave early. */
  block(body: () => void): this {
    this.op(0x02, 0x40);
    body();
    return this.op(0x0b);
  }

  /** Runs `body` when the i32 on the stack is not zero (an `if`, itself a level for `exit`). */
  when(body: () => void): this {
    this.op(0x04, 0x40);
    body();
    return this.op(0x0b);
  }

  /** Leaves the `depth`-th enclosing block, `when` or loop (0: the innermost). */
  exit(depth: number): this {
    this.op(0x0c);
    unsigned(depth, this.out);
    return this;
  }

  /** Compares the top two f32 values, pushing 1 where they are equal. */
  f32Equal(): this {
    return this.op(0x5b);
  }

  /** Pushes four f32 from memory at pointer local + offset (bytes). */
  load(pointer: number, offset: number): this {
    return this.get(pointer).simd(0x00, ...this.memarg(2, offset));
  }

  /** Pushes one f32 from memory, repeated in all four lanes. */
  loadSplat(pointer: number, offset: number): this {
    return this.get(pointer).simd(0x09, ...this.memarg(2, offset));
  }

  /** Stores the v128 local at pointer local + offset. */
  store(pointer: number, offset: number, value: number): this {
    return this.get(pointer)
      .get(value)
      .simd(0x0b, ...this.memarg(2, offset));
  }

  /** Pushes one f32 from memory. */
  loadF32(pointer: number, offset: number): this {
    return this.get(pointer).op(0x2a, ...this.memarg(2, offset));
  }

  /** Stores the f32 local at pointer local + offset. */
  storeF32(pointer: number, offset: number, value: number): this {
    return this.get(pointer)
      .get(value)
      .op(0x38, ...this.memarg(2, offset));
  }

  zero(): this {
    return this.simd(0x0c, ...new Array<number>(16).fill(0));
  }

  /** Lane-wise arithmetic on the top two v128 values (one for sqrt). */
  f32x4(op: Arithmetic): this {
    return this.simd(F32X4_OPS[op]);
  }

  /** Arithmetic on the top two f32 values (one for sqrt). */
  f32(op: Arithmetic): this {
    return this.op(F32_OPS[op]);
  }

  body(): number[] {
    const groups: number[][] = [];
    for (const type of this.locals) {
      const last = groups[groups.length - 1];
      if (last?.[1] === type) last[0]!++;
      else groups.push([1, type]);
    }
    const declared = vector(groups.map(([count, type]) => [...bytes((o) => unsigned(count!, o)), type!]));
    const content = [...declared, ...this.out, 0x0b];
    return [...bytes((o) => unsigned(content.length, o)), ...content];
  }
}

/** '\0asm', version 1. */
const MAGIC_AND_VERSION = [0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00];

export interface WasmFunction {
  readonly name: string;
  readonly code: Code;
}

/**
 * A module importing `env.memory` (shared when the backend's memory is, as in the threaded build)
 * and exporting each function, all taking `params` i32 pointers and returning nothing.
 */
export function wasmModule(functions: readonly WasmFunction[], sharedMemory: boolean): Uint8Array<ArrayBuffer> {
  const types = functions.map((f) => [0x60, ...vector(new Array<number[]>(f.code.params).fill([I32])), 0x00]);
  // Memory limits: no maximum for a plain memory; a shared one must declare one (4 GiB covers any).
  const limits = sharedMemory ? [0x03, 0x01, ...bytes((o) => unsigned(65536, o))] : [0x00, 0x01];
  const imports = vector([[...name('env'), ...name('memory'), 0x02, ...limits]]);
  return new Uint8Array([
    ...MAGIC_AND_VERSION,
    ...section(1, vector(types)),
    ...section(2, imports),
    ...section(3, vector(functions.map((_, i) => bytes((o) => unsigned(i, o))))),
    ...section(7, vector(functions.map((f, i) => [...name(f.name), 0x00, ...bytes((o) => unsigned(i, o))]))),
    ...section(10, vector(functions.map((f) => f.code.body()))),
  ]);
}
