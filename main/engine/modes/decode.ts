import type * as tfjs from '@tensorflow/tfjs';
import type { Tf } from '../../../app/layers/types';
import type { TrainingData } from '../../data/training-data';

/** Toy-sequence tokens (see datasets/toy-sequences.ts): 0 padding, 1 start, 2–11 the digits 0–9. */
const PAD = 0;
const START = 1;
const DIGIT0 = 2;

/** A token as a learner reads it: the digit, `<s>` for start, `·` for padding. */
export function tokenText(token: number): string {
  if (token === PAD) return '·';
  if (token === START) return '<s>';
  return String(token - DIGIT0);
}

export const sequenceText = (tokens: ArrayLike<number>): string => Array.from(tokens, tokenText).join(' ');

/**
 * Greedy decoding for an encoder–decoder trained with teacher forcing. At inference there is no
 * true previous output to feed, so the decoder reads [start, 0, …], predicts position 0, writes its
 * own best guess into position 1, and so on: T passes for T positions. Causal self-attention makes
 * position t depend only on positions ≤ t, so the zeros after t never matter.
 * `source` holds `count × T` encoder tokens; returns `count × T` predicted tokens.
 */
export async function greedyDecode(tf: Tf, model: tfjs.LayersModel, source: Int32Array, count: number, T: number): Promise<Int32Array> {
  const decoderIn = new Int32Array(count * T);
  for (let i = 0; i < count; i++) decoderIn[i * T] = START;
  const out = new Int32Array(count * T);
  const enc = tf.tensor2d(source.subarray(0, count * T), [count, T], 'int32');
  try {
    for (let t = 0; t < T; t++) {
      const next = tf.tidy(() => {
        const dec = tf.tensor2d(decoderIn, [count, T], 'int32');
        const probs = model.predict([enc, dec]);
        const p = Array.isArray(probs) ? probs[0]! : probs;
        const vocab = p.shape[2]!;
        return p.slice([0, t, 0], [count, 1, vocab]).argMax(-1).reshape([count]);
      });
      // Asynchronous: WebGPU in Node has no synchronous read.
      const tokens = await next.data();
      next.dispose();
      for (let i = 0; i < count; i++) {
        out[i * T + t] = tokens[i]!;
        if (t + 1 < T) decoderIn[i * T + t + 1] = tokens[i]!;
      }
    }
  } finally {
    enc.dispose();
  }
  return out;
}

export interface DecodeReport {
  /** One line per shown example: "3 1 4 1 5 9 → 9 5 1 4 1 3 ✓". */
  readonly lines: string[];
  /** Share of evaluated examples whose whole output sequence is right. */
  readonly exactMatch: number;
  /** Share of positions right, a gentler measure while the model is still learning. */
  readonly tokenAccuracy: number;
  readonly evaluated: number;
}

/**
 * Greedy-decodes up to `evaluate` examples of an encoder–decoder set (inputs: encoder tokens,
 * decoder tokens; target: the output tokens) and scores them; the first `show` become text lines.
 * Exact match is the honest score: teacher-forced accuracy during training overstates it, because
 * there the decoder always reads the true previous token.
 */
export async function decodeReport(tf: Tf, model: tfjs.LayersModel, data: TrainingData, show = 8, evaluate = 256): Promise<DecodeReport> {
  const T = data.target.shape[0] ?? 0;
  const count = Math.min(evaluate, data.count);
  if (count === 0 || T === 0) return { lines: [], exactMatch: 0, tokenAccuracy: 0, evaluated: 0 };
  const source = Int32Array.from(data.inputs[0]!.data.subarray(0, count * T));
  const want = data.target.data;
  const got = await greedyDecode(tf, model, source, count, T);
  let exact = 0;
  let right = 0;
  const lines: string[] = [];
  for (let i = 0; i < count; i++) {
    let ok = true;
    for (let t = 0; t < T; t++) {
      if (got[i * T + t] === want[i * T + t]) right++;
      else ok = false;
    }
    if (ok) exact++;
    if (i < show) {
      const expected = sequenceText(want.subarray(i * T, (i + 1) * T));
      const line = `${sequenceText(source.subarray(i * T, (i + 1) * T))} → ${sequenceText(got.subarray(i * T, (i + 1) * T))}`;
      lines.push(ok ? `${line} ✓` : `${line} ✗ (want ${expected})`);
    }
  }
  return { lines, exactMatch: exact / count, tokenAccuracy: right / (count * T), evaluated: count };
}
