import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { analyzeGraph } from '../../app/analysis/analyze';
import type { ProjectDoc } from '../../app/document/schema';
import { exportProject } from '../../app/export/export';
import { buildModel } from '../../main/engine/build-model';
import { printedTotal, PYTHON, tempDir, template } from './export-helpers';
import { replayInTorch } from './export-torch-replay';

/** LeNet with its second convolution separable: depth multiplier 2 and 'same' padding, the cases a layout slip would break. */
function separableLenet(): ProjectDoc {
  const doc = template('lenet-mnist');
  const conv = doc.graph.nodes.find((n) => n.name === 'conv2d_2')!;
  conv.type = 'SeparableConv2D';
  conv.params = { filters: 16, kernelSize: [5, 3], strides: [1, 1], padding: 'same', depthMultiplier: 2, activation: 'relu', useBias: true };
  return doc;
}

describe('SeparableConv2D leaves LayerLab', () => {
  it('as Keras 3 code with its depth multiplier', () => {
    const result = exportProject(separableLenet(), 'keras', { dataPackages: 'node_modules', withWeights: false });
    expect(result.ok).toBe(true);
    if (result.ok) {
      const code = result.files.map((f) => f.text).join('\n');
      expect(code).toContain('layers.SeparableConv2D(16, kernel_size=(5, 3), padding="same", activation="relu", depth_multiplier=2, name="conv2d_2")');
    }
  });

  it.skipIf(!PYTHON.python)(
    `as PyTorch with Keras's parameter count and its trained weights' predictions (${PYTHON.why || PYTHON.python})`,
    async () => {
      const doc = separableLenet();
      const work = tempDir('separable');
      const model = buildModel(tf, doc, analyzeGraph(doc.graph));
      const x = tf.randomUniform([3, 28, 28, 1], 0, 1, 'float32', 5);
      const want = (model.predict(x) as tf.Tensor).dataSync();

      const { check, compare, got } = await replayInTorch(doc, model, x, work);
      expect(check.code, check.out).toBe(0);
      expect(printedTotal(check.out)).toBe(analyzeGraph(doc.graph).totalParams);
      expect(compare.code, compare.out).toBe(0);
      expect(got.length).toBe(want.length);
      expect(got.reduce((m, v, i) => Math.max(m, Math.abs(v - want[i]!)), 0)).toBeLessThan(1e-4);
      model.dispose();
    },
    120_000,
  );
});
