import type { DataSettings } from '../../app/data/catalog';
import type { DataSource } from '../../app/data/source';
import { countWords, tokenizeWords, Vocabulary } from '../../app/data/tokenizer';
import { RESERVED_TOKENS } from '../../app/data/user-spec';
import { sortedCategories } from './values';
import { Problems } from './problems';
import type { PreviewResult, Suggestion } from './preview-types';
import { detectLayout } from './table-layout';
import { chooseColumns, textExamples, type TextExample } from './text';

const SCANNED = 2000;
const SHOWN = 8;
const TOKENS = 100;

/**
 * The first texts after tokenization (tokens and their ids), the class balance among the first
 * texts, and how many of them the sequence length cuts. Without a saved vocabulary, one is built
 * from the texts scanned, so the ids are a fair picture of what an import will give.
 */
export async function previewText(s: DataSettings, src: DataSource, path: string, display: string): Promise<PreviewResult> {
  const problems = new Problems();
  const o = src.text;
  const examples: TextExample[] = [];
  const words = new Map<string, number>();
  const labels = new Map<string, number>();
  let long = 0;
  const columns = o.layout === 'csv' ? await chooseColumns(path, display, await detectLayout(path, display, src.csv), o) : undefined;
  for await (const ex of textExamples(src, path, display, problems, columns)) {
    const tokens = tokenizeWords(ex.text, o.lowercase);
    if (tokens.length > s.sequenceLength) long++;
    if (!o.vocabulary) countWords(words, tokens);
    labels.set(ex.label, (labels.get(ex.label) ?? 0) + 1);
    if (examples.length < SHOWN) examples.push(ex);
    if (examples.length >= SHOWN && [...labels.values()].reduce((a, b) => a + b, 0) >= SCANNED) break;
  }
  const scanned = [...labels.values()].reduce((a, b) => a + b, 0);
  const vocabulary = o.vocabulary ? new Vocabulary(o.vocabulary) : Vocabulary.fromCounts(words, s.vocabSize);
  const classes = sortedCategories(labels.keys());
  const settings: DataSettings = {
    ...s,
    source: { ...src, text: { ...o, ...(columns ? { textColumn: columns.text, labelColumn: columns.label } : {}), ...(o.classes.length ? {} : { classes }) } },
  };
  const suggestions: Suggestion[] = [];
  if (scanned > 0 && long / scanned > 0.25) {
    suggestions.push({
      message: `${Math.round((100 * long) / scanned)}% of the texts are longer than ${s.sequenceLength} words and get cut. A longer sequence keeps more of each text, at more cost per step.`,
    });
  }
  if (vocabulary.size - RESERVED_TOKENS < s.vocabSize - RESERVED_TOKENS && !o.vocabulary) {
    suggestions.push({ message: `The texts scanned use ${vocabulary.size - RESERVED_TOKENS} different words, fewer than the vocabulary size ${s.vocabSize}.` });
  }
  return {
    settings,
    classBalance: classes.map((label) => ({ label, count: labels.get(label)! })),
    problems,
    suggestions,
    preview: {
      kind: 'text',
      layout: o.layout,
      samples: examples.map((ex) => {
        const tokens = tokenizeWords(ex.text, o.lowercase).slice(0, TOKENS);
        return {
          label: ex.label,
          where: ex.where,
          text: ex.text.length > 500 ? `${ex.text.slice(0, 500)}…` : ex.text,
          tokens,
          ids: tokens.map((t) => vocabulary.id(t)),
        };
      }),
      vocabularySize: vocabulary.size,
      sequenceLength: s.sequenceLength,
      truncatedShare: scanned > 0 ? long / scanned : 0,
    },
  };
}
