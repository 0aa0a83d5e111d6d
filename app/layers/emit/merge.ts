import type { EmitNode, PytorchLayer } from '../emit-types';
import { assign } from './python';

/**
 * Element-wise merges. PyTorch broadcasts from the last axis, Keras lifts a lower-rank input right after the batch
 * axis; they agree when every input has the same rank, the only case written here.
 */
export function mergeEmitter(node: EmitNode<unknown>, combine: (inputs: readonly string[]) => string): PytorchLayer | { error: string } {
  const ranks = new Set(node.inputShapes.map((s) => s.length));
  if (ranks.size > 1)
    return { error: `${node.name} merges inputs of different ranks, which Keras and PyTorch broadcast differently; Reshape them to one rank first.` };
  return { init: [], forward: (inputs, out) => assign(out, combine(inputs)) };
}
