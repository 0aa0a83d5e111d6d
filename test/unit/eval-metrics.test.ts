import { describe, expect, it } from 'vitest';
import { accuracyOf, argmaxRow, binaryToTwoClass, confusionMatrix, crossEntropy, macroAverage, perClassScores, topK } from '../../app/metrics/classification';
import { evenIndices, histogram, regressionScores } from '../../app/metrics/regression';

describe('classification metrics', () => {
  // truth 0 0 1 1 2 2, predicted 0 1 1 1 2 0 — worked by hand below.
  const truth = Int32Array.from([0, 0, 1, 1, 2, 2]);
  const predicted = Int32Array.from([0, 1, 1, 1, 2, 0]);

  it('counts (truth, prediction) pairs with truth down the rows', () => {
    expect(confusionMatrix(truth, predicted, 3)).toEqual([
      [1, 1, 0],
      [0, 2, 0],
      [1, 0, 1],
    ]);
  });

  it('reads accuracy, precision, recall and F1 off the matrix', () => {
    const m = confusionMatrix(truth, predicted, 3);
    expect(accuracyOf(m)).toBeCloseTo(4 / 6, 12);
    const s = perClassScores(m);
    // class 0: 1 right of 2 predicted, 1 of 2 true
    expect(s[0]).toEqual({ precision: 0.5, recall: 0.5, f1: 0.5, support: 2 });
    // class 1: 2 right of 3 predicted, 2 of 2 true: F1 = 2·(2/3)·1 / (5/3) = 0.8
    expect(s[1]!.precision).toBeCloseTo(2 / 3, 12);
    expect(s[1]!.recall).toBe(1);
    expect(s[1]!.f1).toBeCloseTo(0.8, 12);
    // class 2: 1 of 1 predicted, 1 of 2 true: F1 = 2·1·0.5 / 1.5
    expect(s[2]!.precision).toBe(1);
    expect(s[2]!.recall).toBe(0.5);
    expect(s[2]!.f1).toBeCloseTo(2 / 3, 12);
    expect(macroAverage(s, 'f1')).toBeCloseTo((0.5 + 0.8 + 2 / 3) / 3, 12);
  });

  it('scores a class that is never predicted as 0, not NaN', () => {
    const s = perClassScores(confusionMatrix([0, 1], [0, 0], 2));
    expect(s[1]).toEqual({ precision: 0, recall: 0, f1: 0, support: 1 });
  });

  it('refuses a label outside the classes instead of dropping it', () => {
    expect(() => confusionMatrix([0, 3], [0, 1], 3)).toThrow(/example 1 has class 3/);
    expect(() => confusionMatrix([0], [0, 1], 3)).toThrow(/1 labels but 2 predictions/);
  });

  it('ranks classes, takes the argmax and a clipped cross-entropy', () => {
    const probs = Float32Array.from([0.5, 0.5, 0.25, 0.75]);
    expect(argmaxRow(probs, 0, 2)).toBe(0);
    expect(argmaxRow(probs, 1, 2)).toBe(1);
    expect(topK(probs, 1, 2, 3)).toEqual([
      { cls: 1, p: 0.75 },
      { cls: 0, p: 0.25 },
    ]);
    expect(crossEntropy(probs, [0, 1], 2)).toBeCloseTo(-(Math.log(0.5) + Math.log(0.75)) / 2, 6);
    expect(crossEntropy(Float32Array.from([1, 0]), [1], 2)).toBeCloseTo(-Math.log(1e-7), 3);
    expect(Array.from(binaryToTwoClass([0.2]))).toEqual([expect.closeTo(0.8, 6), expect.closeTo(0.2, 6)]);
  });
});

describe('regression metrics', () => {
  it('matches MAE, RMSE and R² worked by hand', () => {
    // errors 0, 1, −1, 1; mean of actual 2.5, SS_tot = 5, SS_res = 3
    const s = regressionScores([1, 2, 3, 4], [1, 3, 2, 5]);
    expect(s.mae).toBeCloseTo(0.75, 12);
    expect(s.mse).toBeCloseTo(0.75, 12);
    expect(s.rmse).toBeCloseTo(Math.sqrt(0.75), 12);
    expect(s.r2).toBeCloseTo(1 - 3 / 5, 12);
  });

  it('gives R² 1 for a perfect fit of a constant target, 0 for an imperfect one', () => {
    expect(regressionScores([2, 2], [2, 2]).r2).toBe(1);
    expect(regressionScores([2, 2], [2, 3]).r2).toBe(0);
  });

  it('bins values with the maximum in the last bin and skips non-finite ones', () => {
    expect(histogram([0, 1, 2, 3, 4, Number.NaN], 2)).toEqual({ min: 0, max: 4, counts: [2, 3] });
    expect(histogram([5, 5], 3)).toEqual({ min: 5, max: 5, counts: [2, 0, 0] });
  });

  it('subsamples evenly and in order', () => {
    expect(evenIndices(3, 5)).toEqual([0, 1, 2]);
    expect(evenIndices(10, 5)).toEqual([0, 2, 4, 6, 8]);
  });
});

describe('playground image input', () => {
  it('centres a small off-centre stroke by its centre of mass and scales it to a 20-pixel box', async () => {
    const { centreDigit, resizeGrey } = await import('../../app/metrics/image-input');
    const w = 56;
    const px = new Float32Array(w * w);
    for (let j = 2; j < 12; j++) px[j * w + 3] = 1; // a vertical bar near the top-left corner
    const out = centreDigit(px, w, w);
    let mass = 0;
    let mx = 0;
    let my = 0;
    let top = 28;
    let bottom = -1;
    out.forEach((v, k) => {
      mass += v;
      mx += v * (k % 28);
      my += v * Math.floor(k / 28);
      if (v > 0.05) {
        top = Math.min(top, Math.floor(k / 28));
        bottom = Math.max(bottom, Math.floor(k / 28));
      }
    });
    expect(mx / mass).toBeGreaterThan(12.5);
    expect(mx / mass).toBeLessThan(14.5);
    expect(my / mass).toBeGreaterThan(12.5);
    expect(my / mass).toBeLessThan(14.5);
    expect(bottom - top + 1).toBeGreaterThanOrEqual(19);
    expect(bottom - top + 1).toBeLessThanOrEqual(21);
    expect(Array.from(centreDigit(new Float32Array(16), 4, 4)).every((v) => v === 0)).toBe(true);
    expect(Array.from(resizeGrey([0, 1, 0, 1], 2, 2, 2, 2))).toEqual([0, 1, 0, 1]);
  });
});
