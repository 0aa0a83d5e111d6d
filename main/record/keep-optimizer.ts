import type * as tfjs from '@tensorflow/tfjs';
import type { CheckpointKind } from './layout';

// No Node module here: the browser's compute worker saves its checkpoints through this too.

/**
 * Saves a checkpoint through `save`: `last` also carries the optimizer's state (Adam's moments…) so a
 * continued run picks up where it stopped; when tfjs cannot serialise the training config (a loss
 * function given per output) it is saved without. A failure after tfjs reached the writer (`written`) is the
 * writer's own, and is not retried.
 */
export async function saveKeepingOptimizer(
  model: tfjs.LayersModel,
  which: CheckpointKind,
  save: (includeOptimizer: boolean) => Promise<unknown>,
  written: () => boolean,
): Promise<void> {
  // An uncompiled model has no optimizer, whatever tfjs's type says.
  const withOptimizer = which === 'last' && (model.optimizer as tfjs.Optimizer | undefined) !== undefined;
  try {
    await save(withOptimizer);
  } catch (e) {
    if (!withOptimizer || written()) throw e;
    await save(false);
  }
}
