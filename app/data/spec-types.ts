/** What a dataset feeds a network and expects back; its own file so that spec.ts and user-spec.ts, which compute it, do not import each other. */
export type Task = 'classification' | 'regression' | 'reconstruction' | 'sequence';

export interface InputSpec {
  readonly label: string;
  readonly shape: readonly number[];
  /** Token ids are integers; everything else is float. */
  readonly dtype: 'float32' | 'int32';
  /** Token ids of this input are below this; set when inputs differ (else the spec's `vocabulary` holds for all). */
  readonly vocabulary?: number;
}

/** What a dataset feeds the network and what it expects back. */
export interface DataSpec {
  readonly task: Task;
  readonly inputs: readonly InputSpec[];
  /** Shape of one target: [] for a class id, [k] for k values, [T] for T token ids, the input shape when reconstructing. */
  readonly targetShape: readonly number[];
  /** Classes (classification) or vocabulary size (sequence). */
  readonly classes: number;
  readonly classNames: readonly string[];
  /** Token-id inputs: every id is below this, so an Embedding needs at least this many rows. */
  readonly vocabulary?: number;
}
