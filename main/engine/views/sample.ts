import type * as tfjs from '@tensorflow/tfjs';
import type { Analysis } from '../../../app/analysis/types';
import type { Tf } from '../../../app/layers/types';
import type { LossChoice } from '../../../app/training/loss';
import { perExample, type TrainingData } from '../../data/training-data';
import { toTensors } from '../tensors';

/** The first `n` examples of a set, as a smaller set (typed-array views, no copy). */
export function firstExamples(data: TrainingData, n: number): TrainingData {
  const count = Math.min(n, data.count);
  const cut = (c: TrainingData['target']) => ({ data: c.data.subarray(0, count * perExample(c)), shape: c.shape });
  return { inputs: data.inputs.map(cut), target: cut(data.target), count };
}

/** What ObservedStart.sample does for an in-memory run: the first n examples as tensors, targets encoded for the loss. */
export function sampleOf(tf: Tf, data: TrainingData | null, analysis: Analysis, loss: LossChoice): (n: number) => { xs: tfjs.Tensor[]; y: tfjs.Tensor } | null {
  const shapes = analysis.inputs.map((id) => analysis.nodes.get(id)!.shape!);
  const output = analysis.nodes.get(analysis.outputs[0]!)!.shape!;
  return (n) => (data && data.count > 0 ? toTensors(tf, firstExamples(data, n), shapes, output, loss) : null);
}
