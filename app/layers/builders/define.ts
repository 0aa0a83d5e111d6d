import type { z } from 'zod';
import type { LayerDef, SymbolicTensor, Tf } from '../types';

/**
 * How one layer becomes tfjs: kept apart from its definition so that whatever imports the definitions (the
 * renderer above all) never pulls in tfjs layer code. Only the engine and tests import builders.
 */
export interface LayerBuilder {
  /** The Keras class name of the definition this builds. */
  readonly type: string;
  /** Builds the layer and applies it to the symbolic inputs (ordered as for `outputShape`); one tensor per output. */
  build(tf: Tf, params: unknown, name: string, inputs: readonly SymbolicTensor[]): SymbolicTensor | readonly SymbolicTensor[];
}

type Build<P> = (tf: Tf, params: P, name: string, inputs: readonly SymbolicTensor[]) => SymbolicTensor | readonly SymbolicTensor[];

/** A builder for `def`, its params typed from the definition's schema (the caller passes them parsed). */
export function defineBuilder<S extends z.ZodObject>(def: LayerDef<S>, build: Build<z.output<S>>): LayerBuilder {
  return { type: def.type, build: (tf, params, name, inputs) => build(tf, params as z.output<S>, name, inputs) };
}

export function single(inputs: readonly SymbolicTensor[]): SymbolicTensor {
  const [first] = inputs;
  if (!first) throw new Error('layer built without its input');
  return first;
}
