import type { BoundaryView } from './store';

function rgb(hex: string): [number, number, number] {
  const n = Number.parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

/**
 * Paints a decision field in the classes' colours, stronger where the model is surer, so the boundary
 * is where the shading fades. One pixel per cell, scaled up in one draw: no seams between cells.
 * `toPx` maps data coordinates onto the canvas.
 */
export function drawBoundary(
  ctx: CanvasRenderingContext2D,
  field: BoundaryView,
  colors: readonly string[],
  toPx: (x: number, y: number) => [number, number],
): void {
  const { size } = field;
  const classes = Math.max(2, ...field.classes.map((c) => c + 1));
  const palette = colors.map(rgb);
  const image = new ImageData(size, size);
  for (let k = 0; k < size * size; k++) {
    // Confidence runs from 1/classes (a toss-up) to 1 (sure).
    const sure = Math.max(0, (field.confidence[k]! - 1 / classes) / (1 - 1 / classes));
    const [r, g, b] = palette[field.classes[k]! % palette.length]!;
    image.data.set([r, g, b, Math.round((0.06 + sure * 0.36) * 255)], k * 4);
  }
  const tile = document.createElement('canvas');
  tile.width = size;
  tile.height = size;
  tile.getContext('2d')?.putImageData(image, 0, 0);
  const [x0, y0] = toPx(field.x[0], field.y[1]);
  const [x1, y1] = toPx(field.x[1], field.y[0]);
  ctx.imageSmoothingEnabled = false;
  ctx.drawImage(tile, x0, y0, x1 - x0, y1 - y0);
  ctx.imageSmoothingEnabled = true;
}
