import type { DataSettings } from '../../app/data/catalog';

export interface SplitPlan {
  readonly validation: number;
  readonly test: number;
  readonly seed: number;
  readonly stratify: boolean;
}

/** The data's own split settings, falling back to the training's validation split and the data seed. */
export function splitPlan(s: DataSettings, validationSplit: number): SplitPlan {
  return { validation: s.split?.validation ?? validationSplit, test: s.split?.test ?? 0, seed: s.split?.seed ?? s.seed, stratify: s.split?.stratify ?? true };
}
