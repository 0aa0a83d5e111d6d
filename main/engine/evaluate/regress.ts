import type * as tfjs from '@tensorflow/tfjs';
import type { Tf } from '../../../app/layers/types';
import { evenIndices, histogram, regressionScores } from '../../../app/metrics/regression';
import type { EvaluationOf } from '../../../app/protocol/evaluation';
import type { TestSet } from './test-data';

const POINTS = 500;
const BINS = 30;
/** Steps ahead a forecaster is rolled forward, feeding its own predictions back, to show how error grows. */
export const ROLLOUT_STEPS = 12;
const ROLLOUT_STARTS = 200;
const SERIES_MAX = 2000;

const round = (v: number) => Number(v.toPrecision(6));

/** Standardised values back in the target's units, per target column. */
function unscale(values: Float32Array, per: number, scale: TestSet['data']['targetScale']): Float32Array {
  if (!scale || scale.length === 0) return values;
  const out = new Float32Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const s = scale[i % per] ?? scale[0]!;
    out[i] = values[i]! * s.std + s.mean;
  }
  return out;
}

/**
 * Error of predictions made k = 1…ROLLOUT_STEPS steps ahead, for a one-value forecaster over a univariate
 * window: each step's prediction is appended to the window and the oldest value dropped, as a forecast
 * into the unknown would have to. Window i's k-step truth is window (i + k − 1)'s one-step target.
 */
async function rollout(tf: Tf, model: tfjs.LayersModel, set: TestSet, window: number): Promise<{ step: number; mae: number; count: number }[]> {
  const { data } = set;
  const x = data.inputs[0]!.data;
  const y = data.target.data;
  const scale = data.targetScale?.[0] ?? { mean: 0, std: 1 };
  const steps = Math.min(ROLLOUT_STEPS, data.count);
  const starts = evenIndices(Math.max(0, data.count - steps + 1), ROLLOUT_STARTS);
  if (starts.length === 0) return [];
  const win = new Float32Array(starts.length * window);
  starts.forEach((s, j) => win.set(x.subarray(s * window, (s + 1) * window), j * window));
  const out: { step: number; mae: number; count: number }[] = [];
  for (let k = 1; k <= steps; k++) {
    const next = tf.tidy(() => (model.predict(tf.tensor3d(win, [starts.length, window, 1])) as tfjs.Tensor).reshape([starts.length]));
    const pred = await next.data();
    next.dispose();
    let abs = 0;
    starts.forEach((s, j) => {
      abs += Math.abs((pred[j]! - y[s + k - 1]!) * scale.std);
      win.copyWithin(j * window, j * window + 1, (j + 1) * window);
      win[(j + 1) * window - 1] = pred[j]!;
    });
    out.push({ step: k, mae: round(abs / starts.length), count: starts.length });
  }
  return out;
}

/** Scores a regressor (or forecaster) in the target's own units: scatter, residuals and, for series, the forecast. */
export async function regressionResult(
  tf: Tf,
  model: tfjs.LayersModel,
  set: TestSet,
  outputs: Float32Array,
  per: number,
  series: { horizon: number } | null,
): Promise<EvaluationOf<'regression'>> {
  const { data } = set;
  const actual = unscale(Float32Array.from(data.target.data), per, data.targetScale);
  const predicted = unscale(outputs, per, data.targetScale);
  const scores = regressionScores(actual, predicted);
  const residuals = new Float32Array(actual.length);
  for (let i = 0; i < actual.length; i++) residuals[i] = predicted[i]! - actual[i]!;
  const points = evenIndices(actual.length, POINTS).map((i) => ({ actual: round(actual[i]!), predicted: round(predicted[i]!) }));
  const base = {
    kind: 'regression' as const,
    split: set.split,
    target: set.targetName,
    scores: { count: scores.count, mae: round(scores.mae), mse: round(scores.mse), rmse: round(scores.rmse), r2: round(scores.r2) },
    points,
    residuals: histogram(residuals, BINS),
  };
  if (!series) return base;
  const shown = evenIndices(data.count, SERIES_MAX);
  const inputShape = data.inputs[0]!.shape;
  const univariate = data.inputs.length === 1 && inputShape.length === 2 && inputShape[1] === 1;
  const byHorizon =
    per === 1 && univariate && series.horizon === 1
      ? await rollout(tf, model, set, inputShape[0]!)
      : Array.from({ length: Math.min(per, 60) }, (_, j) => {
          let abs = 0;
          for (let i = 0; i < data.count; i++) abs += Math.abs(residuals[i * per + j]!);
          return { step: j + 1, mae: round(abs / Math.max(1, data.count)), count: data.count };
        });
  return {
    ...base,
    forecast: { actual: shown.map((i) => round(actual[i * per]!)), predicted: shown.map((i) => round(predicted[i * per]!)), byHorizon },
  };
}
