import { z } from 'zod';

export interface Rect {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

export const MIN_WIDTH = 960;
export const MIN_HEIGHT = 600;
export const DEFAULT_SIZE = { width: 1440, height: 900 } as const;

/** Bounds as stored in userData/window-state.json; anything odd there is ignored. */
export const windowStateSchema = z.object({
  x: z.int().min(-100_000).max(100_000),
  y: z.int().min(-100_000).max(100_000),
  width: z.int().min(200).max(100_000),
  height: z.int().min(200).max(100_000),
  maximized: z.boolean().default(false),
});
export type WindowState = z.output<typeof windowStateSchema>;

/** How much of the window's title bar must be on a display for it to be reachable. */
const GRAB = 64;

const overlap = (a: Rect, b: Rect) =>
  Math.max(0, Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x)) * Math.max(0, Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y));

/**
 * Where the window opens: the saved bounds, fitted to the display they overlap most (a display
 * unplugged since, or a resolution lowered, must not leave the window off screen or larger than
 * the screen). No saved bounds, or none on any display: the default size centred on the primary.
 */
export function placeWindow(saved: WindowState | null, workAreas: readonly Rect[], primary: Rect): { bounds: Rect; maximized: boolean } {
  const centred = (area: Rect): Rect => {
    const width = Math.min(DEFAULT_SIZE.width, area.width);
    const height = Math.min(DEFAULT_SIZE.height, area.height);
    return { x: Math.round(area.x + (area.width - width) / 2), y: Math.round(area.y + (area.height - height) / 2), width, height };
  };
  if (!saved) return { bounds: centred(primary), maximized: false };
  let best: Rect | null = null;
  let bestOverlap = 0;
  for (const area of workAreas) {
    const o = overlap(saved, area);
    if (o > bestOverlap) {
      best = area;
      bestOverlap = o;
    }
  }
  if (!best || bestOverlap < GRAB * GRAB) return { bounds: centred(primary), maximized: saved.maximized };
  const width = Math.min(Math.max(saved.width, Math.min(MIN_WIDTH, best.width)), best.width);
  const height = Math.min(Math.max(saved.height, Math.min(MIN_HEIGHT, best.height)), best.height);
  const x = Math.min(Math.max(saved.x, best.x), best.x + best.width - width);
  const y = Math.min(Math.max(saved.y, best.y), best.y + best.height - height);
  return { bounds: { x, y, width, height }, maximized: saved.maximized };
}
