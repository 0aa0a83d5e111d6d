import { dsvFormat, type DSV } from 'd3-dsv';

const formats = new Map<string, DSV>();

/** Splits one record into fields with d3-dsv (quotes, escaped quotes, embedded delimiters). */
export function parseFields(delimiter: string, text: string): string[] {
  let format = formats.get(delimiter);
  if (!format) formats.set(delimiter, (format = dsvFormat(delimiter)));
  return format.parseRows(text)[0] ?? [];
}

/**
 * The delimiter that splits the sample records into the same number (more than one) of fields
 * most often; ties go to the one giving more fields. A .tsv file prefers tabs.
 */
export function detectDelimiter(sample: readonly string[], fileName: string): string {
  const candidates = fileName.toLowerCase().endsWith('.tsv') ? ['\t', ',', ';', '|'] : [',', ';', '\t', '|'];
  let best = candidates[0]!;
  let bestScore = -1;
  for (const d of candidates) {
    const counts = new Map<number, number>();
    for (const text of sample) {
      const n = parseFields(d, text).length;
      counts.set(n, (counts.get(n) ?? 0) + 1);
    }
    const [fields, agree] = [...counts.entries()].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0] ?? [1, 0];
    if (fields < 2) continue;
    const score = agree * 1000 + fields;
    if (score > bestScore) {
      best = d;
      bestScore = score;
    }
  }
  return best;
}
