import * as tf from '@tensorflow/tfjs';
import { buildLayer } from '../../app/layers/builders/registry';
import { fieldsOf } from '../../app/layers/fields';
import type { LayerDef, Shape } from '../../app/layers/types';
import { seedRandomness } from '../../main/engine/seed';

/**
 * The cases the "trains on <backend>" tests run every layer of the catalog through. Cases are derived from the
 * registry: a base config per layer (below, or found by trying common shapes for a new layer),
 * then one variant per other value of each choice param (padding, interpolation, mergeMode, …).
 */
export interface Case {
  readonly params: Record<string, unknown>;
  readonly inputs: readonly Shape[];
  /** Inputs are token ids below this vocabulary size. */
  readonly vocab?: number;
}

const c = (params: Record<string, unknown>, ...inputs: Shape[]): Case => ({ params, inputs });
const ids = (vocab: number, params: Record<string, unknown>, length: number): Case => ({ params, inputs: [[length]], vocab });

/** Small configs, from the layer tests; several per layer where strides or wiring change the kernels used. */
const BASE: Record<string, readonly Case[]> = {
  InputLayer: [c({ shape: [4] })],
  Dense: [c({ units: 3 }, [4]), c({ units: 3 }, [3, 4])],
  Activation: [c({}, [4])],
  Dropout: [c({ rate: 0.3 }, [4])],
  Flatten: [c({}, [3, 4])],
  Reshape: [c({ targetShape: [2, 3] }, [6])],
  Conv1D: [c({ filters: 3, kernelSize: [3] }, [8, 2]), c({ filters: 3, kernelSize: [3], strides: [2] }, [9, 2])],
  Conv2D: [c({ filters: 3 }, [7, 7, 2]), c({ filters: 3, strides: [2, 2] }, [8, 8, 2]), c({ filters: 2, dilationRate: [2, 2] }, [8, 8, 2])],
  Conv2DTranspose: [c({ filters: 3 }, [4, 4, 2]), c({ filters: 3, strides: [2, 2] }, [4, 4, 2])],
  SeparableConv2D: [
    c({ filters: 3 }, [7, 7, 2]),
    c({ filters: 3, strides: [2, 2], depthMultiplier: 2 }, [8, 8, 2]),
    c({ filters: 2, dilationRate: [2, 2] }, [9, 9, 2]),
  ],
  MaxPooling1D: [c({}, [8, 3]), c({ poolSize: [3], strides: [1] }, [8, 3])],
  MaxPooling2D: [c({}, [6, 6, 2]), c({ poolSize: [3, 3], strides: [2, 2] }, [7, 7, 2])],
  AveragePooling1D: [c({}, [8, 3])],
  AveragePooling2D: [c({}, [6, 6, 2]), c({ poolSize: [3, 3], strides: [1, 1] }, [5, 5, 2])],
  GlobalAveragePooling1D: [c({}, [6, 3])],
  GlobalAveragePooling2D: [c({}, [5, 5, 2])],
  GlobalMaxPooling1D: [c({}, [6, 3])],
  GlobalMaxPooling2D: [c({}, [5, 5, 2])],
  BatchNormalization: [c({}, [5]), c({}, [4, 4, 2])],
  LayerNormalization: [c({}, [5, 3]), c({ axis: 1 }, [5, 3])],
  SpatialDropout1D: [c({}, [6, 3])],
  GaussianNoise: [c({}, [4])],
  UpSampling2D: [c({}, [3, 3, 2]), c({ size: [3, 1] }, [3, 3, 2])],
  ZeroPadding2D: [c({ padding: [1, 2, 0, 1] }, [3, 3, 2])],
  Cropping2D: [c({ cropping: [1, 1, 0, 2] }, [5, 5, 2])],
  Permute: [c({}, [3, 4]), c({ dims: [3, 1, 2] }, [2, 3, 4])],
  RepeatVector: [c({ n: 3 }, [4])],
  TimeDistributed: [c({ units: 3 }, [5, 4])],
  Concatenate: [c({}, [4], [3]), c({ axis: 1 }, [2, 4], [3, 4])],
  Add: [c({}, [4], [4], [4])],
  Subtract: [c({}, [4], [4])],
  Multiply: [c({}, [4], [4])],
  Average: [c({}, [4], [4])],
  Maximum: [c({}, [4], [4])],
  Embedding: [ids(20, { inputDim: 20, outputDim: 4 }, 5)],
  SimpleRNN: [c({ units: 4 }, [5, 3]), c({ units: 4 }, [5, 3], [4])],
  LSTM: [c({ units: 4 }, [5, 3]), c({ units: 4 }, [5, 3], [4], [4])],
  GRU: [c({ units: 4 }, [5, 3]), c({ units: 4 }, [5, 3], [4])],
  Bidirectional: [c({ units: 4 }, [5, 3])],
  MultiHeadAttention: [c({ numHeads: 2, keyDim: 4, dropout: 0.1 }, [5, 8], [5, 8]), c({ numHeads: 2, keyDim: 4, valueDim: 3 }, [5, 8], [6, 4], [6, 2])],
  TokenAndPositionEmbedding: [ids(20, { vocabularySize: 20, sequenceLength: 6, embeddingDim: 4 }, 6)],
  PositionEmbedding: [c({ sequenceLength: 6 }, [6, 4])],
  SinePositionEncoding: [c({}, [6, 4])],
  TransformerEncoder: [c({ intermediateDim: 8, numHeads: 2, dropout: 0.1 }, [5, 4])],
  TransformerDecoder: [c({ intermediateDim: 8, numHeads: 2 }, [5, 4]), c({ intermediateDim: 8, numHeads: 2 }, [5, 4], [6, 4])],
};

