/** Per-class scores read off a confusion matrix. */
export interface ClassScores {
  readonly precision: number;
  readonly recall: number;
  readonly f1: number;
  /** True examples of the class in the evaluated set. */
  readonly support: number;
}

/**
 * Counts of (true class, predicted class): row = truth, column = prediction, the layout scikit-learn and
 * Keras users know. Labels outside 0…classes-1 are an error, not silently dropped: they mean the data
 * and the model disagree on the classes.
 */
export function confusionMatrix(truth: ArrayLike<number>, predicted: ArrayLike<number>, classes: number): number[][] {
  if (truth.length !== predicted.length) throw new Error(`confusionMatrix: ${truth.length} labels but ${predicted.length} predictions`);
  const m = Array.from({ length: classes }, () => new Array<number>(classes).fill(0));
  for (let i = 0; i < truth.length; i++) {
    const t = truth[i]!;
    const p = predicted[i]!;
    if (!(t >= 0 && t < classes && p >= 0 && p < classes)) throw new Error(`confusionMatrix: example ${i} has class ${t} → ${p}, outside 0…${classes - 1}`);
    m[t]![p]! += 1;
  }
  return m;
}

/** Share of the matrix on its diagonal; 0 for an empty one. */
export function accuracyOf(m: readonly (readonly number[])[]): number {
  let right = 0;
  let all = 0;
  m.forEach((row, i) =>
    row.forEach((n, j) => {
      all += n;
      if (i === j) right += n;
    }),
  );
  return all === 0 ? 0 : right / all;
}

/** Precision, recall and F1 per class; a class never predicted (or never present) scores 0, as scikit-learn's zero_division=0. */
export function perClassScores(m: readonly (readonly number[])[]): ClassScores[] {
  return m.map((row, c) => {
    const tp = row[c]!;
    const support = row.reduce((a, n) => a + n, 0);
    const predicted = m.reduce((a, r) => a + r[c]!, 0);
    const precision = predicted === 0 ? 0 : tp / predicted;
    const recall = support === 0 ? 0 : tp / support;
    const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
    return { precision, recall, f1, support };
  });
}

/** Unweighted mean of a score over classes (macro average). */
export function macroAverage(scores: readonly ClassScores[], key: 'precision' | 'recall' | 'f1'): number {
  return scores.length === 0 ? 0 : scores.reduce((a, s) => a + s[key], 0) / scores.length;
}

/** The class with the highest probability in row `i` of a `count × classes` array (first on ties, like argmax). */
export function argmaxRow(probs: ArrayLike<number>, i: number, classes: number): number {
  let best = 0;
  let value = -Infinity;
  for (let c = 0; c < classes; c++) {
    const v = probs[i * classes + c]!;
    if (v > value) {
      value = v;
      best = c;
    }
  }
  return best;
}

/** The `k` most probable classes of row `i`, most probable first. */
export function topK(probs: ArrayLike<number>, i: number, classes: number, k: number): { cls: number; p: number }[] {
  const row = Array.from({ length: classes }, (_, c) => ({ cls: c, p: probs[i * classes + c]! }));
  return row.sort((a, b) => b.p - a.p || a.cls - b.cls).slice(0, Math.min(k, classes));
}

/** Mean cross-entropy of the true class, probabilities clipped as Keras does so a confident miss costs a finite amount. */
export function crossEntropy(probs: ArrayLike<number>, truth: ArrayLike<number>, classes: number, epsilon = 1e-7): number {
  if (truth.length === 0) return 0;
  let sum = 0;
  for (let i = 0; i < truth.length; i++) {
    const p = Math.min(1 - epsilon, Math.max(epsilon, probs[i * classes + truth[i]!]!));
    sum -= Math.log(p);
  }
  return sum / truth.length;
}

/**
 * A single sigmoid unit's outputs as two-class probabilities [1 − p, p], so binary and softmax
 * classifiers share every metric above.
 */
export function binaryToTwoClass(p: ArrayLike<number>): Float32Array {
  const out = new Float32Array(p.length * 2);
  for (let i = 0; i < p.length; i++) {
    out[2 * i] = 1 - p[i]!;
    out[2 * i + 1] = p[i]!;
  }
  return out;
}
