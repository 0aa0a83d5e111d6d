import type * as tfjs from '@tensorflow/tfjs';
import type { Shape, Tf } from '../../app/layers/types';
import type { LossChoice } from '../../app/training/loss';
import type { Column, TrainingData } from '../data/training-data';

function targetTensor(tf: Tf, target: Column, count: number, output: Shape, loss: LossChoice): tfjs.Tensor {
  switch (loss.labels) {
    case 'onehot': {
      const classes = output[output.length - 1]!;
      const oneHot = new Float32Array(count * classes);
      for (let i = 0; i < count; i++) oneHot[i * classes + target.data[i]!] = 1;
      return tf.tensor2d(oneHot, [count, classes]);
    }
    case 'binary':
      return tf.tensor2d(Float32Array.from(target.data), [count, 1]);
    case 'sparse':
      // tfjs wants the target's rank to equal the output's: one id per position, in a trailing axis of 1.
      return tf.tensor(Float32Array.from(target.data), [count, ...target.shape, 1]);
    case 'values':
      // A target may be laid out differently from the output (784 values vs 28×28×1): same values, output's shape.
      return tf.tensor(target.data, [count, ...(output as number[])], 'float32');
  }
}

/** Inputs shaped for the graph's Input layers, and the target encoded for the loss. */
export function toTensors(tf: Tf, data: TrainingData, inputShapes: readonly Shape[], output: Shape, loss: LossChoice): { xs: tfjs.Tensor[]; y: tfjs.Tensor } {
  const xs = data.inputs.map((c, i) => tf.tensor(c.data, [data.count, ...(inputShapes[i] as number[])], c.data instanceof Int32Array ? 'int32' : 'float32'));
  return { xs, y: targetTensor(tf, data.target, data.count, output, loss) };
}
