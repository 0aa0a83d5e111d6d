import type * as tfjs from '@tensorflow/tfjs';
import type { Analysis } from '../../../app/analysis/types';
import type { ProjectDoc } from '../../../app/document/schema';
import type { Tf } from '../../../app/layers/types';
import type { EpochLogs, SampleImage } from '../../../app/protocol/runs';
import type { BackendInfo } from '../../../app/protocol/backend';
import type { RunControls } from '../controls';
import type { ObservedStart } from './observer';

/**
 * A way of training a document (standard, GAN, and later an RBM's contrastive divergence or a
 * PyTorch engine over stdio). It plugs a step into the one run skeleton (skeleton.ts), which owns
 * everything around it: validation, seeding, the backend and its wasm probe, events, pause/step/stop,
 * NaN detection, recording, checkpoints, early stopping, finish and fail. `P` is what `check` learns
 * about the document (the GAN's split into two networks) and hands to `open`.
 */
export interface TrainingMode<P> {
  /** What the user calls the thing being trained, in messages: "network", "GAN". */
  readonly noun: string;
  /**
   * Set by a mode whose step runs outside tfjs (PyTorch): the skeleton then chooses no tfjs backend for it (tfjs's
   * cpu backend only holds the checkpointed model) and reports the mode's own `backend`.
   */
  readonly external?: true;
  /** The checks beyond the graph's own; throws a UserError naming the first problem and its fix. */
  check(doc: ProjectDoc, analysis: Analysis): P;
  /** Loads the data onto the chosen backend (after seeding and backend selection). */
  open(plan: P, env: ModeEnv): Promise<OpenedMode>;
}

export interface ModeEnv {
  readonly tf: Tf;
  readonly doc: ProjectDoc;
  readonly analysis: Analysis;
  readonly log: (message: string, level?: 'info' | 'warning') => void;
  /** This run's record folder, when it has one: a pretrained node's "earlier run" source is a sibling of it. */
  readonly runDir?: string;
  /** The run's pause/step/stop, for a mode that holds itself (`OpenedMode.holdsItself`). */
  readonly controls?: RunControls;
}

/** A mode with its data loaded: what `run.started` reports, and how to build networks to train. */
export interface OpenedMode {
  readonly samples: { readonly train: number; readonly validation: number };
  readonly batchesPerEpoch: number;
  /** Why this loss, for `run.started`. */
  readonly lossWhy: string;
  /**
   * Settings this mode cannot honour, each with the warning a run that asks for it logs. A mode
   * without early stopping has no metric that says "better", so it keeps no best checkpoint either.
   */
  readonly unsupported?: { readonly schedule?: string; readonly earlyStopping?: string };
  /** What `run.started` reports as the engine, for an `external` mode. */
  readonly backend?: BackendInfo;
  /**
   * The mode pauses, steps and stops its own batches (it follows the run's controls): the loop then never holds on
   * a batch itself, which for a process ahead of its reports would pause at a batch it has already passed.
   */
  readonly holdsItself?: true;
  /** The second half of the NaN message: the likely causes, at this learning rate. */
  nanCauses(learningRate: number): string;
  /** What a batch value is called in the NaN message (`d_loss` → "discriminator loss"); default "loss". */
  lossName?(key: string): string;
  /** In-memory training examples for observers; the caller owns (disposes) what it returns. */
  readonly sample: ObservedStart['sample'];
  /** Fresh networks; with `earlier`, a recorded run's weights (a UserError when they no longer fit). */
  build(earlier?: tfjs.LayersModel): Trainer;
  dispose(): void;
}

/** What one batch reports: `loss` is charted; every number here is checked for NaN. */
export interface BatchResult {
  readonly loss: number;
  readonly values?: Readonly<Record<string, number>>;
  /** How long the step took where it ran, when that is another process (its reports arrive in bursts). */
  readonly computeMs?: number;
}

/** A `run.samples` picture for the epoch, less its envelope; `logs` are figures it adds to the epoch's. */
export interface EpochPicture {
  readonly kind: 'reconstructions' | 'generated' | 'decoded';
  readonly images: SampleImage[];
  readonly lines?: string[];
  readonly logs?: Readonly<Record<string, number>>;
}

interface TrainerBase {
  /** What checkpoints save and observers see (a GAN's combined model, so both networks travel together). */
  readonly model: tfjs.LayersModel;
  /** One training step on a few examples, to learn whether the backend has every kernel (wasm). */
  trial(): Promise<unknown>;
  /** Called at each epoch's start when the mode supports schedules. */
  /** Called at each epoch's start; required unless the mode lists `schedule` as unsupported. */
  setLearningRate?(rate: number): void;
  /** The end-of-epoch picture, if the task has one. */
  picture?(): EpochPicture | null | Promise<EpochPicture | null>;
  dispose(): void;
}

/**
 * The step a mode plugs in. `steps` is the normal shape: the skeleton runs the epochs and batches
 * and calls `trainBatch`. `fit` lets the standard mode keep tfjs's own fit loop (the benchmarked
 * fast path, and the one that streams image folders): it must call the hooks at
 * the points tfjs's callbacks fire and stop when a hook says so; every decision stays the skeleton's.
 */
export type Trainer =
  | (TrainerBase & {
      readonly drive: 'steps';
      /** Before an epoch's first batch (0-based epoch): reshuffle, reset sums. */
      beginEpoch(epoch: number): void;
      trainBatch(batch: number): Promise<BatchResult>;
      /** The epoch's logs, once its every batch ran. */
      epochLogs(): Promise<EpochLogs>;
    })
  | (TrainerBase & {
      readonly drive: 'fit';
      fit(range: { readonly initialEpoch: number; readonly epochs: number }, hooks: LoopHooks): Promise<void>;
    });

export type Verdict = 'continue' | 'stop';

/** The skeleton's side of the batch loop, whoever drives it. Epochs are 0-based here, as in tfjs. */
export interface LoopHooks {
  epochBegin(epoch: number): void;
  batchBegin(): void;
  batchEnd(result: BatchResult): Promise<Verdict>;
  /** At every epoch's end, complete or cut short; `logs` is read only when the epoch is recorded. */
  epochEnd(epoch: number, logs: () => EpochLogs | Promise<EpochLogs>): Promise<Verdict>;
  /** A mode that holds itself paused (true) or went on (false): the exact batch count is shown, and the pause is not timed. */
  holding(paused: boolean): void;
}
