import type * as tfjs from '@tensorflow/tfjs';
import { UserError } from '../context';

/** Copies a recorded run's weights into `model`, built from the same graph; a UserError when they no longer fit. */
export function adoptWeights(model: tfjs.LayersModel, from: tfjs.LayersModel, noun: string): void {
  const mine = model.getWeights();
  const theirs = from.getWeights();
  const same = mine.length === theirs.length && mine.every((w, i) => w.shape.join() === theirs[i]!.shape.join());
  if (!same) throw new UserError(`The ${noun} changed since that run, so its weights no longer fit. Restore the run's graph first, then continue it.`);
  model.setWeights(theirs);
}
