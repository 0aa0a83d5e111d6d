import { analyzeGraph } from '../../../app/analysis/analyze';
import { dataSpec } from '../../../app/data/spec';
import type { ProjectDoc } from '../../../app/document/schema';
import type { Tf } from '../../../app/layers/types';
import type { TrainingView } from '../../../app/protocol/views';
import { resolveLoss } from '../../../app/training/loss';
import type { RunObserver } from '../run/observer';
import { BoundaryRecorder } from './boundary';
import { DynamicsRecorder } from './dynamics';
import { lossFunction } from './loss-fn';

/**
 * The views that watch a run of `doc`: training dynamics for every standard run, and the decision field
 * for a classifier of 2-D points. A graph the run will refuse gets none (the run reports why).
 */
export function viewObservers(tf: Tf, doc: ProjectDoc, send: (view: TrainingView) => void): RunObserver[] {
  if (doc.training.mode === 'gan') return [];
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
  return observers;
}
