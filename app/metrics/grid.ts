/**
 * Centres of a size × size grid over [x0, x1] × [y0, y1], row-major from the top-left corner (y1), as
 * interleaved (x, y) pairs: what a decision field is evaluated on and drawn from, cell by cell.
 */
export function gridPoints(size: number, x: readonly [number, number], y: readonly [number, number]): Float32Array {
  const out = new Float32Array(size * size * 2);
  for (let i = 0; i < size; i++) {
    for (let j = 0; j < size; j++) {
      const k = (i * size + j) * 2;
      out[k] = x[0] + ((j + 0.5) * (x[1] - x[0])) / size;
      out[k + 1] = y[1] - ((i + 0.5) * (y[1] - y[0])) / size;
    }
  }
  return out;
}

/** The smallest box holding every (x, y) pair, widened by `pad` of its size on each side (a point never sits on the edge). */
export function extent2d(xy: ArrayLike<number>, pad = 0.1): { x: [number, number]; y: [number, number] } {
  let x0 = Infinity;
  let x1 = -Infinity;
  let y0 = Infinity;
  let y1 = -Infinity;
  for (let i = 0; i + 1 < xy.length; i += 2) {
    x0 = Math.min(x0, xy[i]!);
    x1 = Math.max(x1, xy[i]!);
    y0 = Math.min(y0, xy[i + 1]!);
    y1 = Math.max(y1, xy[i + 1]!);
  }
  if (x0 === Infinity) return { x: [-1, 1], y: [-1, 1] };
  const px = (x1 - x0 || 1) * pad;
  const py = (y1 - y0 || 1) * pad;
  return { x: [x0 - px, x1 + px], y: [y0 - py, y1 + py] };
}
