import type { TrainContext, TrainRequest } from './context';
import { EVENT_VERSION } from '../../app/protocol/events';
import { UserError } from './context';
import { ganMode } from './modes/gan';
import { rbmMode } from './modes/rbm';
import { standardMode } from './modes/standard';
import { runTraining } from './run/skeleton';
import { requireTorch, torchMode } from './torch/mode';

/** PyTorch when asked for and found; else LayerLab's own engine if the user agreed to it, else the reason and what to install. */
function torchOrFallback(req: TrainRequest, ctx: TrainContext): Promise<void> | null {
  try {
    return runTraining(req, ctx, torchMode(requireTorch(req.python)));
  } catch (e) {
    if (!(e instanceof UserError) || !req.fallback) throw e;
    ctx.emit({
      v: EVENT_VERSION,
      type: 'run.log',
      runId: req.runId,
      level: 'warning',
      message: `${e.message} Training with LayerLab's own engine instead, as agreed.`,
    });
    return null;
  }
}

/** One training run of the document's mode, on the one run skeleton (run/skeleton.ts). */
export function train(req: TrainRequest, ctx: TrainContext): Promise<void> {
  if (req.backend === 'pytorch') {
    const torch = torchOrFallback(req, ctx);
    if (torch) return torch;
    const { backend: _pytorch, ...embedded } = req;
    return train(embedded, ctx);
  }
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