/** Shapes tried for a layer without a base case, so a new layer is covered before anyone writes one. */
const PROBE_SHAPES: Shape[][] = [
  [[4]],
  [[6, 4]],
  [[6, 6, 2]],
  [[4], [4]],
  [
    [6, 4],
    [6, 4],
  ],
];

function baseCases(def: LayerDef): readonly Case[] {
  const known = BASE[def.type];
  if (known) return known;
  const found = PROBE_SHAPES.find((inputs) => def.outputShape(def.params.parse({}), inputs).ok);
  return found ? [c({}, ...found)] : [];
}

/** The base cases, then each other value of each enum or boolean param (activations only on Activation). */
export function cases(def: LayerDef): Case[] {
  const base = baseCases(def);
  const out = [...base];
  const first = base[0];
  if (!first) return out;
  const current = def.params.parse(first.params);
  for (const field of fieldsOf(def.params)) {
    if (field.key === 'activation' && def.type !== 'Activation') continue;
    const values = field.kind === 'enum' ? field.options : field.kind === 'boolean' ? [true, false] : [];
    for (const v of values) if (v !== current[field.key]) out.push({ ...first, params: { ...first.params, [field.key]: v } });
  }
  return out.filter((k) => def.outputShape(def.params.parse(k.params), k.inputs).ok);
}

export const label = (def: LayerDef, k: Case) => `${def.type} ${JSON.stringify(k.params)} on ${JSON.stringify(k.inputs)}`;

/**
 * Input → Dense → layer → Dense, its output trained to noise: the Dense in front makes gradients flow back
 * through the layer, the one behind gives every case a trainable weight (SinePositionEncoding has none).
 */
export function build(def: LayerDef, k: Case): tf.LayersModel {
  const inputs = def.type === 'InputLayer' ? [] : k.inputs.map((s) => tf.input({ shape: [...s] as number[] }));
  const fed = inputs.map((x, i) => (k.vocab ? x : (tf.layers.dense({ units: k.inputs[i]!.at(-1)! }).apply(x) as tf.SymbolicTensor)));
  const built = buildLayer(tf, def.type, def.params.parse(k.params), `${def.type.toLowerCase()}_w`, fed);
  const out = (Array.isArray(built) ? built[0] : built) as tf.SymbolicTensor;
  const head = tf.layers.dense({ units: 2 }).apply(out) as tf.SymbolicTensor;
  return tf.model({ inputs: def.type === 'InputLayer' ? [out] : inputs, outputs: head });
}

export function batch(def: LayerDef, k: Case, n: number): tf.Tensor[] {
  const shapes = def.type === 'InputLayer' ? [k.params.shape as number[]] : k.inputs.map((s) => s as number[]);
  return shapes.map((s) => (k.vocab ? tf.randomUniform([n, ...s], 0, k.vocab, 'int32') : tf.randomNormal([n, ...s], 0, 1, 'float32', 3)));
}

/**
 * Layers whose cpu gradient is itself wrong on a batch of several examples, so they are compared
 * on one: tfjs-backend-cpu 4.22's ResizeNearestNeighborGrad (UpSampling2D) adds the second
 * example's dY in at the wrong offsets (wasm's is right).
 */
export const CPU_WRONG_ON_BATCHES = new Set(['UpSampling2D']);

/** Loss and the gradient of every trainable weight, from `weights` (drawn here when null), on the current backend. */
export async function gradients(def: LayerDef, k: Case, weights: Float32Array[] | null): Promise<{ values: Float32Array[]; weights: Float32Array[] }> {
  seedRandomness(13);
  const model = build(def, k);
  if (weights) model.setWeights(model.getWeights().map((w, i) => tf.tensor(weights[i]!, w.shape)));
  // Read asynchronously: webgpu in Node has no synchronous read.
  const start = weights ?? (await Promise.all(model.getWeights().map(async (w) => Float32Array.from(await w.data()))));
  const xs = batch(def, k, CPU_WRONG_ON_BATCHES.has(def.type) ? 1 : 3);
  const y = tf.randomNormal((model.predict(xs) as tf.Tensor).shape, 0, 1, 'float32', 5);
  const vars = model.trainableWeights.map((w) => w.read() as tf.Variable);
  const { value, grads } = tf.variableGrads(() => tf.losses.meanSquaredError<tf.Tensor, tf.Scalar>(y, model.apply(xs, { training: true }) as tf.Tensor), vars);
  // A weight the loss does not reach (e.g. a Bidirectional half that only sees padding) has no gradient: zeros.
  const values = await Promise.all([value, ...vars.map((v) => grads[v.name] ?? tf.zerosLike(v))].map(async (t) => Float32Array.from(await t.data())));
  tf.dispose([value, ...Object.values(grads), ...xs, y]);
  model.dispose();
  return { values, weights: start };
}

/**
 * Worst error over the loss and the gradients, each relative to its largest cpu value, but at
 * least a thousandth of the case's largest: some gradients are zero in exact arithmetic (a bias
 * before a normalisation, the key bias of attention), and their rounding noise is no signal.
 */
export function worstError(cpu: Float32Array[], wasm: Float32Array[]): number {
  const overall = Math.max(1e-6, ...cpu.flatMap((a) => Array.from(a, Math.abs)));
  return Math.max(
    ...cpu.map((a, i) => {
      const scale = Math.max(overall * 1e-3, ...Array.from(a, Math.abs));
      return Math.max(0, ...Array.from(a, (v, j) => Math.abs(v - wasm[i]![j]!) / scale));
    }),
  );
}
