import type { DataProblem } from '../../data/problems';
import type { Partition } from '../../data/partition';
import type { ExampleSource } from './source';

/** A dataset ready to stream: where examples come from, how they are split, and the shape of a target. */
export interface StreamingData {
  readonly source: ExampleSource;
  readonly partition: Partition;
  /** One target's shape: [] for a class id. */
  readonly targetShape: readonly number[];
  /** Augment training examples (images with augmentation on). */
  readonly augment: boolean;
  readonly chronological: boolean;
  /** Skipped files and rows, changed data: for the run's log. */
  readonly warnings: readonly DataProblem[];
}
