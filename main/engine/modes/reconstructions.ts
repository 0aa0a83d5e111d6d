import type * as tfjs from '@tensorflow/tfjs';
import type { Tf } from '../../../app/layers/types';
import type { SampleImage } from '../../../app/protocol/runs';
import { gridDataUrl, splitTiles } from '../images/png';

const product = (dims: readonly number[]) => dims.reduce((a, d) => a * d, 1);

function sameValues(a: Float32Array, b: Float32Array, length: number): boolean {
  if (a === b) return true;
  for (let i = 0; i < length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** The model's output for `count` examples, flattened; the input is laid out as the model's Input expects (784 or 28×28×1). */
async function predictFlat(tf: Tf, model: tfjs.LayersModel, inputs: Float32Array, count: number, per: number): Promise<Float32Array> {
  const declared = model.inputs[0]?.shape.slice(1) ?? [];
  const inputShape = declared.every((d): d is number => typeof d === 'number') && product(declared) === per ? declared : [per];
  const out = tf.tidy(() => {
    const x = tf.tensor(inputs.subarray(0, count * per), [count, ...inputShape], 'float32');
    const y = model.predict(x);
    return (Array.isArray(y) ? y[0]! : y).reshape([count, -1]);
  });
  try {
    // Asynchronous: WebGPU in Node has no synchronous read.
    const flat = (await out.data()) as Float32Array;
    if (flat.length !== count * per) throw new Error(`the model outputs ${flat.length / count} values per example; the image has ${per}`);
    return flat;
  } finally {
    out.dispose();
  }
}

/**
 * One picture of what an autoencoder does now: a row of inputs (noisy ones when denoising), the
 * row of reconstructions, and the clean targets (left out when they equal the inputs). Values are
 * 0–1 images of `shape` [h, w, c]; `inputs` and `targets` hold at least one example each.
 */
export async function reconstructionSamples(
  tf: Tf,
  model: tfjs.LayersModel,
  inputs: Float32Array,
  targets: Float32Array,
  shape: readonly number[],
  n = 8,
): Promise<SampleImage[]> {
  const per = product(shape);
  const count = Math.min(n, Math.floor(inputs.length / per), Math.floor(targets.length / per));
  if (count < 1) return [];
  const outputs = await predictFlat(tf, model, inputs, count, per);
  const denoising = !sameValues(inputs, targets, count * per);
  const rows = denoising ? [inputs, outputs, targets] : [inputs, outputs];
  const parts = rows.map((values) => splitTiles(values, count, shape));
  const { tile } = parts[0]!;
  const png = gridDataUrl(
    parts.flatMap((p) => p.tiles),
    tile.w,
    tile.h,
    tile.channels,
    count,
  );
  const caption = denoising ? 'Top: noisy inputs · middle: reconstructions · bottom: clean targets' : 'Top: inputs · bottom: reconstructions';
  return [{ png, caption }];
}
