import type * as tfjs from '@tensorflow/tfjs';
import type { Analysis } from '../../../app/analysis/types';
import { dataSpec } from '../../../app/data/spec';
import type { ProjectDoc } from '../../../app/document/schema';
import type { Tf } from '../../../app/layers/types';
import { resolveLoss, type LossChoice } from '../../../app/training/loss';
import type { Column } from '../../data/training-data';
import { UserError } from '../context';
import { makeOptimizer } from '../optimizer';

/**
 * The supervised half of RBM pretraining: after the RBMs learned by contrastive divergence, the
 * whole network (RBMs now acting as sigmoid layers, and the head on top) is fine-tuned by backprop.
 */
export interface Head {
  readonly loss: LossChoice;
  readonly classes: number;
}

/** The head after the RBMs, if the graph's output is not an RBM: a classifier's loss, or a UserError. */
export function headOf(doc: ProjectDoc, analysis: Analysis): Head | null {
  const outputId = analysis.outputs[0]!;
  if (doc.graph.nodes.find((n) => n.id === outputId)?.type === 'RBM') return null;
  const out = analysis.nodes.get(outputId)!.shape!;
  const loss = resolveLoss(doc.training.loss, dataSpec(doc.data).task, out);
  if ('error' in loss) throw new UserError(loss.error);
  if (loss.labels !== 'onehot') {
    throw new UserError(
      'After RBM pretraining, LayerLab fine-tunes a classifier head (softmax outputs, one per class); this head does not classify. Remove it, or train in "standard" mode.',
    );
  }
  return { loss, classes: out[out.length - 1]! };
}

/** One-hot rows of the first `count` class ids. */
export function oneHotLabels(tf: Tf, target: Column, count: number, classes: number): tfjs.Tensor {
  return tf.tidy(() => tf.oneHot(tf.tensor1d(Int32Array.from(target.data.subarray(0, count)), 'int32'), classes).toFloat());
}

export function compileHead(tf: Tf, model: tfjs.LayersModel, doc: ProjectDoc, head: Head): void {
  model.compile({ optimizer: makeOptimizer(tf, doc.training), loss: head.loss.loss, metrics: ['accuracy'] });
}

/** One backprop step on the whole network: its loss and accuracy. */
export async function fineTuneBatch(model: tfjs.LayersModel, x: tfjs.Tensor, y: tfjs.Tensor): Promise<{ loss: number; accuracy: number }> {
  const r = await model.trainOnBatch(x, y);
  const [loss, accuracy] = Array.isArray(r) ? r : [r, NaN];
  return { loss: loss ?? NaN, accuracy: accuracy ?? NaN };
}

/** Held-out loss and accuracy of the fine-tuned network. */
export function evaluateHead(_tf: Tf, model: tfjs.LayersModel, x: tfjs.Tensor, y: tfjs.Tensor): { val_loss: number; val_accuracy: number } {
  const r = model.evaluate(x, y, { batchSize: 256 });
  const [loss, acc] = (Array.isArray(r) ? r : [r]).map((t) => {
    const v = t.dataSync()[0]!;
    t.dispose();
    return v;
  });
  return { val_loss: loss ?? NaN, val_accuracy: acc ?? NaN };
}
