import type { ColumnType } from '../../app/data/source';

const MISSING = new Set(['', 'na', 'n/a', 'nan', 'null', 'none', '?', '#n/a']);

/** Blank cells and the usual spellings of "no value". */
export const isMissing = (v: string): boolean => MISSING.has(v.trim().toLowerCase());

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

const INFINITE = /^[+-]?(inf|infinity)$/i;

/** A finite number as written in a data file; NaN when it is not one (1e309 overflows: not one). */
export function parseNumber(v: string): number {
  const t = v.trim();
  if (!NUMBER.test(t)) return NaN;
  const n = Number(t);
  return Number.isFinite(n) ? n : NaN;
}

/**
 * Why a value that stands where a number should is unusable, when it is number-like: infinite,
 * too large for a float, or holding a NUL byte. Null for ordinary numbers and for plain words
 * (those are "not a number", said by the caller). Such values count as numbers when guessing a
 * column's type, so a few of them are reported, not read as 200 categories.
 */
export function brokenNumber(v: string): string | null {
  const t = v.trim();
  if (t.includes('\0')) {
    const rest = t.replaceAll('\0', '').trim();
    return rest === '' || NUMBER.test(rest) ? 'holds a NUL byte, which no number does: the file may be damaged' : null;
  }
  if (INFINITE.test(t)) return 'is infinite; LayerLab trains on finite numbers only';
  if (NUMBER.test(t) && !Number.isFinite(Number(t))) return 'is too large for a number (it overflows to infinity)';
  return null;
}

/** A value for a message: NULs and other control characters written out, long values cut. */
export function printable(v: string): string {
  const escape = (c: string) => {
    const code = c.charCodeAt(0);
    if (code >= 0x20) return c;
    return code === 0 ? '\\0' : `\\x${code.toString(16).padStart(2, '0')}`;
  };
  const shown = Array.from(v.slice(0, 41), escape).join('');
  return shown.length > 40 || v.length > 41 ? `${shown.slice(0, 40)}…` : shown;
}

const ISO_DATE = /^\d{4}-\d{1,2}(-\d{1,2})?([ T]\d{1,2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/;
const SLASH_DATE = /^\d{4}\/\d{1,2}\/\d{1,2}$/;

/** Milliseconds since 1970 for ISO-like dates (2024-03-01, 2024-03-01T10:00, 2024/03/01); NaN otherwise. */
export function parseDate(v: string): number {
  const t = v.trim();
  if (!ISO_DATE.test(t) && !SLASH_DATE.test(t)) return NaN;
  const iso = SLASH_DATE.test(t) ? t.replaceAll('/', '-') : t;
  // A bare "YYYY-MM" is read as the first of the month; a space before the time becomes "T".
  const ms = Date.parse(iso.length <= 7 ? `${iso}-01` : iso.replace(' ', 'T'));
  return Number.isFinite(ms) ? ms : NaN;
}

/** Facts about one column's values gathered while scanning, enough to guess its type. */
export interface ColumnStats {
  values: number;
  missing: number;
  numbers: number;
  dates: number;
  /** Distinct values, until there are too many to be categories. */
  distinct: Map<string, number>;
  overflow: boolean;
  words: number;
  /** The first values that are not numbers, with their lines, to name them if the column is numeric. */
  oddities: { line: number; value: string }[];
  /** Number-like values that are unusable (infinite, overflowing, with a NUL): counted in `numbers`. */
  broken: number;
  /** The first of them, with their lines and why. */
  brokenList: { line: number; value: string; why: string }[];
}

export const MAX_CATEGORIES = 200;

export const newStats = (): ColumnStats => ({
  values: 0,
  missing: 0,
  numbers: 0,
  dates: 0,
  distinct: new Map(),
  overflow: false,
  words: 0,
  oddities: [],
  broken: 0,
  brokenList: [],
});

export function observe(s: ColumnStats, raw: string, line: number): void {
  if (isMissing(raw)) {
    s.missing++;
    return;
  }
  s.values++;
  const v = raw.trim();
  const why = brokenNumber(v);
  if (why) {
    s.numbers++;
    s.broken++;
    if (s.brokenList.length < 20) s.brokenList.push({ line, value: v, why });
  } else if (!Number.isNaN(parseNumber(v))) s.numbers++;
  else {
    if (s.oddities.length < 20) s.oddities.push({ line, value: v });
    if (!Number.isNaN(parseDate(v))) s.dates++;
  }
  if (s.words < 1e9) s.words += v.split(/\s+/).length;
  if (!s.overflow) {
    s.distinct.set(v, (s.distinct.get(v) ?? 0) + 1);
    if (s.distinct.size > MAX_CATEGORIES) s.overflow = true;
  }
}

/**
 * Numbers when (nearly) every value is one — a stray word in a number column is an error to
 * report, not a reason to call it text; dates likewise; few distinct short values are
 * categories; the rest is text.
 */
export function guessType(s: ColumnStats): ColumnType {
  if (s.values === 0) return 'number';
  if (s.numbers >= s.values * 0.95 && s.values - s.numbers <= 20) return 'number';
  if (s.dates === s.values) return 'date';
  if (s.overflow) return 'text';
  const averageWords = s.words / s.values;
  if (averageWords >= 4 && s.distinct.size > s.values / 2) return 'text';
  return 'category';
}

/** Categories in a stable order: numeric-aware alphabetical ("2" before "10"). */
export function sortedCategories(distinct: Iterable<string>): string[] {
  return [...distinct].sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
}

/** The most frequent value (ties: the first in category order). */
export function mostFrequent(distinct: ReadonlyMap<string, number>): string | undefined {
  let best: string | undefined;
  let n = -1;
  for (const v of sortedCategories(distinct.keys())) {
    const c = distinct.get(v)!;
    if (c > n) [best, n] = [v, c];
  }
  return best;
}
