import type * as tfjs from '@tensorflow/tfjs';
import type { Analysis } from '../../app/analysis/types';
import type { ProjectDoc } from '../../app/document/schema';
import type { Tf } from '../../app/layers/types';
import type { LossChoice } from '../../app/training/loss';
import { buildModel, freezeLayers } from './build-model';
import { lossFor, metricsFor } from './metrics';
import { groupedOptimizer, rateGroups } from './layer-rates';
import { adoptWeights } from './run/weights';

export interface Compiled {
  readonly model: tfjs.LayersModel;
  readonly optimizer: tfjs.Optimizer;
}

/** Builds the model, optionally loads earlier weights, freezes layers, and compiles it. */
export function compileModel(tf: Tf, doc: ProjectDoc, analysis: Analysis, loss: LossChoice, earlier?: tfjs.LayersModel): Compiled {
  const model = buildModel(tf, doc, analysis);
  // Before freezing: getWeights lists trainable weights first, so freezing would reorder them.
  if (earlier) adoptWeights(model, earlier, 'network');
  freezeLayers(model, doc);
  const optimizer = groupedOptimizer(tf, doc.training, rateGroups(model, doc));
  model.compile({ optimizer, loss: lossFor(tf, loss), metrics: metricsFor(tf, doc.training.metrics, loss, doc.training.topK) });
  return { model, optimizer };
}
