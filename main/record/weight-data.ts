import type * as tfjs from '@tensorflow/tfjs';
import { concatBytes } from '../../app/format/concat';

/**
 * tfjs may hand weights over as shards; a checkpoint file (and a compute frame) holds them back to back, as
 * the manifest's one path says. No Node here: the browser's compute worker uses it too.
 */
export function joinBuffers(data: tfjs.io.WeightData | undefined): Uint8Array {
  if (!data) return new Uint8Array(0);
  return concatBytes((Array.isArray(data) ? data : [data]).map((b) => new Uint8Array(b)));
}
