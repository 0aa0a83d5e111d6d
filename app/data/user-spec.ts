import type { DataSettings } from './catalog';
import type { ColumnSettings, DataSource, UserDatasetId } from './source';
import type { DataSpec, InputSpec } from './spec-types';

/** Ids 0 (padding) and 1 (unknown word) come before the vocabulary's words. */
export const RESERVED_TOKENS = 2;

const categoryCount = (c: ColumnSettings) => c.categories?.length ?? 0;
const isEmbedded = (c: ColumnSettings, s: DataSource) => c.type === 'category' && (c.encoding ?? s.csv.encoding) === 'embed';

/** Feature columns that become float values: numbers and dates one each, one-hot categories one per category. */
export function numericWidth(s: DataSource): number {
  return s.csv.columns
    .filter((c) => c.role === 'feature' && !isEmbedded(c, s))
    .reduce((w, c) => w + (c.type === 'number' || c.type === 'date' ? 1 : c.type === 'category' ? categoryCount(c) : 0), 0);
}

/** Category features fed as ids to an Embedding, each its own Input. */
export const embeddedColumns = (s: DataSource): ColumnSettings[] => s.csv.columns.filter((c) => c.role === 'feature' && isEmbedded(c, s));
export const labelColumns = (s: DataSource): ColumnSettings[] => s.csv.columns.filter((c) => c.role === 'label');

/** Why this user dataset cannot be used yet, or null when it was imported and is complete. */
export function userDataProblem(id: UserDatasetId, s: DataSettings): string | null {
  const src = s.source;
  if (!src?.path) return `Choose ${id === 'images' ? 'a folder of images' : id === 'text' ? 'a CSV file or a folder of texts' : 'a CSV file'} for your data.`;
  switch (id) {
    case 'csv': {
      if (src.csv.columns.length === 0) return 'Import the table first, so its columns are known.';
      const labels = labelColumns(src);
      if (labels.length === 0) return 'Choose the label column: the one the network should predict.';
      if (labels.length > 1 && labels.some((c) => c.type !== 'number'))
        return 'Only one label column can be a category; several labels must all be numbers (regression).';
      const text = src.csv.columns.find((c) => c.role !== 'ignore' && c.type === 'text');
      if (text) return `Column "${text.name}" is free text: use "Your texts" for text, or set the column to ignore or category.`;
      if (numericWidth(src) + embeddedColumns(src).length === 0) return 'Choose at least one feature column.';
      const unknown = [...labels, ...embeddedColumns(src)].find((c) => c.type === 'category' && categoryCount(c) === 0);
      if (unknown) return `Import the table again: the categories of "${unknown.name}" are not known yet.`;
      return null;
    }
    case 'images':
      return src.images.classes.length < 2 ? 'Import the image folder first: it needs at least two class subfolders.' : null;
    case 'text':
      if (src.text.layout === 'csv' && (!src.text.textColumn || !src.text.labelColumn)) return 'Choose the text column and the label column.';
      return src.text.classes.length < 2 || !src.text.vocabulary ? 'Import the texts first, so the classes and the vocabulary are known.' : null;
    case 'series':
      return src.series.valueColumns.length === 0 ? 'Import the series first, so its value columns are known.' : null;
  }
}

function csvSpec(src: DataSource): DataSpec {
  const inputs: InputSpec[] = [];
  const width = numericWidth(src);
  if (width > 0) inputs.push({ label: `${width} feature value${width === 1 ? '' : 's'}`, shape: [width], dtype: 'float32' });
  for (const c of embeddedColumns(src)) inputs.push({ label: `${c.name} id (${categoryCount(c)} categories)`, shape: [1], dtype: 'int32' });
  const labels = labelColumns(src);
  const label = labels[0];
  if (labels.length === 1 && label?.type === 'category') {
    const names = label.categories ?? [];
    return { task: 'classification', inputs, targetShape: [], classes: names.length, classNames: names };
  }
  return { task: 'regression', inputs, targetShape: [Math.max(1, labels.length)], classes: 0, classNames: [] };
}

/** What a user dataset feeds and expects, from its recorded settings alone. */
export function userDataSpec(id: UserDatasetId, s: DataSettings): DataSpec {
  const src = s.source;
  // Before an import only the kind is known; a series always predicts values.
  if (!src) return { task: id === 'series' ? 'regression' : 'classification', inputs: [], targetShape: id === 'series' ? [1] : [], classes: 0, classNames: [] };
  switch (id) {
    case 'csv':
      return csvSpec(src);
    case 'images': {
      const [h, w] = src.images.size;
      const c = src.images.color === 'rgb' ? 3 : 1;
      const names = src.images.classes;
      return {
        task: 'classification',
        inputs: [{ label: `${h}×${w} ${src.images.color === 'rgb' ? 'colour' : 'grayscale'} image`, shape: [h, w, c], dtype: 'float32' }],
        targetShape: [],
        classes: names.length,
        classNames: names,
      };
    }
    case 'text': {
      const names = src.text.classes;
      const vocabulary = (src.text.vocabulary?.length ?? s.vocabSize - RESERVED_TOKENS) + RESERVED_TOKENS;
      return {
        task: 'classification',
        inputs: [{ label: `${s.sequenceLength} word ids`, shape: [s.sequenceLength], dtype: 'int32' }],
        targetShape: [],
        classes: names.length,
        classNames: names,
        vocabulary,
      };
    }
    case 'series': {
      const values = src.series.valueColumns.length;
      const targets = Math.max(1, src.series.targets.length);
      return {
        task: 'regression',
        inputs: [{ label: `${s.window} steps × ${values} value${values === 1 ? '' : 's'}`, shape: [s.window, Math.max(1, values)], dtype: 'float32' }],
        targetShape: [targets],
        classes: 0,
        classNames: [],
      };
    }
  }
}
