import type * as tfjs from '@tensorflow/tfjs';
import type { Analysis } from '../../app/analysis/types';
import type { ProjectDoc } from '../../app/document/schema';
import type { Tf } from '../../app/layers/types';
import type { LossChoice } from '../../app/training/loss';
import { buildModel } from './compile';
import { UserError } from './context';
import { lossFor, metricsFor } from './metrics';
import { groupedOptimizer, rateGroups } from './layer-rates';

export interface Compiled {
  readonly model: tfjs.LayersModel;
  readonly optimizer: tfjs.Optimizer;
}

/** Copies weights from a recorded run into a model built from the same graph. */
function adoptWeights(model: tfjs.LayersModel, from: tfjs.LayersModel): void {
  const mine = model.getWeights();
  const theirs = from.getWeights();
  const same = mine.length === theirs.length && mine.every((w, i) => w.shape.join() === theirs[i]!.shape.join());
  if (!same) throw new UserError("The network changed since that run, so its weights no longer fit. Restore the run's graph first, then continue it.");
  model.setWeights(theirs);
}

/** Builds the model, optionally loads earlier weights, freezes layers, and compiles it. */
export function compileModel(tf: Tf, doc: ProjectDoc, analysis: Analysis, loss: LossChoice, earlier?: tfjs.LayersModel): Compiled {
  const model = buildModel(tf, doc, analysis);
  if (earlier) adoptWeights(model, earlier);
  for (const node of doc.graph.nodes) if (!node.trainable) model.getLayer(node.name).trainable = false;
  const optimizer = groupedOptimizer(tf, doc.training, rateGroups(model, doc));
  model.compile({ optimizer, loss: lossFor(tf, loss), metrics: metricsFor(tf, doc.training.metrics, loss, doc.training.topK) });
  return { model, optimizer };
}
