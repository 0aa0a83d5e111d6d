export const formatMetric = (v: number | undefined | null): string => (v === undefined || v === null || !Number.isFinite(v) ? '—' : v.toFixed(4));

export function formatSeconds(s: number): string {
  if (s < 60) return `${s.toFixed(1)} s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m} min ${Math.round(s - m * 60)} s`;
  return `${Math.floor(m / 60)} h ${m % 60} min`;
}

/** A stopwatch reading: 0:07, 12:34, 1:02:03. */
export function formatClock(s: number): string {
  const t = Math.max(0, Math.round(s));
  const h = Math.floor(t / 3600);
  const m = Math.floor((t % 3600) / 60);
  const sec = String(t % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${sec}` : `${m}:${sec}`;
}

/**
 * The Elapsed reading: a stopwatch while the run goes; for a run that ended in under ten seconds
 * its tenths ("0.7 s"), since "0:00" says nothing about a run that took most of a second.
 */
export function formatElapsed(s: number, ended: boolean): string {
  return ended && s < 10 ? formatSeconds(s) : formatClock(s);
}

/** Samples per second, rounded to what a person reads: 12.3, 456, 12.3k. */
export function formatRate(n: number): string {
  if (n >= 10_000) return `${(n / 1000).toFixed(1)}k`;
  if (n >= 100) return Math.round(n).toLocaleString('en-US');
  return n.toFixed(1);
}

/** A learning rate as people write them: 0.01, 0.00125, 3.2e-6. */
export function formatLr(v: number): string {
  if (v === 0) return '0';
  if (Math.abs(v) < 1e-4) return v.toExponential(2).replace(/\.?0+e/, 'e');
  return String(Number(v.toPrecision(3)));
}
