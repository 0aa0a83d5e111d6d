import type * as tfjs from '@tensorflow/tfjs';
import { sourceSummarySchema, type SourceSummary } from '../../app/transfer/summary';
import { UserError } from '../user-error';

type Dims = readonly (number | null)[];

function outputDims(layer: tfjs.layers.Layer): Dims {
  const shape = layer.outputShape;
  const first = Array.isArray(shape[0]) ? shape[0] : (shape as (number | null)[]);
  return first.slice(1);
}

function count(weights: readonly tfjs.LayerVariable[]): number {
  return weights.reduce((s, w) => s + w.shape.reduce((n: number, d) => n * (d ?? 0), 1), 0);
}

/** The layer list the node's params carry (names, classes, output shapes, counts, inbound layers), from a loaded model. */
export function summarizeModel(model: tfjs.LayersModel): SourceSummary {
  const input = model.inputs[0];
  if (model.inputs.length !== 1 || !input) throw new UserError('A pretrained model with several inputs cannot be used as one node yet.');
  const layers = model.layers.map((l) => ({
    name: l.name,
    className: l.getClassName(),
    outputShape: [...outputDims(l)],
    params: l.countParams(),
    nonTrainable: count(l.nonTrainableWeights),
    inbound: [...new Set(l.inboundNodes.flatMap((n) => n.inboundLayers.map((x) => x.name)))],
  }));
  const parsed = sourceSummarySchema.safeParse({ inputShape: input.shape.slice(1), layers });
  if (!parsed.success) throw new UserError(`The model cannot be summarized: ${parsed.error.issues[0]?.message ?? 'unexpected layout'}.`);
  return parsed.data;
}
