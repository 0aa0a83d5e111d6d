import { type Theme, useTheme } from '../store/theme';

/**
 * Colours for what is painted outside class names: uPlot and <canvas> take literal colours,
 * not CSS variables, so they are read from the theme's tokens at draw time.
 */
export function cssColor(name: string, fallback: string): string {
  if (typeof document === 'undefined') return fallback;
  const v = getComputedStyle(document.documentElement).getPropertyValue(name).trim();
  return v || fallback;
}

export interface ChartInk {
  readonly axis: string;
  readonly grid: string;
  readonly tick: string;
}

export const chartInk = (): ChartInk => ({
  axis: cssColor('--color-chart-axis', '#64748b'),
  grid: cssColor('--color-chart-grid', '#eef2f7'),
  tick: cssColor('--color-chart-tick', '#e2e8f0'),
});

/**
 * A data colour made for a white ground (indigo-600 and friends), lifted towards white on a
 * dark ground so a 2 px line keeps its contrast; hue and order stay the same in both themes.
 */
export function forTheme(color: string, theme: Theme): string {
  if (theme === 'light') return color;
  const hex = /^#([0-9a-f]{6})$/i.exec(color);
  const rgba = /^rgba?\((\d+),\s*(\d+),\s*(\d+)(?:,\s*([\d.]+))?\)$/i.exec(color);
  let rgb: [number, number, number];
  let alpha: string | undefined;
  if (hex) {
    const n = Number.parseInt(hex[1]!, 16);
    rgb = [(n >> 16) & 255, (n >> 8) & 255, n & 255];
  } else if (rgba) {
    rgb = [Number(rgba[1]), Number(rgba[2]), Number(rgba[3])];
    alpha = rgba[4];
  } else {
    return color;
  }
  const [r, g, b] = rgb.map((c) => Math.round(c + (255 - c) * 0.35));
  return alpha === undefined ? `rgb(${r},${g},${b})` : `rgba(${r},${g},${b},${alpha})`;
}

/** `forTheme` bound to the current theme, for components that pass literal colours to SVG or canvas. */
export function useLift(): (color: string) => string {
  const theme = useTheme((s) => s.theme);
  return (color) => forTheme(color, theme);
}
