import type { SourceLayer } from './summary';

export const TRAIN_MODES = ['frozen', 'frozenUpTo', 'fineTuneTop'] as const;
export type TrainMode = (typeof TRAIN_MODES)[number];

export interface FreezeChoice {
  readonly trainMode: TrainMode;
  readonly frozenUpTo: string;
  readonly topN: number;
}

/**
 * The kept layers that train. "Top N" counts layers with weights, because that is what a learner means by
 * "the last two layers" (an activation or pooling layer has nothing to unfreeze). Null: `frozenUpTo` is not kept.
 */
export function trainableLayers(kept: readonly SourceLayer[], choice: FreezeChoice): ReadonlySet<string> | null {
  switch (choice.trainMode) {
    case 'frozen':
      return new Set();
    case 'frozenUpTo': {
      const at = kept.findIndex((l) => l.name === choice.frozenUpTo);
      if (at < 0) return null;
      return new Set(kept.slice(at + 1).map((l) => l.name));
    }
    case 'fineTuneTop': {
      const weighted = kept.filter((l) => l.params > 0);
      return new Set(weighted.slice(Math.max(0, weighted.length - choice.topN)).map((l) => l.name));
    }
  }
}

/** Parameters that stay fixed: every weight of a frozen layer, and the never-trained part of the others. */
export function frozenCount(kept: readonly SourceLayer[], trainable: ReadonlySet<string>): number {
  return kept.reduce((sum, l) => sum + (trainable.has(l.name) ? l.nonTrainable : l.params), 0);
}
