import type { Analysis } from '../../../../app/analysis/types';
import { dataSpec } from '../../../../app/data/spec';
import type { ProjectDoc } from '../../../../app/document/schema';
import { chooseLoss, resolveLoss, type LossName } from '../../../../app/training/loss';
import type { MetricName } from '../../../../app/training/settings';

export interface LossView {
  /** What "auto" means for this project now; null until the network has an output shape. */
  readonly auto: LossName | null;
  readonly why: string;
  /** The metrics measured when none are ticked. */
  readonly autoMetrics: readonly MetricName[];
  /** Why the chosen override cannot train this task, if it cannot. */
  readonly error: string | null;
}

/** The loss the engine will use, worked out the same way it does: from the task and the output layer. */
export function lossView(doc: ProjectDoc, analysis: Analysis): LossView {
  if (doc.training.mode === 'gan') {
    return {
      auto: 'binaryCrossentropy',
      why: 'a GAN: the discriminator says real or fake, so both networks train on binary cross-entropy',
      autoMetrics: [],
      error: null,
    };
  }
  const out = analysis.outputs[0];
  const shape = out ? analysis.nodes.get(out)?.shape : null;
  if (!shape) return { auto: null, why: 'decided from the task and the output layer once the graph is complete', autoMetrics: [], error: null };
  let task;
  try {
    task = dataSpec(doc.data).task;
  } catch {
    return { auto: null, why: 'decided once the data is set up', autoMetrics: [], error: null };
  }
  const auto = chooseLoss(task, shape);
  const chosen = resolveLoss(doc.training.loss, task, shape);
  return { auto: auto.loss, why: auto.why, autoMetrics: auto.metrics, error: 'error' in chosen ? chosen.error : null };
}
