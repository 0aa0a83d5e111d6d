import type * as tfjs from '@tensorflow/tfjs';
import type { Shape, Tf } from '../../../app/layers/types';
import { perExample, type TrainingData } from '../../data/training-data';

/** Examples per forward pass: big enough to keep the backend busy, small enough to stay a few MB. */
const BATCH = 256;

/** The model's first output for every example, flat (`count × per`), computed a batch at a time so memory stays flat. */
export async function predictAll(
  tf: Tf,
  model: tfjs.LayersModel,
  data: TrainingData,
  inputShapes: readonly Shape[],
): Promise<{ values: Float32Array; per: number }> {
  const outShape = (Array.isArray(model.outputs) ? model.outputs[0]! : model.outputs).shape.slice(1) as number[];
  const per = outShape.reduce((a, d) => a * d, 1);
  const values = new Float32Array(data.count * per);
  const sizes = data.inputs.map(perExample);
  for (let from = 0; from < data.count; from += BATCH) {
    const n = Math.min(BATCH, data.count - from);
    const out = tf.tidy(() => {
      const xs = data.inputs.map((c, k) =>
        tf.tensor(
          c.data.subarray(from * sizes[k]!, (from + n) * sizes[k]!),
          [n, ...(inputShapes[k] as number[])],
          c.data instanceof Int32Array ? 'int32' : 'float32',
        ),
      );
      const y = model.predict(xs.length === 1 ? xs[0]! : xs);
      return (Array.isArray(y) ? y[0]! : y).reshape([n * per]);
    });
    // Read asynchronously: a synchronous read throws on the webgpu backend.
    values.set(await out.data(), from * per);
    out.dispose();
  }
  return { values, per };
}
