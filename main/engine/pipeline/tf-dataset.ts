import type * as tfjs from '@tensorflow/tfjs';
import type { Shape, Tf } from '../../../app/layers/types';
import type { LossChoice } from '../../../app/training/loss';
import { batchStream, type Batch, type BatchOptions } from './batches';
import type { ExampleSource } from './source';

export interface TensorLayout {
  /** Shape of one example for each model input (the graph's Input shapes). */
  readonly inputShapes: readonly Shape[];
  /** The model's output shape without the batch axis. */
  readonly output: Shape;
  /** How the loss wants targets: one-hot rows, a 0/1 column, ids with a trailing 1, or values. */
  readonly labels: LossChoice['labels'];
}

/** The targets of a batch as the loss wants them (the same encodings as the in-memory path). */
function targetTensor(tf: Tf, b: Batch, targetShape: readonly number[], layout: TensorLayout): tfjs.Tensor {
  const n = b.size;
  const t = b.y.subarray(
    0,
    n *
      Math.max(
        1,
        targetShape.reduce((a, d) => a * d, 1),
      ),
  );
  switch (layout.labels) {
    case 'onehot': {
      const classes = layout.output[layout.output.length - 1]!;
      const oneHot = new Float32Array(n * classes);
      for (let i = 0; i < n; i++) oneHot[i * classes + t[i]!] = 1;
      return tf.tensor2d(oneHot, [n, classes]);
    }
    case 'binary':
      return tf.tensor2d(Float32Array.from(t), [n, 1]);
    case 'sparse':
      return tf.tensor(Float32Array.from(t), [n, ...targetShape, 1]);
    case 'values':
      return tf.tensor(t, [n, ...(layout.output as number[])], 'float32');
  }
}

/** One batch as tensors: `xs` a tensor (one input) or a list (several), `ys` the encoded targets. */
export function batchTensors(
  tf: Tf,
  b: Batch,
  source: ExampleSource,
  targetShape: readonly number[],
  layout: TensorLayout,
): { xs: tfjs.Tensor | tfjs.Tensor[]; ys: tfjs.Tensor } {
  const xs = b.xs.map((x, i) =>
    tf.tensor(x.subarray(0, b.size * source.inputSizes[i]!), [b.size, ...(layout.inputShapes[i] as number[])], source.inputDtypes[i]),
  );
  return { xs: xs.length === 1 ? xs[0]! : xs, ys: targetTensor(tf, b, targetShape, layout) };
}

/**
 * A tf.data dataset over `indices` of `source` for `model.fitDataset`: every pass over it is
 * one epoch with a fresh shuffle; tensors are made one batch at a time and disposed by tfjs
 * after the step, so memory stays bounded by the batches in flight.
 */
export function streamingDataset(
  tf: Tf,
  source: ExampleSource,
  indices: Uint32Array,
  targetShape: readonly number[],
  layout: TensorLayout,
  opts: Omit<BatchOptions, 'epoch'>,
): tfjs.data.Dataset<tfjs.TensorContainer> {
  let epoch = 0;
  return tf.data.generator((): AsyncIterator<tfjs.TensorContainer> => {
    const batches = batchStream(source, indices, { ...opts, epoch: epoch++ });
    return {
      async next(): Promise<IteratorResult<tfjs.TensorContainer>> {
        const r = await batches.next();
        if (r.done) return { done: true, value: undefined };
        return { done: false, value: batchTensors(tf, r.value, source, targetShape, layout) as unknown as tfjs.TensorContainer };
      },
    };
  });
}
