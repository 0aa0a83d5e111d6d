import type * as tfjs from '@tensorflow/tfjs';
import type { Tf } from '../../../app/layers/types';
import type { WeightMap } from '../../../app/layers/emit-types';
import type { RunControls } from '../controls';
import { UserError } from '../context';
import type { LoopHooks } from '../run/mode';
import type { RunnerChild } from './child';
import { adoptStateDict, dropStateFiles, readStateDict } from './state-files';

export interface DriveOptions {
  readonly tf: Tf;
  readonly child: RunnerChild;
  readonly model: tfjs.LayersModel;
  readonly maps: readonly (WeightMap & { readonly layer: string })[];
  /** The runner's checkpoint folder. */
  readonly out: string;
  readonly controls: RunControls | undefined;
  /** weights.json + weights.bin to start from (a continued run), or null for the model's own initialisation. */
  readonly weights: string | null;
}

/** Reads a checkpoint the runner wrote into the TF.js model, then deletes the copy (last.pt stays). */
async function adopt(o: DriveOptions, name: string): Promise<void> {
  try {
    adoptStateDict(o.tf, o.model, o.maps, await readStateDict(o.out, name));
  } catch (e) {
    throw new UserError(`PyTorch's checkpoint ${name} does not fit the network: ${(e as Error).message}`);
  } finally {
    await dropStateFiles(o.out, name);
  }
}

/**
 * The run skeleton's hooks, called as the runner's lines arrive: the runner trains ahead on its own (a round trip per
 * batch would cost more than a small model's step), and the loop's verdicts go back as commands. Every epoch's
 * checkpoint is in the TF.js model before `epochEnd`, so the loop records it, then tells the UI, as for every mode.
 */
export async function driveRunner(o: DriveOptions, range: { readonly initialEpoch: number; readonly epochs: number }, hooks: LoopHooks): Promise<void> {
  const { child } = o;
  const unfollow = o.controls?.follow((command) => {
    child.send({ cmd: command });
    if (command !== 'resume' && command !== 'step') return;
    child.holding(false);
    hooks.holding(false);
  });
  // A stop from a batch keeps the weights PyTorch reached; early stopping keeps the recorded epoch's (or the best).
  let cut: 'batch' | 'epoch' | null = null;
  child.send({ cmd: 'start', initialEpoch: range.initialEpoch, epochs: range.epochs, weights: o.weights });
  try {
    for (;;) {
      const line = await child.next();
      switch (line.type) {
        case 'ready':
          throw new UserError('PyTorch said it was ready twice.');
        case 'epoch_begin':
          if (!cut) hooks.epochBegin(line.epoch);
          break;
        case 'batch':
          if (cut) break;
          hooks.batchBegin();
          if ((await hooks.batchEnd({ loss: line.loss, computeMs: line.ms })) === 'stop') {
            cut = 'batch';
            child.send({ cmd: 'stop' });
          }
          break;
        case 'epoch':
          if (cut) {
            await dropStateFiles(o.out, line.checkpoint);
            break;
          }
          await adopt(o, line.checkpoint);
          if ((await hooks.epochEnd(line.epoch, () => line.logs)) === 'stop') {
            cut = 'epoch';
            child.send({ cmd: 'stop' });
          }
          break;
        case 'paused':
          child.holding(true);
          hooks.holding(true);
          o.controls?.held(line.step);
          break;
        case 'stopped':
          if (line.checkpoint) {
            if (cut !== 'epoch') await adopt(o, line.checkpoint);
            else await dropStateFiles(o.out, line.checkpoint);
          }
          return;
        case 'done':
          return;
        case 'error':
          // RunnerChild turns these into its failure; listed so the switch stays exhaustive.
          throw new UserError(`PyTorch failed: ${line.message}`);
      }
    }
  } finally {
    unfollow?.();
  }
}
