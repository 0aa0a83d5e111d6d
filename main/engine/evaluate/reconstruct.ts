import { histogram } from '../../../app/metrics/regression';
import type { EvaluationOf } from '../../../app/protocol/evaluation';
import { encodePng, toDataUrl } from '../images/png';
import type { TestSet } from './test-data';

const BINS = 30;
/** Pairs shown: the best, the worst, and evenly spaced ones between, so the spread of quality is visible. */
const EACH_END = 4;
const BETWEEN = 8;

/** One example of shape [h, w, c] (values 0–1) as a PNG data URL; other channel counts show their first channel. */
export function imagePng(values: ArrayLike<number>, offset: number, shape: readonly number[]): string {
  const [h = 1, w = 1, c = 1] = shape.length === 1 ? [1, shape[0]!, 1] : shape;
  const channels = c === 3 ? 3 : 1;
  const pixels = new Uint8Array(h * w * channels);
  for (let p = 0; p < h * w; p++) {
    for (let k = 0; k < channels; k++) {
      const v = values[offset + p * c + k]!;
      pixels[p * channels + k] = Number.isNaN(v) ? 0 : Math.round(Math.min(1, Math.max(0, v)) * 255);
    }
  }
  return toDataUrl(encodePng({ width: w, height: h, channels, pixels }));
}

/** An autoencoder's reconstructions against the clean targets: per-example mean squared error and its distribution. */
export function reconstructionResult(set: TestSet, outputs: Float32Array, per: number): EvaluationOf<'reconstruction'> {
  const { data } = set;
  const target = data.target.data;
  // A model that draws from something other than an image (a prompt) is shown beside the image it should draw.
  const first = data.inputs[0]!;
  const input = first.shape.reduce((a, d) => a * d, 1) === per ? first.data : target;
  const errors = new Float32Array(data.count);
  let sq = 0;
  let abs = 0;
  for (let i = 0; i < data.count; i++) {
    let e = 0;
    for (let j = 0; j < per; j++) {
      const d = outputs[i * per + j]! - target[i * per + j]!;
      e += d * d;
      abs += Math.abs(d);
    }
    sq += e;
    errors[i] = e / per;
  }
  const order = Array.from({ length: data.count }, (_, i) => i).sort((a, b) => errors[a]! - errors[b]! || a - b);
  const picks = new Set<number>();
  const n = order.length;
  for (let k = 0; k < Math.min(EACH_END, n); k++) picks.add(order[k]!).add(order[n - 1 - k]!);
  for (let k = 1; k <= BETWEEN && n > 2 * EACH_END; k++) picks.add(order[Math.floor((k * (n - 1)) / (BETWEEN + 1))]!);
  const shape = data.target.shape;
  const pairs = [...picks]
    .sort((a, b) => errors[a]! - errors[b]!)
    .map((i) => ({ index: i, input: imagePng(input, i * per, shape), output: imagePng(outputs, i * per, shape), error: Number(errors[i]!.toPrecision(4)) }));
  const total = Math.max(1, data.count * per);
  return { kind: 'reconstruction', split: set.split, mse: sq / total, mae: abs / total, pairs, errors: histogram(errors, BINS) };
}
