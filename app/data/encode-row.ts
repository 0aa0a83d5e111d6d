import type { TableEncoding, TableField } from './table-encoding';

/** A row a person typed that the model cannot take: every field at fault is named in the message. */
export class RowError extends Error {
  override readonly name = 'RowError';
}

/** One model input for one row: the numeric block, or one embedded category's id. */
export interface RowInput {
  readonly data: Float32Array | Int32Array;
  readonly shape: readonly number[];
}

const isEmbedded = (f: TableField) => f.kind === 'category' && f.embed;

function categoryId(f: Extract<TableField, { kind: 'category' }>, text: string, problems: string[]): number {
  if (text === '') return f.fill;
  const exact = f.categories.indexOf(text);
  if (exact >= 0) return exact;
  const loose = f.categories.findIndex((c) => c.trim().toLowerCase() === text.toLowerCase());
  if (loose >= 0) return loose;
  const shown = f.categories.slice(0, 8).map((c) => `"${c}"`);
  problems.push(`"${f.name}" has no category "${text}" (it knows ${shown.join(', ')}${f.categories.length > 8 ? ', …' : ''}).`);
  return f.fill;
}

/**
 * A typed row as the model's inputs, in the order training built them: the numeric block (numbers
 * standardised, categories one-hot) first, then one id per embedded category. An empty field is a gap,
 * filled as training filled gaps.
 */
export function encodeRow(enc: TableEncoding, row: Readonly<Record<string, string>>): RowInput[] {
  const problems: string[] = [];
  const numeric = enc.fields.filter((f) => !isEmbedded(f));
  const width = numeric.reduce((w, f) => w + (f.kind === 'category' ? f.categories.length : 1), 0);
  const x = new Float32Array(width);
  let offset = 0;
  for (const f of numeric) {
    const text = (Object.hasOwn(row, f.name) ? row[f.name]! : '').trim();
    if (f.kind === 'number') {
      const v = text === '' ? f.fill : Number(text);
      if (!Number.isFinite(v)) problems.push(`"${f.name}" takes a number, not "${text}".`);
      x[offset++] = Number.isFinite(v) ? (v - f.mean) / f.std : 0;
    } else {
      x[offset + categoryId(f, text, problems)] = 1;
      offset += f.categories.length;
    }
  }
  const inputs: RowInput[] = width > 0 ? [{ data: x, shape: [width] }] : [];
  for (const f of enc.fields) {
    if (f.kind !== 'category' || !f.embed) continue;
    const text = (Object.hasOwn(row, f.name) ? row[f.name]! : '').trim();
    inputs.push({ data: Int32Array.of(categoryId(f, text, problems)), shape: [1] });
  }
  if (problems.length > 0) throw new RowError(problems.join(' '));
  return inputs;
}

const shown = (v: number) => String(Number(v.toPrecision(6)));

/** Example `index` of encoded inputs back as the table's cells, so a person sees the row, not standardised numbers. */
export function decodeRow(enc: TableEncoding, inputs: readonly RowInput[], index: number): { name: string; value: string }[] {
  const cells: { name: string; value: string }[] = [];
  const numeric = enc.fields.filter((f) => !isEmbedded(f));
  const width = numeric.reduce((w, f) => w + (f.kind === 'category' ? f.categories.length : 1), 0);
  const block = width > 0 ? inputs[0] : undefined;
  let offset = 0;
  for (const f of numeric) {
    if (f.kind === 'number') {
      cells.push({ name: f.name, value: block ? shown(block.data[index * width + offset]! * f.std + f.mean) : '' });
      offset++;
      continue;
    }
    let best = 0;
    for (let k = 1; k < f.categories.length; k++)
      if ((block?.data[index * width + offset + k] ?? 0) > (block?.data[index * width + offset + best] ?? 0)) best = k;
    cells.push({ name: f.name, value: f.categories[best]! });
    offset += f.categories.length;
  }
  let input = width > 0 ? 1 : 0;
  for (const f of enc.fields) {
    if (f.kind !== 'category' || !f.embed) continue;
    cells.push({ name: f.name, value: f.categories[inputs[input++]?.data[index] ?? f.fill] ?? '' });
  }
  // Shown in the table's column order, as the person knows it.
  const order = new Map(enc.fields.map((f, i) => [f.name, i]));
  return cells.sort((a, b) => order.get(a.name)! - order.get(b.name)!);
}
