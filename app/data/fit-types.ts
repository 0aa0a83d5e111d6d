import type { LossSetting } from '../training/settings';

/*
 * What a data-fit check reports. Its own file: the GAN rules (app/training/gan.ts) report these
 * too, and fit.ts calls them, so importing the types from fit.ts made a cycle.
 */

/** A one-click fix: set one param of one node. */
export interface ParamFix {
  readonly label: string;
  readonly nodeId: string;
  readonly key: string;
  readonly value: unknown;
}

/** A one-click fix of a training setting (the loss) rather than of a node. */
export interface TrainingFix {
  readonly label: string;
  readonly key: 'loss';
  readonly value: LossSetting;
}

export interface FitIssue {
  readonly message: string;
  readonly nodeId?: string | undefined;
  readonly fix?: ParamFix;
  readonly trainingFix?: TrainingFix;
}
