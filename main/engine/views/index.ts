import { analyzeGraph } from '../../../app/analysis/analyze';
import { dataSpec } from '../../../app/data/spec';
import type { ProjectDoc } from '../../../app/document/schema';
import type { Tf } from '../../../app/layers/types';
import type { TrainingView } from '../../../app/protocol/views';
import type { Recorder } from '../../record/recorder';
import { resolveLoss } from '../../../app/training/loss';
import type { ObservedBatch, RunObserver } from '../run/observer';
import { BoundaryRecorder } from './boundary';
import { DynamicsRecorder } from './dynamics';
import { lossFunction } from './loss-fn';

/**
 * These recorders read tensors synchronously, which the webgpu backend cannot do in Node: on webgpu
 * they stay off (the run trains without its live views) rather than fail the run.
 */
function offOnWebgpu(tf: Tf, observer: RunObserver): RunObserver {
  let on = true;
  const afterBatch = observer.afterBatch?.bind(observer);
  return {
    start: (run) => {
      on = tf.getBackend() !== 'webgpu';
      return on ? observer.start?.(run) : undefined;
    },
    // Only where the view has one: the loop awaits every afterBatch, which a batch of spirals notices.
    ...(afterBatch ? { afterBatch: (batch: ObservedBatch) => (on ? afterBatch(batch) : undefined) } : {}),
    afterEpoch: (epoch) => (on ? observer.afterEpoch?.(epoch) : undefined),
    dispose: () => observer.dispose?.(),
  };
}

/**
 * The views that watch a run of `doc`: training dynamics for every standard run, and the decision field
 * for a classifier of 2-D points. A graph the run will refuse gets none (the run reports why).
 */
export function viewObservers(tf: Tf, doc: ProjectDoc, send: (view: TrainingView) => void): RunObserver[] {
  // GAN and RBM runs train networks these views do not describe (two models; contrastive divergence).
  if (doc.training.mode !== 'standard') return [];
  const analysis = analyzeGraph(doc.graph);
  const outId = analysis.outputs[0];
  const output = outId ? analysis.nodes.get(outId)?.shape : undefined;
  if (!analysis.ok || !output) return [];
  const spec = dataSpec(doc.data);
  const loss = resolveLoss(doc.training.loss, spec.task, output);
  if ('error' in loss) return [];
  const observers: RunObserver[] = [new DynamicsRecorder(tf, lossFunction(tf, loss.loss), send)];
  const inputs = analysis.inputs.map((id) => analysis.nodes.get(id)?.shape);
  if (spec.task === 'classification' && inputs.length === 1 && inputs[0]?.length === 1 && inputs[0][0] === 2) observers.push(new BoundaryRecorder(tf, send));
  return observers.map((o) => offOnWebgpu(tf, o));
}

/**
 * `send` that first appends what the run record keeps to the run's folder, as epochs are written before
 * the UI hears of them: so a run opened from the history later shows its dynamics.
 */
export function recordingViews(record: Pick<Recorder, 'dynamics'>, send: (view: TrainingView) => void): (view: TrainingView) => void {
  return (view) => {
    switch (view.kind) {
      case 'dynamics':
        record.dynamics(view);
        break;
      case 'boundary':
        // Redrawn several times a second while training: live only, as the batch-level pictures of other views are.
        break;
    }
    send(view);
  };
}
