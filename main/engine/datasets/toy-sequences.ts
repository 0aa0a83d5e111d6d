import type { DataSettings } from '../../../app/data/catalog';
import { seededRandom } from '../../../app/data/synthetic';
import type { TrainingData } from '../../data/training-data';

const START = 1;
const DIGIT0 = 2;

/**
 * Digit strings and their reversal, for an encoder–decoder with teacher forcing: the decoder
 * reads the start token then the true previous outputs, and learns to predict the next one.
 */
export function reverseDigits(s: DataSettings): TrainingData {
  const rand = seededRandom(s.seed);
  const n = s.samples;
  const len = s.digits;
  const source = new Int32Array(n * len);
  const decoderIn = new Int32Array(n * len);
  const target = new Int32Array(n * len);
  for (let i = 0; i < n; i++) {
    const o = i * len;
    for (let t = 0; t < len; t++) source[o + t] = DIGIT0 + Math.floor(rand() * 10);
    for (let t = 0; t < len; t++) target[o + t] = source[o + len - 1 - t]!;
    decoderIn[o] = START;
    for (let t = 1; t < len; t++) decoderIn[o + t] = target[o + t - 1]!;
  }
  return {
    inputs: [
      { data: source, shape: [len] },
      { data: decoderIn, shape: [len] },
    ],
    target: { data: target, shape: [len] },
    count: n,
  };
}
