import {
  accuracyOf,
  argmaxRow,
  binaryToTwoClass,
  confusionMatrix,
  crossEntropy,
  macroAverage,
  perClassScores,
  topK,
} from '../../../app/metrics/classification';
import type { ClassifiedExample, EvaluationOf } from '../../../app/protocol/evaluation';
import type { TestSet } from './test-data';

/** Examples kept per confusion-matrix cell and in the mistakes gallery: enough to see a pattern, small to send. */
export const PER_CELL = 6;
export const MISTAKES = 24;

/**
 * Scores a classifier from its outputs (`count × classes` probabilities, or one sigmoid column) against
 * the test labels; each cell and the gallery carry a few examples, drawn only once they are picked.
 */
export function classificationResult(set: TestSet, outputs: Float32Array, per: number, classNames: readonly string[]): EvaluationOf<'classification'> {
  const { data } = set;
  const probs = per === 1 ? binaryToTwoClass(outputs) : outputs;
  const classes = per === 1 ? 2 : per;
  const truth = data.target.data;
  const predicted = new Int32Array(data.count);
  for (let i = 0; i < data.count; i++) predicted[i] = argmaxRow(probs, i, classes);
  const confusion = confusionMatrix(truth, predicted, classes);
  const scores = perClassScores(confusion);
  const confidence = (i: number) => probs[i * classes + predicted[i]!]!;

  const example = (i: number): ClassifiedExample => ({
    index: i,
    truth: truth[i]!,
    predicted: predicted[i]!,
    top: topK(probs, i, classes, 3).map((t) => ({ cls: t.cls, p: Number(t.p.toFixed(4)) })),
    view: set.view(i),
  });

  const buckets = new Map<string, number[]>();
  const wrong: number[] = [];
  for (let i = 0; i < data.count; i++) {
    const key = `${truth[i]},${predicted[i]}`;
    let list = buckets.get(key);
    if (!list) buckets.set(key, (list = []));
    list.push(i);
    if (truth[i] !== predicted[i]) wrong.push(i);
  }
  const byConfidence = (a: number, b: number) => confidence(b) - confidence(a) || a - b;
  const cells: Record<string, ClassifiedExample[]> = {};
  for (const [key, list] of buckets) cells[key] = list.sort(byConfidence).slice(0, PER_CELL).map(example);
  const names = classNames.length === classes ? [...classNames] : Array.from({ length: classes }, (_, c) => classNames[c] ?? `class ${c}`);
  return {
    kind: 'classification',
    split: set.split,
    classNames: names,
    accuracy: accuracyOf(confusion),
    loss: crossEntropy(probs, truth, classes),
    perClass: scores,
    macroF1: macroAverage(scores, 'f1'),
    confusion,
    cells,
    mistakes: wrong.sort(byConfidence).slice(0, MISTAKES).map(example),
  };
}
