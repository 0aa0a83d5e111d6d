import type * as tfjs from '@tensorflow/tfjs';
import type { z } from 'zod';
import type { KerasEmitter, PytorchEmitter } from './emit-types';

/** The tfjs module, passed in so that app/ never loads tfjs itself. */
export type Tf = typeof tfjs;
export type SymbolicTensor = tfjs.SymbolicTensor;

/** One dimension of a shape; null is a dimension unknown until run time. */
export type Dim = number | null;
/** A tensor shape without the batch dimension, as Keras prints it after `None`. */
export type Shape = readonly Dim[];

export type ShapeResult =
  | { ok: true; shape: Shape; /** Shapes of outputs after the first, in `outputs()` order. */ extra?: readonly Shape[] }
  | { ok: false; message: string; fix?: string; handle?: string };

export type LayerCategory =
  'Input' | 'Core' | 'Activation' | 'Convolution' | 'Pooling' | 'Normalization' | 'Regularization' | 'Reshape' | 'Merge' | 'Recurrent' | 'Attention';

/** A named input handle. Most layers have one, called `input`. */
export interface InputHandle {
  readonly name: string;
  readonly label: string;
  /** May be left unconnected (e.g. MultiHeadAttention's `key`, which defaults to `value`). */
  readonly optional?: boolean;
  /** Takes several connections, in the order they were made (merge layers). */
  readonly multiple?: boolean;
}

/** A layer's config as a saved Keras or TF.js model holds it (snake_case keys), read by app/import. */
export type KerasConfig = Readonly<Record<string, unknown>>;

/** Params read back from a Keras config, or why this configuration has no LayerLab equivalent. */
export type FromKerasResult = Record<string, unknown> | { readonly error: string };

/** The name of a layer's first (and usually only) output handle. */
export const MAIN_OUTPUT = 'output';

/** The card a learner reads when they select a layer. */
export interface Explanation {
  readonly what: string;
  readonly formula?: string;
  readonly shapes: string;
  readonly when: string;
}

export interface LayerDef<S extends z.ZodObject = z.ZodObject> {
  /** The Keras class name; it is also the node type in a document. */
  readonly type: string;
  readonly category: LayerCategory;
  /** One line for the palette tooltip. */
  readonly summary: string;
  readonly explain: Explanation;
  /** Params with defaults; keys are Keras config keys in tfjs camelCase. */
  readonly params: S;
  readonly inputs: readonly InputHandle[];
  /** Output handle names when there are several (e.g. an LSTM returning its states). Default: [MAIN_OUTPUT]. */
  outputs?(params: z.output<S>): readonly string[];
  /**
   * Output shape for the shapes arriving at `inputs`: one per connected handle in handle order,
   * every connection of a `multiple` handle, nothing for an unconnected optional handle.
   */
  outputShape(params: z.output<S>, inputs: readonly Shape[]): ShapeResult;
  /** All weights, trainable and not, as Keras counts them. */
  paramCount(params: z.output<S>, inputs: readonly Shape[]): number;
  /** The part of `paramCount` that training does not change (e.g. BatchNormalization's moving statistics). */
  nonTrainableCount?(params: z.output<S>, inputs: readonly Shape[]): number;
  /** The PyTorch module and forward code (app/export); absent: exporting a graph with this layer to PyTorch is an error naming it. */
  readonly pytorch?: PytorchEmitter<z.output<S>>;
  /** The Keras 3 functional-API call (app/export); absent: exporting to Keras is an error naming it. */
  readonly keras?: KerasEmitter<z.output<S>>;
  /**
   * Reading a saved model back (app/import). By default each param is the config key of the same name in snake_case
   * (useBias ← use_bias), since params are named after Keras's keys; this fixes the ones that differ, given the config
   * and the params read that way. The result is checked against `params` afterwards.
   */
  fromKeras?(config: KerasConfig, read: Record<string, unknown>): FromKerasResult;
  /** Other class names a saved model may give this layer (the custom tfjs class a reset-after GRU is built as). */
  readonly kerasAliases?: readonly string[];
}

export function outputNames(def: LayerDef, params: unknown): readonly string[] {
  return def.outputs ? def.outputs(params as never) : [MAIN_OUTPUT];
}

/** Declares a layer with its param types inferred from the schema. */
export function defineLayer<S extends z.ZodObject>(def: LayerDef<S>): LayerDef<S> {
  return def;
}

export function formatShape(shape: Shape): string {
  const dims = ['None', ...shape.map((d) => (d === null ? 'None' : String(d)))];
  return `(${dims.join(', ')})`;
}

export function formatDims(shape: Shape): string {
  return shape.length === 1 ? `(${shape[0] ?? 'None'},)` : `(${shape.map((d) => d ?? 'None').join(', ')})`;
}

/** The layer a wrapper (Bidirectional, TimeDistributed) saves inside its config: its class and its own config. */
export function wrappedLayer(config: KerasConfig): { readonly className: string; readonly config: KerasConfig } | null {
  const inner = config.layer;
  if (typeof inner !== 'object' || inner === null) return null;
  const { class_name: className, config: innerConfig } = inner as Record<string, unknown>;
  if (typeof className !== 'string' || typeof innerConfig !== 'object' || innerConfig === null) return null;
  return { className, config: innerConfig as KerasConfig };
}
