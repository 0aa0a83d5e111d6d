import type { BoundaryView } from './store';

/**
 * Paints a decision field cell by cell in the classes' colours, stronger where the model is surer, so
 * the boundary is where the shading fades. `toPx` maps data coordinates onto the canvas.
 */
export function drawBoundary(
  ctx: CanvasRenderingContext2D,
  field: BoundaryView,
  colors: readonly string[],
  toPx: (x: number, y: number) => [number, number],
): void {
  const { size } = field;
  const w = (field.x[1] - field.x[0]) / size;
  const h = (field.y[1] - field.y[0]) / size;
  const classes = Math.max(2, ...field.classes.map((c) => c + 1));
  for (let i = 0; i < size; i++) {
    for (let j = 0; j < size; j++) {
      const k = i * size + j;
      const [x0, y0] = toPx(field.x[0] + j * w, field.y[1] - i * h);
      const [x1, y1] = toPx(field.x[0] + (j + 1) * w, field.y[1] - (i + 1) * h);
      // Confidence runs from 1/classes (a toss-up) to 1 (sure).
      const sure = (field.confidence[k]! - 1 / classes) / (1 - 1 / classes);
      ctx.globalAlpha = 0.06 + Math.max(0, sure) * 0.34;
      ctx.fillStyle = colors[field.classes[k]! % colors.length]!;
      ctx.fillRect(Math.floor(x0), Math.floor(y0), Math.ceil(x1 - x0) + 1, Math.ceil(y1 - y0) + 1);
    }
  }
  ctx.globalAlpha = 1;
}
