/** Bilinear sample of a grey image at (x, y) in pixel units; outside is 0 (black, no ink). */
function sample(px: ArrayLike<number>, w: number, h: number, x: number, y: number): number {
  const x0 = Math.floor(x);
  const y0 = Math.floor(y);
  const fx = x - x0;
  const fy = y - y0;
  const at = (i: number, j: number) => (i < 0 || j < 0 || i >= w || j >= h ? 0 : px[j * w + i]!);
  return (1 - fy) * ((1 - fx) * at(x0, y0) + fx * at(x0 + 1, y0)) + fy * ((1 - fx) * at(x0, y0 + 1) + fx * at(x0 + 1, y0 + 1));
}

/** Plain resize to outW × outH (pixel centres aligned). */
export function resizeGrey(px: ArrayLike<number>, w: number, h: number, outW: number, outH: number): Float32Array {
  const out = new Float32Array(outW * outH);
  for (let j = 0; j < outH; j++) {
    for (let i = 0; i < outW; i++) out[j * outW + i] = sample(px, w, h, ((i + 0.5) * w) / outW - 0.5, ((j + 0.5) * h) / outH - 0.5);
  }
  return out;
}

/**
 * A drawing prepared the way MNIST's digits were (LeCun et al.): the ink's bounding box scaled so its
 * longer side is 20 of `size` pixels, then placed so its centre of mass sits in the middle. Without
 * this a digit drawn small or off-centre looks nothing like the training set. Blank input stays blank.
 */
export function centreDigit(px: ArrayLike<number>, w: number, h: number, size = 28, box = 20): Float32Array {
  let x0 = w;
  let x1 = -1;
  let y0 = h;
  let y1 = -1;
  for (let j = 0; j < h; j++) {
    for (let i = 0; i < w; i++) {
      if (px[j * w + i]! > 0.05) {
        x0 = Math.min(x0, i);
        x1 = Math.max(x1, i);
        y0 = Math.min(y0, j);
        y1 = Math.max(y1, j);
      }
    }
  }
  if (x1 < 0) return new Float32Array(size * size);
  const scale = box / Math.max(x1 - x0 + 1, y1 - y0 + 1);
  // The box, scaled, drawn at the top-left; then shifted so the centre of mass is at the middle.
  const bw = Math.max(1, Math.round((x1 - x0 + 1) * scale));
  const bh = Math.max(1, Math.round((y1 - y0 + 1) * scale));
  const scaled = new Float32Array(bw * bh);
  for (let j = 0; j < bh; j++) for (let i = 0; i < bw; i++) scaled[j * bw + i] = sample(px, w, h, x0 + (i + 0.5) / scale - 0.5, y0 + (j + 0.5) / scale - 0.5);
  let mass = 0;
  let mx = 0;
  let my = 0;
  for (let j = 0; j < bh; j++) {
    for (let i = 0; i < bw; i++) {
      const v = scaled[j * bw + i]!;
      mass += v;
      mx += v * i;
      my += v * j;
    }
  }
  const ox = Math.round(size / 2 - (mass > 0 ? mx / mass : bw / 2) - 0.5);
  const oy = Math.round(size / 2 - (mass > 0 ? my / mass : bh / 2) - 0.5);
  const out = new Float32Array(size * size);
  for (let j = 0; j < bh; j++) {
    for (let i = 0; i < bw; i++) {
      const x = i + ox;
      const y = j + oy;
      if (x >= 0 && y >= 0 && x < size && y < size) out[y * size + x] = Math.min(1, scaled[j * bw + i]!);
    }
  }
  return out;
}
