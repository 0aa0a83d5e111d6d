import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadDataset } from '../main/engine/datasets';
import { splitData } from '../main/data/split';
import { BATCH, benchDocument, type ModelId } from './models';

const dtype = (a: Float32Array | Int32Array) => (a instanceof Int32Array ? 'int32' : 'float32');

/**
 * Writes the training examples the engine would train `model` on (its own loaders and split)
 * as raw little-endian arrays plus a JSON description, for bench/torch/train.py to read: both
 * sides train on the same batches.
 */
export async function writeBatches(dir: string, model: ModelId, batches: number): Promise<void> {
  const doc = benchDocument(model);
  const data = await loadDataset(doc.data, 0);
  const { train } = splitData(data, 0, doc.data.seed, doc.data.limit);
  const count = Math.min(train.count, batches * BATCH);
  const input = train.inputs[0]!;
  const per = input.shape.reduce((a, d) => a * d, 1);
  const targetPer = train.target.shape.reduce((a, d) => a * d, 1);
  const x = input.data.subarray(0, count * per);
  const y = train.target.data.subarray(0, count * targetPer);
  writeFileSync(join(dir, `${model}.x.bin`), Buffer.from(x.buffer, x.byteOffset, x.byteLength));
  writeFileSync(join(dir, `${model}.y.bin`), Buffer.from(y.buffer, y.byteOffset, y.byteLength));
  const meta = {
    x: { dtype: dtype(input.data), shape: [count, ...input.shape] },
    y: { dtype: dtype(train.target.data), shape: [count, ...train.target.shape] },
    batchSize: BATCH,
    learningRate: doc.training.learningRate,
  };
  writeFileSync(join(dir, `${model}.json`), JSON.stringify(meta));
}
