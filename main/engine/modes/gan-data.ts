import type { Task } from '../../../app/data/spec';
import type { GanPlan } from '../../../app/training/gan';
import type { TrainingData } from '../../data/training-data';

/** Standard normal draws from a 0–1 generator (Box–Muller, both halves used). */
export function gaussians(count: number, rand: () => number): Float32Array {
  const out = new Float32Array(count);
  for (let i = 0; i < count; i += 2) {
    const r = Math.sqrt(-2 * Math.log(Math.max(rand(), 1e-12)));
    const a = 2 * Math.PI * rand();
    out[i] = r * Math.cos(a);
    if (i + 1 < count) out[i + 1] = r * Math.sin(a);
  }
  return out;
}

/**
 * The clean images of a dataset split, scaled to the generator's output range so real and fake
 * differ only in content, never in range: tanh → −1…1, sigmoid → 0…1 (datasets give 0–1).
 * An autoencoder objective's inputs may be noisy; its targets are the clean images.
 */
export function realImages(data: TrainingData, task: Task, activation: GanPlan['activation']): Float32Array {
  const column = task === 'reconstruction' ? data.target : data.inputs[0]!;
  const src = column.data;
  const out = new Float32Array(src.length);
  if (activation === 'tanh') for (let i = 0; i < src.length; i++) out[i] = src[i]! * 2 - 1;
  else out.set(src);
  return out;
}

/** Maps a generated value back to 0–1 for a picture. */
export const toPixel = (activation: GanPlan['activation']) => (activation === 'tanh' ? (v: number) => (v + 1) / 2 : (v: number) => v);
