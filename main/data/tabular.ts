import type { ColumnSettings, CsvOptions, MissingStrategy } from '../../app/data/source';
import type { TableField } from '../../app/data/table-encoding';
import { partition, type Partition } from './partition';
import type { Column, TrainingData } from './training-data';
import { count, DataError, problem, type DataProblem } from './problems';
import type { SplitPlan } from './split-settings';
import type { ReadColumn } from './table-read';

const strategyOf = (c: ColumnSettings, csv: CsvOptions): MissingStrategy => c.missing ?? csv.missing;

/** Mean and spread of the values at `rows` (NaN skipped): statistics of the training part only. */
function moments(values: Float32Array, rows: Uint32Array): { mean: number; std: number } {
  let n = 0;
  let mean = 0;
  for (const r of rows) {
    if (Number.isNaN(values[r]!)) continue;
    n++;
    mean += values[r]!;
  }
  mean = n > 0 ? mean / n : 0;
  let variance = 0;
  for (const r of rows) if (!Number.isNaN(values[r]!)) variance += (values[r]! - mean) ** 2;
  return { mean, std: Math.sqrt(n > 0 ? variance / n : 0) || 1 };
}

/** The most frequent value at `rows` (ids ≥ 0, or floats as they are). */
function mode(values: Float32Array | Int32Array, rows: Uint32Array): number {
  const counts = new Map<number, number>();
  for (const r of rows) {
    const v = values[r]!;
    if (!Number.isNaN(v) && v >= (values instanceof Int32Array ? 0 : -Infinity)) counts.set(v, (counts.get(v) ?? 0) + 1);
  }
  let best = 0;
  let n = -1;
  for (const [v, c] of counts) if (c > n || (c === n && v < best)) [best, n] = [v, c];
  return best;
}

/** Rows kept: a missing label, or a missing value in a column whose strategy is "drop", leaves a row out. */
function keptRows(columns: readonly ReadColumn[], rows: number, csv: CsvOptions, display: string, warnings: DataProblem[]): Uint32Array {
  const keep: number[] = [];
  const dropped = new Map<string, number>();
  for (let r = 0; r < rows; r++) {
    const missing = columns.find(
      (c) => (c.settings.role === 'label' || strategyOf(c.settings, csv) === 'drop') && (c.kind === 'id' ? c.values[r]! < 0 : Number.isNaN(c.values[r]!)),
    );
    if (missing) dropped.set(missing.settings.name, (dropped.get(missing.settings.name) ?? 0) + 1);
    else keep.push(r);
  }
  for (const [name, n] of dropped) {
    warnings.push(
      problem(
        display,
        `${display}: ${count(n)} row${n === 1 ? '' : 's'} with no value in "${name}" ${n === 1 ? 'was' : 'were'} left out.`,
        { column: name },
        'warning',
      ),
    );
  }
  return Uint32Array.from(keep);
}

/**
 * Turns the read columns into training arrays: rows dropped or filled as each column's strategy
 * says, numbers standardised and gaps filled with statistics of the training part only,
 * categories one-hot (or ids for an Embedding), the label as class ids or standardised values.
 */
export function encodeTable(
  columns: readonly ReadColumn[],
  rows: number,
  csv: CsvOptions,
  plan: SplitPlan,
  display: string,
  warnings: DataProblem[],
): TrainingData {
  const kept = keptRows(columns, rows, csv, display, warnings);
  const n = kept.length;
  if (n < 2) throw new DataError([problem(display, `${display} has ${n} usable row${n === 1 ? '' : 's'}; training needs at least 2.`)]);
  const labels = columns.filter((c) => c.settings.role === 'label');
  const features = columns.filter((c) => c.settings.role === 'feature');
  const label = labels[0];
  const classify = labels.length === 1 && label?.kind === 'id';
  const classIds = classify ? Int32Array.from(kept, (r) => label.values[r]!) : undefined;
  const parts: Partition = partition(n, {
    validation: plan.validation,
    test: plan.test,
    seed: plan.seed,
    ...(classIds && plan.stratify ? { labels: classIds } : {}),
  });
  // Statistics come from training rows, addressed in the original row numbering.
  const trainRows = Uint32Array.from(parts.train, (i) => kept[i]!);

  const numeric = features.filter((c) => !(c.kind === 'id' && (c.settings.encoding ?? csv.encoding) === 'embed'));
  const embedded = features.filter((c) => c.kind === 'id' && (c.settings.encoding ?? csv.encoding) === 'embed');
  const width = numeric.reduce((w, c) => w + (c.kind === 'id' ? (c.settings.categories?.length ?? 0) : 1), 0);
  const x = new Float32Array(n * width);
  const fields = new Map<ReadColumn, TableField>();
  let offset = 0;
  for (const c of numeric) {
    if (c.kind === 'id') {
      const k = c.settings.categories?.length ?? 0;
      const fill = mode(c.values, trainRows);
      fields.set(c, { kind: 'category', name: c.settings.name, categories: c.settings.categories ?? [], fill, embed: false });
      for (let i = 0; i < n; i++) {
        const id = c.values[kept[i]!]!;
        x[i * width + offset + (id < 0 ? fill : id)] = 1;
      }
      offset += k;
      continue;
    }
    const { mean, std } = moments(c.values, trainRows);
    const fill = strategyOf(c.settings, csv) === 'mostFrequent' ? mode(c.values, trainRows) : mean;
    fields.set(c, { kind: 'number', name: c.settings.name, mean, std, fill });
    for (let i = 0; i < n; i++) {
      const v = c.values[kept[i]!]!;
      x[i * width + offset] = ((Number.isNaN(v) ? fill : v) - mean) / std;
    }
    offset++;
  }
  const inputs: Column[] = width > 0 ? [{ data: x, shape: [width] }] : [];
  for (const c of embedded) {
    const fill = mode(c.values, trainRows);
    fields.set(c, { kind: 'category', name: c.settings.name, categories: c.settings.categories ?? [], fill, embed: true });
    inputs.push({ data: Int32Array.from(kept, (r) => (c.values[r]! < 0 ? fill : c.values[r]!)), shape: [1] });
  }
  const ordered = features.flatMap((c) => fields.get(c) ?? []);
  if (classIds) {
    const table = { fields: ordered, target: { kind: 'classes' as const, name: label?.settings.name ?? 'label' } };
    return { inputs, target: { data: classIds, shape: [] }, count: n, partition: parts, table, warnings };
  }
  const y = new Float32Array(n * labels.length);
  const targetScale = labels.map((c, j) => {
    const scale = moments(c.values as Float32Array, trainRows);
    for (let i = 0; i < n; i++) y[i * labels.length + j] = (c.values[kept[i]!]! - scale.mean) / scale.std;
    return scale;
  });
  const table = { fields: ordered, target: { kind: 'values' as const, names: labels.map((c) => c.settings.name), scale: targetScale } };
  return { inputs, target: { data: y, shape: [labels.length] }, count: n, partition: parts, targetScale, table, warnings };
}
