import type * as tfjs from '@tensorflow/tfjs';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import { heapKernel, heapPointer } from './heap';
import { Code, I32, V128, type WasmFunction } from './wasm-code';

/** f32x4 accumulators a pass keeps in registers. */
const MOST_VECTORS = 12;

/**
 * How a [rows, width] matrix is summed over its rows, four lanes at a time. A width that is a
 * multiple of 4 is summed in column blocks of up to 48 straight into the result. Another width is
 * read as blocks of lcm(width, 4) values (two rows of 6, four of 3), each lane summing one column
 * of every such block; the lanes of one column are folded afterwards, with the rows past the last
 * whole block. Null where lcm(width, 4) needs more accumulators than registers.
 */
export function columnSumPlan(rows: number, width: number): { block: number; blocks: number } | null {
  if (width % 4 === 0) return { block: width, blocks: rows };
  const block = width % 2 === 0 ? width * 2 : width * 4;
  if (block / 4 > MOST_VECTORS + 1) return null;
  const blocks = Math.floor((rows * width) / block);
  return blocks > 0 ? { block, blocks } : null;
}

/** Generates `columnSum(x, out)`: out[k] = Σ over blocks of x[block · b + k], k < block. */
export function columnSumKernel(block: number, blocks: number): WasmFunction {
  const code = new Code(2);
  const [x, out] = [0, 1];
  const p = code.local(I32);
  const acc = Array.from({ length: MOST_VECTORS + 1 }, () => code.local(V128));
  const vectors = block / 4;
  const perPass = vectors > MOST_VECTORS + 1 ? MOST_VECTORS : vectors;
  for (let v0 = 0; v0 < vectors; v0 += perPass) {
    const count = Math.min(perPass, vectors - v0);
    for (let k = 0; k < count; k++) code.zero().set(acc[k]!);
    code.get(x).set(p);
    code.repeat(blocks, () => {
      for (let k = 0; k < count; k++)
        code
          .get(acc[k]!)
          .load(p, (v0 + k) * 16)
          .f32x4('add')
          .set(acc[k]!);
      code.bump(p, block * 4);
    });
    for (let k = 0; k < count; k++) code.store(out, (v0 + k) * 16, acc[k]!);
  }
  return { name: 'columnSum', code };
}

type Info = tfjs.TensorInfo;

/**
 * x read as [rows, width], summed over its rows into a new [width] tensor (a bias gradient), in
 * the heap; null where the plan or the kernel is not available.
 */
export function columnSumInHeap(backend: BackendWasm, x: Info, rows: number, width: number): Info | null {
  const plan = columnSumPlan(rows, width);
  if (!plan || x.dtype !== 'float32') return null;
  const kernel = heapKernel(backend, `columnSum ${plan.block} ${plan.blocks}`, () => columnSumKernel(plan.block, plan.blocks));
  if (!kernel) return null;
  const out = backend.makeOutput([width], 'float32');
  if (plan.block === width) {
    kernel(heapPointer(backend, x), heapPointer(backend, out));
    return out;
  }
  const lanes = backend.makeOutput([plan.block], 'float32');
  kernel(heapPointer(backend, x), heapPointer(backend, lanes));
  const [values, folded, sums] = [backend.typedArrayFromHeap(x), backend.typedArrayFromHeap(lanes), backend.typedArrayFromHeap(out)];
  const rowsDone = (plan.blocks * plan.block) / width;
  for (let c = 0; c < width; c++) {
    let sum = 0;
    for (let k = c; k < plan.block; k += width) sum += folded[k]!;
    for (let r = rowsDone; r < rows; r++) sum += values[r * width + c]!;
    sums[c] = sum;
  }
  backend.disposeData(lanes.dataId);
  return out;
}
