import type { AugmentSettings } from '../../app/data/source';

export const augmenting = (a: AugmentSettings): boolean => a.flip || a.shift > 0 || a.rotate > 0;

/**
 * A random left–right flip, shift and rotation of one image (height × width × channels, floats),
 * written to `out`. One inverse mapping per pixel, nearest neighbour; pixels from outside the
 * image repeat the nearest edge (Keras's fill_mode "nearest"), so no black wedges appear.
 */
export function augmentImage(src: Float32Array, h: number, w: number, c: number, a: AugmentSettings, rand: () => number, out: Float32Array): void {
  const flip = a.flip && rand() < 0.5;
  const dx = a.shift > 0 ? (rand() * 2 - 1) * a.shift * w : 0;
  const dy = a.shift > 0 ? (rand() * 2 - 1) * a.shift * h : 0;
  const angle = a.rotate > 0 ? (((rand() * 2 - 1) * a.rotate) / 180) * Math.PI : 0;
  const cos = Math.cos(angle);
  const sin = Math.sin(angle);
  const cx = (w - 1) / 2;
  const cy = (h - 1) / 2;
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      // Output → source: undo the shift, then the rotation about the centre, then the flip.
      const ux = x - dx - cx;
      const uy = y - dy - cy;
      let sx = cos * ux + sin * uy + cx;
      const sy = -sin * ux + cos * uy + cy;
      if (flip) sx = w - 1 - sx;
      const ix = Math.min(w - 1, Math.max(0, Math.round(sx)));
      const iy = Math.min(h - 1, Math.max(0, Math.round(sy)));
      const from = (iy * w + ix) * c;
      const to = (y * w + x) * c;
      for (let k = 0; k < c; k++) out[to + k] = src[from + k]!;
    }
  }
}
