import { open } from 'node:fs/promises';
import type { DataSettings } from '../../app/data/catalog';
import type { DataSource, TextOptions } from '../../app/data/source';
import { countWords, tokenizeWords, Vocabulary } from '../../app/data/tokenizer';
import { RESERVED_TOKENS, userDataProblem } from '../../app/data/user-spec';
import { partition } from './partition';
import type { TrainingData } from './training-data';
import { checkClassSizes, scanClassFolders } from './class-folders';
import { parseFields } from './fields';
import { ints } from './grow';
import { DataError, problem, Problems } from './problems';
import { readRecords } from './records';
import { splitPlan } from './split-settings';
import { detectLayout, type TableLayout } from './table-layout';
import { guessType, isMissing, newStats, observe, sortedCategories } from './values';

/** One labelled text, and where it came from. */
export interface TextExample {
  readonly text: string;
  readonly label: string;
  readonly where: string;
}

/** Picks the text column (the wordiest) and the label column (the last other one) unless they are set. */
export async function chooseColumns(file: string, display: string, layout: TableLayout, o: TextOptions): Promise<{ text: string; label: string }> {
  if (o.textColumn && o.labelColumn) return { text: o.textColumn, label: o.labelColumn };
  const stats = layout.names.map(() => newStats());
  let skip = layout.header;
  for await (const r of readRecords(file, display, { maxRecords: 200 })) {
    if (skip) {
      skip = false;
      continue;
    }
    parseFields(layout.delimiter, r.text).forEach((v, c) => stats[c] && observe(stats[c], v, r.line));
  }
  const words = stats.map((s) => (s.values ? s.words / s.values : 0));
  const textIndex = words.indexOf(Math.max(...words));
  const others = layout.names.map((_, i) => i).filter((i) => i !== textIndex && guessType(stats[i]!) !== 'text');
  const labelIndex = others[others.length - 1] ?? -1;
  return { text: firstNamed(o.textColumn, layout.names[textIndex]), label: firstNamed(o.labelColumn, layout.names[labelIndex]) };
}

/** The first name given and not empty: an empty column option means "not chosen", like a missing one. */
function firstNamed(...names: (string | undefined)[]): string {
  return names.find((n) => n !== undefined && n !== '') ?? '';
}

/** A text longer than this is read only this far: a model reads at most a few thousand tokens, and memory stays bounded. */
export const MAX_TEXT_BYTES = 1 << 20;

/** The start of a file, at most MAX_TEXT_BYTES, as UTF-8, and whether it went on past that. */
async function readStart(path: string): Promise<{ text: string; cut: boolean }> {
  const file = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(MAX_TEXT_BYTES + 1);
    let got = 0;
    while (got < buffer.length) {
      const { bytesRead } = await file.read(buffer, got, buffer.length - got, got);
      if (bytesRead === 0) break;
      got += bytesRead;
    }
    const cut = got > MAX_TEXT_BYTES;
    // A cut can fall inside a character: the decoder's replacement for its first bytes is dropped.
    const text = buffer.subarray(0, Math.min(got, MAX_TEXT_BYTES)).toString('utf8');
    return { text: cut ? text.replace(/\uFFFD$/, '') : text, cut };
  } finally {
    await file.close();
  }
}

