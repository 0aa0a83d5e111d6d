import type * as tfjs from '@tensorflow/tfjs';

/** Type-only names for what custom layers touch, derived from the public tfjs types (no deep imports). */
export type Tensor = tfjs.Tensor;
export type LayerVariable = tfjs.LayerVariable;
export type Kwargs = Parameters<tfjs.layers.Layer['call']>[1];
export type LayerArgs = NonNullable<ConstructorParameters<typeof tfjs.layers.Layer>[0]>;
export type RnnArgs = ConstructorParameters<typeof tfjs.RNN>[0];
export type ConfigDict = tfjs.serialization.ConfigDict;
export type LayerShape = (number | null)[];
export type ActivationName = NonNullable<Parameters<typeof tfjs.layers.activation>[0]>['activation'];

/** Creates a weight on the layer being built; `addWeight` is protected, so each class hands its own in. */
export type AddWeight = (name: string, shape: number[], init: 'glorotUniform' | 'zeros' | 'ones' | 'uniform' | 'orthogonal') => LayerVariable;

/** True when a layer received several input shapes (a list of shapes rather than one shape). */
export function isShapeList(shape: LayerShape | LayerShape[]): shape is LayerShape[] {
  return Array.isArray(shape[0]);
}

/**
 * A custom layer class as its factory returns it. Declaration files cannot name a class defined inside
 * a function (its private tfjs members leak into the inferred type), so the factories' public face is
 * named here: constructible from its args, registered under its class name.
 */
export interface CustomLayerClass<A, L extends tfjs.layers.Layer = tfjs.layers.Layer> {
  new (args: A): L;
  readonly prototype: L;
  readonly className: string;
}
