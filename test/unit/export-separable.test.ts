import * as tf from '@tensorflow/tfjs';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeGraph } from '../../app/analysis/analyze';
import { serializeProject } from '../../app/document/load';
import type { ProjectDoc } from '../../app/document/schema';
import { exportProject } from '../../app/export/export';
import { buildModel } from '../../main/engine/build-model';
import { prepareExport, writeExport } from '../../main/export/export-folder';
import { saveCheckpoint } from '../../main/record/checkpoint';
import { RUN_FILES } from '../../main/record/layout';
import { printedTotal, PYTHON, ROOT, runPython, tempDir, template } from './export-helpers';

/** LeNet with its second convolution separable: depth multiplier 2 and 'same' padding, the cases a layout slip would break. */
function separableLenet(): ProjectDoc {
  const doc = template('lenet-mnist');
  const conv = doc.graph.nodes.find((n) => n.name === 'conv2d_2')!;
  conv.type = 'SeparableConv2D';
  conv.params = { filters: 16, kernelSize: [5, 3], strides: [1, 1], padding: 'same', depthMultiplier: 2, activation: 'relu', useBias: true };
  return doc;
}

const COMPARE_PY = `
import json, sys
import numpy as np
import torch
sys.path.insert(0, sys.argv[1])
from model import build_model, load_layerlab_weights
spec = json.load(open(sys.argv[2]))
model = load_layerlab_weights(build_model(), sys.argv[1] + "/weights").eval()
x = torch.from_numpy(np.fromfile(spec["x"], dtype=np.float32).reshape(spec["shape"]))
with torch.no_grad():
    model(x).numpy().astype(np.float32).tofile(spec["out"])
`;

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
      const runDir = join(work, 'runs', 'run1');
      mkdirSync(runDir, { recursive: true });
      const model = buildModel(tf, doc, analyzeGraph(doc.graph));
      writeFileSync(join(runDir, RUN_FILES.snapshot), serializeProject(doc));
      await saveCheckpoint(model, runDir, 'last', 1);
      const x = tf.randomUniform([3, 28, 28, 1], 0, 1, 'float32', 5);
      const want = (model.predict(x) as tf.Tensor).dataSync();

      const pt = join(work, 'pytorch');
      await writeExport(await prepareExport({ doc, target: 'pytorch', root: ROOT, runsDir: join(work, 'runs'), run: 'last' }), pt);
      const check = runPython(['model.py', '--check'], pt);
      expect(check.code, check.out).toBe(0);
      expect(printedTotal(check.out)).toBe(analyzeGraph(doc.graph).totalParams);

      writeFileSync(join(work, 'x.bin'), Buffer.from(x.dataSync().buffer));
      writeFileSync(join(work, 'spec.json'), JSON.stringify({ x: join(work, 'x.bin'), shape: x.shape, out: join(work, 'out.bin') }));
      writeFileSync(join(work, 'compare.py'), COMPARE_PY);
      const r = runPython(['compare.py', pt, join(work, 'spec.json')], work);
      expect(r.code, r.out).toBe(0);
      const b = readFileSync(join(work, 'out.bin'));
      const got = new Float32Array(b.buffer, b.byteOffset, b.length / 4);
      expect(got.length).toBe(want.length);
      expect(got.reduce((m, v, i) => Math.max(m, Math.abs(v - want[i]!)), 0)).toBeLessThan(1e-4);
      model.dispose();
    },
    120_000,
  );
});
