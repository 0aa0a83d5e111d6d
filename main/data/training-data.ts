import type { TableEncoding } from '../../app/data/table-encoding';
import type { DataProblem } from './problems';
import type { Partition } from './partition';

/** Values for `count` examples, each of `shape`, row-major. */
export interface Column {
  readonly data: Float32Array | Int32Array;
  readonly shape: readonly number[];
}

/** A dataset as the engine trains on it: typed arrays, one column per model input, one target. */
export interface TrainingData {
  readonly inputs: readonly Column[];
  /** Class ids (shape []), token ids, or values. */
  readonly target: Column;
  readonly count: number;
  /** Time series keep their order: validation is the most recent part, never shuffled. */
  readonly chronological?: boolean;
  /** User data decides its own split (stratified, with a test part); `splitData` follows it. */
  readonly partition?: Partition;
  /** Regression targets were standardised: value = standardised × std + mean, per target. */
  readonly targetScale?: readonly { readonly mean: number; readonly std: number }[];
  /** A table's encoding (statistics of its training part), so a typed row reaches the model as training rows did. */
  readonly table?: TableEncoding;
  /** Rows or files that were skipped, for the run's log. */
  readonly warnings?: readonly DataProblem[];
}

export const perExample = (c: Column): number => c.shape.reduce((a, d) => a * d, 1);
