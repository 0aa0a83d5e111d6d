import type { SymbolicTensor, Tf } from '../types';
import { CORE_BUILDERS } from './core';
import type { LayerBuilder } from './define';
import { MERGE_BUILDERS } from './merge';
import { SEQUENCE_BUILDERS } from './sequence';
import { VISION_BUILDERS } from './vision';

/** Every layer's tfjs builder, keyed by Keras class name; app/layers/registry.ts lists the definitions they build. */
export const BUILDERS: readonly LayerBuilder[] = [...CORE_BUILDERS, ...VISION_BUILDERS, ...MERGE_BUILDERS, ...SEQUENCE_BUILDERS];

const byType = new Map(BUILDERS.map((b) => [b.type, b]));

export function getBuilder(type: string): LayerBuilder | undefined {
  return byType.get(type);
}

/** Builds a layer of `type` with parsed params; an unknown type is a programming error (the analysis refuses it first). */
export function buildLayer(tf: Tf, type: string, params: unknown, name: string, inputs: readonly SymbolicTensor[]): SymbolicTensor | readonly SymbolicTensor[] {
  const builder = byType.get(type);
  if (!builder) throw new Error(`no tfjs builder for layer type ${type}`);
  return builder.build(tf, params, name, inputs);
}
