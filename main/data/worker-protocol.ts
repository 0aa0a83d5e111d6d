import type { DataJobKind, DataJobs } from './jobs';
import type { WireError } from './job-errors';

/** Host → worker: run one job; `id` pairs the answer with its request. */
export interface JobRequest<K extends DataJobKind = DataJobKind> {
  readonly id: number;
  readonly kind: K;
  readonly payload: DataJobs[K]['payload'];
}

/** Worker → host: the job's reply or its error. */
export type JobAnswer =
  | { readonly id: number; readonly ok: true; readonly reply: DataJobs[DataJobKind]['reply'] }
  | { readonly id: number; readonly ok: false; readonly error: WireError };
