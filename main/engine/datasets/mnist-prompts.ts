import { PATCHES, promptFor, tokenisePrompt, PROMPT_LENGTH, type Level } from '../../../app/data/prompts';
import { seededRandom } from '../../../app/data/synthetic';
import type { TrainingData } from '../../data/training-data';
import type { Images } from './mnist';

const SIDE = 28;

/** Ink (thickness), bounding-box height (size) and shear (slant) of one 28×28 digit, measured from its pixels. */
export function measureDigit(pixels: Float32Array, offset = 0): { ink: number; height: number; slant: number } {
  let mass = 0;
  let sx = 0;
  let sy = 0;
  let top = SIDE;
  let bottom = -1;
  for (let y = 0; y < SIDE; y++) {
    for (let x = 0; x < SIDE; x++) {
      const v = pixels[offset + y * SIDE + x]!;
      if (v <= 0) continue;
      mass += v;
      sx += v * x;
      sy += v * y;
      if (v > 0.3) {
        top = Math.min(top, y);
        bottom = Math.max(bottom, y);
      }
    }
  }
  if (mass === 0) return { ink: 0, height: 0, slant: 0 };
  const [mx, my] = [sx / mass, sy / mass];
  let cxy = 0;
  let cyy = 0;
  for (let y = 0; y < SIDE; y++) {
    for (let x = 0; x < SIDE; x++) {
      const v = pixels[offset + y * SIDE + x]!;
      if (v <= 0) continue;
      cxy += v * (x - mx) * (y - my);
      cyy += v * (y - my) * (y - my);
    }
  }
  // Handwriting leans right when x shrinks as y grows (image rows run downwards): shear = −cov(x, y) / var(y).
  return { ink: mass / (SIDE * SIDE), height: bottom >= top ? bottom - top + 1 : 0, slant: cyy > 0 ? -cxy / cyy : 0 };
}

/** Each value's third within its own class (0 lowest, 2 highest), so "thick" means thick for that digit. */
function tertiles(values: Float64Array, labels: Int32Array): Level[] {
  const levels: Level[] = new Array<Level>(values.length).fill(1);
  for (let digit = 0; digit < 10; digit++) {
    const members = [];
    for (let i = 0; i < labels.length; i++) if (labels[i] === digit) members.push(i);
    members.sort((a, b) => values[a]! - values[b]!);
    members.forEach((i, rank) => (levels[i] = rank < members.length / 3 ? 0 : rank >= (2 * members.length) / 3 ? 2 : 1));
  }
  return levels;
}

/**
 * MNIST as a text-to-image task: inputs are a prompt made from each digit's label and its measured
 * attributes ("a thick tilted seven"; each remarkable attribute is named with probability 0.7, so the
 * same digit is described several ways) and the 16 patch ids of the 4×4 output grid; the target is the image.
 */
export function promptDataset(images: Images, seed: number, limit = 0): TrainingData & { readonly prompts: readonly string[] } {
  const count = limit > 0 ? Math.min(limit, images.count) : images.count;
  const per = SIDE * SIDE;
  const ink = new Float64Array(count);
  const height = new Float64Array(count);
  const slant = new Float64Array(count);
  for (let i = 0; i < count; i++) {
    const m = measureDigit(images.x, i * per);
    ink[i] = m.ink;
    height[i] = m.height;
    slant[i] = Math.abs(m.slant);
  }
  const labels = images.labels.subarray(0, count);
  const [thick, size, tilt] = [tertiles(ink, labels), tertiles(height, labels), tertiles(slant, labels)];
  const rand = seededRandom(seed);
  const tokens = new Int32Array(count * PROMPT_LENGTH);
  const patches = new Int32Array(count * PATCHES);
  const prompts: string[] = [];
  for (let i = 0; i < count; i++) {
    const prompt = promptFor(labels[i]!, { thickness: thick[i]!, size: size[i]!, slant: tilt[i]! }, () => rand() < 0.7);
    prompts.push(prompt);
    tokens.set(tokenisePrompt(prompt).ids, i * PROMPT_LENGTH);
    for (let p = 0; p < PATCHES; p++) patches[i * PATCHES + p] = p;
  }
  return {
    inputs: [
      { data: tokens, shape: [PROMPT_LENGTH] },
      { data: patches, shape: [PATCHES] },
    ],
    target: { data: images.x.subarray(0, count * per), shape: [SIDE, SIDE, 1] },
    count,
    prompts,
  };
}
