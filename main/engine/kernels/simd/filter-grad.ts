import { Code, V128, I32, type WasmFunction } from './wasm-code';
import type { WindowShape } from './window-shape';

/** A stride-s, dilation-1 convolution of a framed input (every tap in bounds), NHWC, F filters. */
export type FilterGradShape = WindowShape & { readonly filters: number };

/** Filters rounded up to whole f32x4 lanes: the layout of the accumulation buffer. */
export function paddedFilters(filters: number): number {
  return Math.ceil(filters / 4) * 4;
}

/**
 * Register tiles: up to four f32x4 lanes of filters (16) by as many neighbouring taps as keep
 * taps × lanes + lanes + 1 vectors within x64's 16 SIMD registers.
 */
function tiles(shape: FilterGradShape): { taps: number[]; lanes: number[] } {
  const chunks = paddedFilters(shape.filters) / 4;
  const lanes: number[] = [];
  for (let left = chunks; left > 0; left -= 4) lanes.push(Math.min(4, left));
  const widest = lanes[0]!;
  const perBlock = Math.max(1, Math.min(shape.windowWidth, Math.floor((14 - widest) / widest)));
  const taps: number[] = [];
  for (let left = shape.windowWidth; left > 0; left -= perBlock) taps.push(Math.min(perBlock, left));
  return { taps, lanes };
}

/**
 * Generates `filterGrad(x, dy, out)`: out[i, j, c, f] += Σ_n,y,x X[n, y·sh + i, x·sw + j, c] ·
 * dY[n, y, x, f], with `out` laid out [KH, KW, C, F rounded up to 4] and zeroed by the caller.
 * For each filter row i and channel c, a tile of neighbouring taps j by up to 16 filters is kept
 * in registers over every output position (dY is read once per tile, its values where they lie,
 * with no transposed or packed copy), and added to `out` once per example, which keeps each
 * float32 sum short. When F is not a multiple of 4, the last lanes read the next position's
 * values and are never stored; the caller checks that 16 bytes past dY are in the heap.
 */
export function filterGradKernel(shape: FilterGradShape): WasmFunction {
  const { n, width, height, channels: c, outHeight: oh, outWidth: ow, strideHeight: sh, strideWidth: sw } = shape;
  const f = shape.filters;
  const f4 = paddedFilters(f);
  const code = new Code(3);
  const [x, dy, out] = [0, 1, 2];
  const xRow = code.local(I32);
  const outRow = code.local(I32);
  const xc = code.local(I32);
  const outC = code.local(I32);
  const xp = code.local(I32);
  const dp = code.local(I32);
  const s = code.local(V128);
  const d = [0, 1, 2, 3].map(() => code.local(V128));
  const acc = Array.from({ length: 16 }, () => code.local(V128));
  const { taps, lanes } = tiles(shape);

  const tile = (j0: number, tapCount: number, chunk0: number, chunkCount: number) => {
    const a = (t: number, q: number) => acc[t * chunkCount + q]!;
    code.get(xc).set(xp).get(dy).set(dp);
    code.repeat(n, () => {
      for (let t = 0; t < tapCount; t++) for (let q = 0; q < chunkCount; q++) code.zero().set(a(t, q));
      code.repeat(oh, () => {
        code.repeat(ow, () => {
          for (let q = 0; q < chunkCount; q++) code.load(dp, (chunk0 + q) * 16).set(d[q]!);
          for (let t = 0; t < tapCount; t++) {
            code.loadSplat(xp, (j0 + t) * c * 4).set(s);
            for (let q = 0; q < chunkCount; q++) code.get(a(t, q)).get(s).get(d[q]!).f32x4('mul').f32x4('add').set(a(t, q));
          }
          code.bump(xp, sw * c * 4).bump(dp, f * 4);
        });
        code.bump(xp, (sh * width - ow * sw) * c * 4);
      });
      code.bump(xp, (height - oh * sh) * width * c * 4);
      for (let t = 0; t < tapCount; t++) {
        for (let q = 0; q < chunkCount; q++) {
          const at = ((j0 + t) * c * f4 + (chunk0 + q) * 4) * 4;
          code.load(outC, at).get(a(t, q)).f32x4('add').set(s).store(outC, at, s);
        }
      }
    });
  };

  code.get(x).set(xRow).get(out).set(outRow);
  code.repeat(shape.windowHeight, () => {
    code.get(xRow).set(xc).get(outRow).set(outC);
    code.repeat(c, () => {
      let j0 = 0;
      for (const tapCount of taps) {
        let chunk0 = 0;
        for (const chunkCount of lanes) {
          tile(j0, tapCount, chunk0, chunkCount);
          chunk0 += chunkCount;
        }
        j0 += tapCount;
      }
      code.bump(xc, 4).bump(outC, f4 * 4);
    });
    code.bump(xRow, width * c * 4).bump(outRow, shape.windowWidth * c * f4 * 4);
  });
  return { name: 'filterGrad', code };
}