/** Streams the labelled texts of a CSV or of class folders; malformed rows become problems. */
export async function* textExamples(
  src: DataSource,
  path: string,
  display: string,
  problems: Problems,
  columns?: { text: string; label: string },
): AsyncGenerator<TextExample> {
  if (src.text.layout === 'folders') {
    const found = await scanClassFolders(path, display, ['.txt'], 'texts', problems);
    for (const f of found.files) {
      const { text, cut } = await readStart(f.path).catch(() => {
        throw new DataError([
          problem(
            `${display}/${f.rel}`,
            `${display}/${f.rel} disappeared while it was being read (moved or deleted?). Put it back, or import the folder again.`,
          ),
        ]);
      });
      if (cut) {
        problems.add(
          problem(`${display}/${f.rel}`, `${display}/${f.rel} is over 1 MB; only its first 1 MB was read (a model reads far fewer words).`, {}, 'warning'),
        );
      }
      yield { text, label: found.classes[f.label]!, where: `${display}/${f.rel}` };
    }
    return;
  }
  const layout = await detectLayout(path, display, src.csv);
  const cols = columns ?? (await chooseColumns(path, display, layout, src.text));
  const ti = layout.names.indexOf(cols.text);
  const li = layout.names.indexOf(cols.label);
  if (ti < 0 || li < 0)
    throw new DataError([problem(display, `${display} has no column "${ti < 0 ? cols.text : cols.label}" (its columns: ${layout.names.join(', ')}).`)]);
  let skip = layout.header;
  for await (const r of readRecords(path, display)) {
    if (skip) {
      skip = false;
      continue;
    }
    const fields = parseFields(layout.delimiter, r.text);
    if (fields.length !== layout.names.length) {
      problems.add(
        problem(
          display,
          `${display}, line ${r.line}: expected ${layout.names.length} values (one per column) but found ${fields.length}.`,
          { line: r.line },
          src.csv.badRows === 'skip' ? 'warning' : 'error',
        ),
      );
      continue;
    }
    const label = fields[li]!.trim();
    if (isMissing(label)) {
      problems.add(problem(display, `${display}, line ${r.line}: no label; the row is left out.`, { line: r.line, column: cols.label }, 'warning'));
      continue;
    }
    yield { text: fields[ti]!, label, where: `${display}, line ${r.line}` };
  }
}

/** Scans every text once: the classes, the vocabulary (most frequent words), and the problems. */
export async function importText(
  s: DataSettings,
  src: DataSource,
  path: string,
  display: string,
): Promise<{ text: TextOptions; counts: number[]; problems: Problems; examples: number }> {
  const problems = new Problems();
  const layout = src.text.layout === 'csv' ? await detectLayout(path, display, src.csv) : null;
  const columns = layout ? await chooseColumns(path, display, layout, src.text) : undefined;
  const words = new Map<string, number>();
  const labels = new Map<string, number>();
  let examples = 0;
  for await (const ex of textExamples(src, path, display, problems, columns)) {
    countWords(words, tokenizeWords(ex.text, src.text.lowercase));
    labels.set(ex.label, (labels.get(ex.label) ?? 0) + 1);
    examples++;
  }
  const classes = sortedCategories(labels.keys());
  const counts = classes.map((c) => labels.get(c)!);
  checkClassSizes(display, classes, counts, 'texts', problems);
  const vocabulary = Vocabulary.fromCounts(words, s.vocabSize).words as string[];
  const text: TextOptions = { ...src.text, ...(columns ? { textColumn: columns.text, labelColumn: columns.label } : {}), classes, vocabulary };
  return { text, counts, problems, examples };
}

/** Texts as word ids with the saved vocabulary, one streaming pass; labels as class ids. */
export async function loadText(s: DataSettings, src: DataSource, path: string, display: string, validationSplit: number): Promise<TrainingData> {
  const notReady = userDataProblem('text', s);
  if (notReady) throw new DataError([problem(display, notReady)]);
  const o = src.text;
  const vocabulary = new Vocabulary((o.vocabulary ?? []).slice(0, Math.max(0, s.vocabSize - RESERVED_TOKENS)));
  const classIds = new Map(o.classes.map((c, i) => [c, i]));
  const problems = new Problems();
  const ids = ints();
  const labels = ints();
  const row = new Int32Array(s.sequenceLength);
  for await (const ex of textExamples(src, path, display, problems, o.layout === 'csv' ? { text: o.textColumn, label: o.labelColumn } : undefined)) {
    const label = classIds.get(ex.label);
    if (label === undefined) {
      problems.add(
        problem(
          display,
          `${ex.where}: label "${ex.label}" is not one of the classes found when the data was imported (${o.classes.join(', ')}). Import it again.`,
        ),
      );
      break;
    }
    vocabulary.encodeWith(tokenizeWords(ex.text, o.lowercase), s.sequenceLength, o, row, 0);
    for (const id of row) ids.push(id);
    labels.push(label);
    if (s.limit > 0 && labels.length >= s.limit) break;
  }
  problems.throwIfErrors();
  const y = labels.view();
  const plan = splitPlan(s, validationSplit);
  const parts = partition(y.length, { validation: plan.validation, test: plan.test, seed: plan.seed, ...(plan.stratify ? { labels: y } : {}) });
  return {
    inputs: [{ data: ids.view(), shape: [s.sequenceLength] }],
    target: { data: y, shape: [] },
    count: y.length,
    partition: parts,
    warnings: problems.list,
  };
}
