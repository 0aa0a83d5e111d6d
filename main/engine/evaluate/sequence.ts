import type * as tfjs from '@tensorflow/tfjs';
import type { Tf } from '../../../app/layers/types';
import type { EvaluationOf } from '../../../app/protocol/evaluation';
import { greedyDecode, sequenceText } from '../modes/decode';
import type { TestSet } from './test-data';

/** Strings decoded: greedy decoding is one pass per position, so this bounds the cost. */
const DECODED = 1000;
const ROWS = 24;

/** An encoder–decoder scored the honest way: greedy decoding from its own outputs, not teacher forcing. */
export async function sequenceResult(tf: Tf, model: tfjs.LayersModel, set: TestSet): Promise<EvaluationOf<'sequence'>> {
  const { data } = set;
  const T = data.target.shape[0] ?? 0;
  const count = Math.min(DECODED, data.count);
  const source = Int32Array.from(data.inputs[0]!.data.subarray(0, count * T));
  // Greedy decoding reads asynchronously (WebGPU in Node has no synchronous read).
  const got = count > 0 && T > 0 ? await greedyDecode(tf, model, source, count, T) : new Int32Array(0);
  const want = data.target.data;
  let exact = 0;
  let right = 0;
  const rows: EvaluationOf<'sequence'>['rows'] = [];
  for (let i = 0; i < count; i++) {
    let ok = true;
    for (let t = 0; t < T; t++) {
      if (got[i * T + t] === want[i * T + t]) right++;
      else ok = false;
    }
    if (ok) exact++;
    if (rows.length < ROWS) {
      rows.push({
        input: sequenceText(source.subarray(i * T, (i + 1) * T)),
        target: sequenceText(want.subarray(i * T, (i + 1) * T)),
        decoded: sequenceText(got.subarray(i * T, (i + 1) * T)),
        exact: ok,
      });
    }
  }
  return {
    kind: 'sequence',
    split: { ...set.split, count },
    exactMatch: count === 0 ? 0 : exact / count,
    tokenAccuracy: count * T === 0 ? 0 : right / (count * T),
    rows,
  };
}
