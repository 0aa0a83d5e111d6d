import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { analyzeGraph } from '../../app/analysis/analyze';
import { gridPoints } from '../../app/metrics/grid';
import type { TrainingView } from '../../app/protocol/views';
import { buildModel } from '../../main/engine/build-model';
import { boundaryField, BoundaryRecorder } from '../../main/engine/views/boundary';
import { template } from './helpers';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

describe('decision boundary', () => {
  it('lays the grid out row by row from the top-left corner, at cell centres', () => {
    expect(Array.from(gridPoints(2, [0, 4], [0, 2]))).toEqual([1, 1.5, 3, 1.5, 1, 0.5, 3, 0.5]);
  });

  it("matches the model's own prediction at sampled grid cells", () => {
    const doc = template('mlp-spirals');
    const model = buildModel(tf, doc, analyzeGraph(doc.graph));
    // Move it off its initial weights so the field is not one flat colour.
    // Random kernels and zero biases: a field that turns across the box, never one flat colour.
    model.setWeights(model.getWeights().map((w, i) => (w.rank === 1 ? tf.zeros(w.shape) : tf.randomNormal(w.shape, 0, 1.5, 'float32', i + 1))));
    const size = 30;
    const x: [number, number] = [-1.3, 1.1];
    const y: [number, number] = [-0.9, 1.4];
    const field = boundaryField(tf, model, size, x, y);
    const points = gridPoints(size, x, y);
    const cells = [0, 17, 29, 30, 451, 612, 899];
    const probs = tf.tidy(
      () =>
        (
          model.predict(
            tf.tensor2d(
              cells.flatMap((c) => [points[2 * c]!, points[2 * c + 1]!]),
              [cells.length, 2],
            ),
          ) as tf.Tensor
        ).arraySync() as number[][],
    );
    cells.forEach((c, k) => {
      const best = probs[k]!.indexOf(Math.max(...probs[k]!));
      expect(field.classes[c]).toBe(best);
      expect(field.confidence[c]).toBeCloseTo(probs[k]![best]!, 3);
    });
    expect(new Set(field.classes).size).toBeGreaterThan(1);
    model.dispose();
  });

  it('redraws at most every 200 ms while batches run, and after every epoch', () => {
    const doc = template('mlp-spirals');
    const model = buildModel(tf, doc, analyzeGraph(doc.graph));
    let clock = 0;
    const sent: TrainingView[] = [];
    const recorder = new BoundaryRecorder(
      tf,
      (v) => sent.push(v),
      8,
      () => clock,
    );
    recorder.start({ model, sample: () => ({ xs: [tf.tensor2d([-2, -1, 3, 4], [2, 2])], y: tf.zeros([2, 2]) }) });
    expect(sent).toHaveLength(1);
    const first = sent[0]!;
    expect(first.kind === 'boundary' && first.x[0] < -2 && first.x[1] > 3 && first.y[0] < -1 && first.y[1] > 4).toBe(true);
    for (let step = 1; step <= 10; step++) {
      clock += 50;
      recorder.afterBatch({ step, epoch: 1, model });
    }
    expect(sent).toHaveLength(1 + 2);
    recorder.afterEpoch({ epoch: 1, epochs: 5, step: 10, model, logs: { loss: 1 } });
    expect(sent).toHaveLength(4);
    expect(sent.at(-1)).toMatchObject({ kind: 'boundary', step: 10, epoch: 1, size: 8 });
    model.dispose();
  });
});
