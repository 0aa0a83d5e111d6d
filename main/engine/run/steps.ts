import type { LoopHooks, Trainer } from './mode';

/** Lets stop, pause and step commands from the host arrive between batches. */
const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * The skeleton's own batch loop, for modes that plug in a step: epochs from `initialEpoch` to
 * `epochs`, every batch of each, the hooks at the points where tfjs's fit calls its callbacks.
 */
export async function driveSteps(
  trainer: Extract<Trainer, { drive: 'steps' }>,
  range: { readonly initialEpoch: number; readonly epochs: number },
  batchesPerEpoch: number,
  hooks: LoopHooks,
): Promise<void> {
  for (let epoch = range.initialEpoch; epoch < range.epochs; epoch++) {
    hooks.epochBegin(epoch);
    trainer.beginEpoch(epoch);
    let cut = false;
    for (let batch = 0; batch < batchesPerEpoch && !cut; batch++) {
      hooks.batchBegin();
      const result = await trainer.trainBatch(batch);
      cut = (await hooks.batchEnd(result)) === 'stop';
      if (!cut) await nextTurn();
    }
    // A cut epoch is reported to the hooks too (they decide it is not recorded), but its logs are never computed.
    if ((await hooks.epochEnd(epoch, () => trainer.epochLogs())) === 'stop') return;
  }
}
