import { describe, expect, it } from 'vitest';
import { dataSpec } from '../../app/data/spec';
import { loadTestSet } from '../../main/engine/evaluate/test-data';
import { template } from './helpers';

describe('evaluating a model trained on half of the digits', () => {
  it('scores it on that half of the test set, relabelled as it trained', async () => {
    const doc = template('transfer-digits');
    const set = await loadTestSet(doc);
    const labels = set.data.target.data as Int32Array;
    // MNIST's test set has 4,861 images of 5–9; each is labelled 0–4, the class named by the digit drawn.
    expect(set.data.count).toBe(4861);
    expect(labels.every((l) => l >= 0 && l < 5)).toBe(true);
    expect(new Set(labels).size).toBe(5);
    expect(set.split.description).toContain('digits 5–9');
    expect(dataSpec(doc.data).classNames).toEqual(['5', '6', '7', '8', '9']);
  });
});
