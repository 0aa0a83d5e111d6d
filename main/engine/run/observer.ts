import type * as tfjs from '@tensorflow/tfjs';
import type { EpochLogs } from '../../../app/protocol/runs';

/** What an observer sees when the run begins: the model being trained and a few examples to look at. */
export interface ObservedStart {
  readonly model: tfjs.LayersModel;
  /** Up to `n` training examples as tensors (inputs in model order, targets as the loss expects); null when none are held in memory. */
  readonly sample: (n: number) => { readonly xs: tfjs.Tensor[]; readonly y: tfjs.Tensor } | null;
}

export interface ObservedBatch {
  /** Batches trained so far in the whole run (1-based), counting continued epochs. */
  readonly step: number;
  /** The epoch this batch belongs to (1-based). */
  readonly epoch: number;
  readonly model: tfjs.LayersModel;
}

export interface ObservedEpoch {
  readonly epoch: number;
  /** The epoch the run is set to end at (it may stop earlier): a view that skips epochs still draws the last. */
  readonly epochs: number;
  /** Batches trained so far in the whole run, as ObservedBatch.step. */
  readonly step: number;
  readonly model: tfjs.LayersModel;
  readonly logs: EpochLogs;
}

/**
 * Watches a run from inside the engine, for the views (training dynamics, a decision boundary redrawn
 * while the model learns): it sees the model between batches and after each recorded epoch, sends what
 * it computes as its own events, and never changes training. Every training mode calls its observers
 * at the same points, from the one run skeleton.
 */
export interface RunObserver {
  start?(run: ObservedStart): void | Promise<void>;
  afterBatch?(batch: ObservedBatch): void | Promise<void>;
  afterEpoch?(epoch: ObservedEpoch): void | Promise<void>;
  dispose?(): void;
}
