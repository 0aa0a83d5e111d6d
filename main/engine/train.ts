import type { TrainContext, TrainRequest } from './context';
import { ganMode } from './modes/gan';
import { rbmMode } from './modes/rbm';
import { standardMode } from './modes/standard';
import { runTraining } from './run/skeleton';

/** One training run of the document's mode, on the one run skeleton (run/skeleton.ts). */
export function train(req: TrainRequest, ctx: TrainContext): Promise<void> {
  const mode = req.document.training.mode;
  switch (mode) {
    case 'standard':
      return runTraining(req, ctx, standardMode);
    case 'gan':
      return runTraining(req, ctx, ganMode());
    case 'rbm':
      return runTraining(req, ctx, rbmMode);
  }
}
