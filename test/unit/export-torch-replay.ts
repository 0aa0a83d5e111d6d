import type * as tf from '@tensorflow/tfjs';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { serializeProject } from '../../app/document/load';
import type { ProjectDoc } from '../../app/document/schema';
import { prepareExport, writeExport } from '../../main/export/export-folder';
import { saveCheckpoint } from '../../main/record/checkpoint';
import { RUN_FILES } from '../../main/record/layout';
import { ROOT, runPython } from './export-helpers';

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

export interface TorchReplay {
  /** `model.py --check` of the export. */
  readonly check: { code: number | null; out: string };
  /** The script that loads the exported weights and predicts `x`. */
  readonly compare: { code: number | null; out: string };
  /** PyTorch's predictions for `x` (empty when the script failed). */
  readonly got: Float32Array;
}

/**
 * `model` recorded as the last run of `doc` in `work`, exported to PyTorch with that run's weights, checked with
 * `model.py --check`, and asked for its predictions on the one input `x`, as a person would run the export.
 */
export async function replayInTorch(doc: ProjectDoc, model: tf.LayersModel, x: tf.Tensor, work: string): Promise<TorchReplay> {
  const runDir = join(work, 'runs', 'run1');
  mkdirSync(runDir, { recursive: true });
  writeFileSync(join(runDir, RUN_FILES.snapshot), serializeProject(doc));
  await saveCheckpoint(model, runDir, 'last', 1);
  const pt = join(work, 'pytorch');
  await writeExport(await prepareExport({ doc, target: 'pytorch', root: ROOT, runsDir: join(work, 'runs'), run: 'last' }), pt);
  const check = runPython(['model.py', '--check'], pt);
  writeFileSync(join(work, 'x.bin'), Buffer.from((x.dataSync() as Float32Array).buffer));
  writeFileSync(join(work, 'spec.json'), JSON.stringify({ x: join(work, 'x.bin'), shape: x.shape, out: join(work, 'out.bin') }));
  writeFileSync(join(work, 'compare.py'), COMPARE_PY);
  const compare = runPython(['compare.py', pt, join(work, 'spec.json')], work);
  const b = compare.code === 0 ? readFileSync(join(work, 'out.bin')) : Buffer.alloc(0);
  return { check, compare, got: new Float32Array(b.buffer, b.byteOffset, b.length / 4) };
}
