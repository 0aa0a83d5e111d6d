import type * as tfjs from '@tensorflow/tfjs';
import { preprocessWeights } from '../../transfer/preprocess';
import { sourceKey, type PretrainedSource } from '../../transfer/sources';
import { pretrainedPlan, type PretrainedParams } from '../../transfer/plan';
import { single } from '../builders/define';
import type { SymbolicTensor, Tf } from '../types';

/**
 * Loaded source models by `sourceKey`. Loading is asynchronous and building is not, so the engine loads every
 * source a document names (main/engine/pretrained.ts) before it builds the model.
 */
const loaded = new Map<string, tfjs.LayersModel>();

export function providePretrained(source: PretrainedSource, model: tfjs.LayersModel): void {
  loaded.set(sourceKey(source), model);
}

export function hasPretrained(source: PretrainedSource): boolean {
  return loaded.has(sourceKey(source));
}

/** The fixed 1×1 convolution that turns 0–1 pixels into what the source was trained on. */
function preprocess(tf: Tf, p: PretrainedParams, name: string, x: SymbolicTensor): SymbolicTensor {
  if (p.preprocess === 'none') return x;
  const { kernel, bias } = preprocessWeights(p.preprocess);
  const conv = tf.layers.conv2d({ filters: 3, kernelSize: 1, name: `${name}_preprocess`, trainable: false });
  const out = conv.apply(x) as SymbolicTensor;
  conv.setWeights([tf.tensor4d(kernel, [1, 1, 3, 3]), tf.tensor1d(bias)]);
  return out;
}

/**
 * Each build gets layers of its own, with the loaded weights copied in: the engine builds more than once (a
 * probe on another backend, a rebuild after it), and disposing one model must not dispose another's layers.
 */
function freshCopy(tf: Tf, source: tfjs.LayersModel): tfjs.LayersModel {
  // fastWeightInit: skip random initialisation, since every weight is overwritten at once.
  const copy = tf.LayersModel.fromConfig(tf.LayersModel, source.getConfig(), {}, true) as tfjs.LayersModel;
  copy.setWeights(source.getWeights());
  return copy;
}

/** The source's layers up to the cut, as one nested model applied to the node's input, frozen as chosen. */
export function buildPretrained(tf: Tf, p: PretrainedParams, name: string, inputs: readonly SymbolicTensor[]): SymbolicTensor {
  const plan = pretrainedPlan(p);
  if (!plan.ok) throw new Error(plan.message);
  const loadedSource = loaded.get(sourceKey(p.source));
  if (!loadedSource) throw new Error(`pretrained source ${sourceKey(p.source)} was not loaded before building`);
  const source = freshCopy(tf, loadedSource);
  const cut = tf.model({ inputs: source.inputs, outputs: source.getLayer(plan.cut).output, name });
  for (const layer of cut.layers) layer.trainable = plan.trainable.has(layer.name);
  return cut.apply(preprocess(tf, p, name, single(inputs))) as SymbolicTensor;
}
