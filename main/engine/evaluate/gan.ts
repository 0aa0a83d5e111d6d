import type * as tfjs from '@tensorflow/tfjs';
import type { ProjectDoc } from '../../../app/document/schema';
import type { Tf } from '../../../app/layers/types';
import { seededRandom } from '../../../app/data/synthetic';
import type { EvaluationOf } from '../../../app/protocol/evaluation';
import { gridDataUrl, splitTiles } from '../images/png';
import { gaussians, toPixel } from '../modes/gan-data';
import { validateGan } from '../modes/gan';
import { buildGanNets } from '../modes/gan-step';

export const GRID = 64;
/** Interpolation: rows of steps from one latent point to another. */
const ROWS = 4;
const STEPS = 10;

/** The generator's images for latent vectors `z` (`n × latent`), as tiles for a grid. */
async function generate(
  tf: Tf,
  generator: tfjs.LayersModel,
  z: Float32Array,
  n: number,
  latent: number,
  image: readonly number[],
  activation: 'tanh' | 'sigmoid',
) {
  const out = tf.tidy(() => (generator.predict(tf.tensor2d(z, [n, latent])) as tfjs.Tensor).reshape([n, -1]));
  const values = (await out.data()) as Float32Array;
  out.dispose();
  return splitTiles(values, n, image, toPixel(activation));
}

/**
 * A GAN has no test labels to score: it is judged by looking. 64 samples from random latent points, and
 * straight lines between latent points, which a generator that learned a smooth space turns into
 * gradual changes of one digit into another (a collapsed one into the same image on every step).
 */
export async function ganResult(tf: Tf, doc: ProjectDoc, recorded: tfjs.LayersModel, seed: number): Promise<EvaluationOf<'gan'>> {
  const { analysis, plan } = validateGan(doc);
  const nets = buildGanNets(tf, doc, analysis, plan);
  try {
    const mine = nets.combined.getWeights();
    const theirs = recorded.getWeights();
    if (mine.length !== theirs.length || mine.some((w, i) => w.shape.join() !== theirs[i]!.shape.join())) {
      throw new Error("The network changed since that run, so its weights no longer fit. Restore the run's graph first.");
    }
    nets.combined.setWeights(theirs);
    const latent = (nets.generator.inputs[0]!.shape[1] as number | null) ?? 0;
    if (latent <= 0) throw new Error('The generator needs a flat latent input (shape [n]) to sample from.');
    const rand = seededRandom(seed);
    const grid = await generate(tf, nets.generator, gaussians(GRID * latent, rand), GRID, latent, plan.image, plan.activation);
    const ends = gaussians(ROWS * 2 * latent, rand);
    const z = new Float32Array(ROWS * STEPS * latent);
    for (let r = 0; r < ROWS; r++) {
      for (let s = 0; s < STEPS; s++) {
        const t = s / (STEPS - 1);
        for (let k = 0; k < latent; k++) z[(r * STEPS + s) * latent + k] = (1 - t) * ends[2 * r * latent + k]! + t * ends[(2 * r + 1) * latent + k]!;
      }
    }
    const line = await generate(tf, nets.generator, z, ROWS * STEPS, latent, plan.image, plan.activation);
    return {
      kind: 'gan',
      grid: gridDataUrl(grid.tiles, grid.tile.w, grid.tile.h, grid.tile.channels, 8),
      interpolation: gridDataUrl(line.tiles, line.tile.w, line.tile.h, line.tile.channels, STEPS),
      latentSize: latent,
    };
  } finally {
    nets.dispose();
  }
}
