import type * as tfjs from '@tensorflow/tfjs';
import type { Tf } from '../../../app/layers/types';
import type { StreamingData } from './open';
import { batchStream } from './batches';
import { PipelineStats, type PipelineTimes } from './stats';
import { batchTensors, streamingDataset, type TensorLayout } from './tf-dataset';

export interface StreamingOptions {
  readonly batchSize: number;
  readonly seed: number;
  /** Batches read ahead (default 3). */
  readonly prefetch?: number;
  /** Images decoded at once (default 8). */
  readonly concurrency?: number;
  /** A corrupt file skipped mid-training. */
  readonly onSkip?: (message: string) => void;
}

/** The datasets for `model.fitDataset`, and the timing of the training stream. */
export interface StreamingDatasets {
  readonly train: tfjs.data.Dataset<tfjs.TensorContainer>;
  readonly validation: tfjs.data.Dataset<tfjs.TensorContainer> | null;
  readonly batchesPerEpoch: number;
  readonly trainCount: number;
  readonly validationCount: number;
  /** Data vs compute time of the training stream; `take()` once per epoch. */
  readonly stats: PipelineStats;
}

/** Builds the training and validation streams for a model with these input/output shapes and loss encoding. */
export function streamingDatasets(tf: Tf, data: StreamingData, layout: TensorLayout, o: StreamingOptions): StreamingDatasets {
  const stats = new PipelineStats();
  const common = {
    batchSize: o.batchSize,
    seed: o.seed,
    prefetch: o.prefetch ?? 3,
    concurrency: o.concurrency ?? 8,
    ...(o.onSkip ? { onSkip: o.onSkip } : {}),
  };
  const p = data.partition;
  const train = streamingDataset(tf, data.source, p.train, data.targetShape, layout, { ...common, shuffle: !data.chronological, augment: data.augment, stats });
  const validation =
    p.validation.length > 0 ? streamingDataset(tf, data.source, p.validation, data.targetShape, layout, { ...common, shuffle: false, augment: false }) : null;
  return {
    train,
    validation,
    batchesPerEpoch: Math.ceil(p.train.length / o.batchSize),
    trainCount: p.train.length,
    validationCount: p.validation.length,
    stats,
  };
}

/**
 * `model.fitDataset` over the streams, with `onPipeline` told each epoch's data vs compute time.
 * The model must be compiled; `args` are fitDataset's (epochs, initialEpoch, callbacks, …).
 */
export async function fitStreaming(
  model: tfjs.LayersModel,
  ds: StreamingDatasets,
  args: Omit<tfjs.ModelFitDatasetArgs<tfjs.TensorContainer>, 'validationData'>,
  onPipeline?: (epoch: number, times: PipelineTimes) => void,
): Promise<tfjs.History> {
  const user = (args.callbacks ?? {}) as tfjs.CustomCallbackArgs;
  const callbacks: tfjs.CustomCallbackArgs = {
    ...user,
    onEpochEnd: async (epoch, logs) => {
      onPipeline?.(epoch, ds.stats.take());
      await user.onEpochEnd?.(epoch, logs);
    },
  };
  return model.fitDataset(ds.train, { ...args, callbacks, ...(ds.validation ? { validationData: ds.validation } : {}) });
}

/** One batch of training examples as tensors (the caller disposes them), e.g. for a backend's one-step probe. */
export async function sampleBatch(tf: Tf, data: StreamingData, layout: TensorLayout, batchSize: number): Promise<{ xs: tfjs.Tensor[]; ys: tfjs.Tensor }> {
  const indices = data.partition.train.subarray(0, batchSize);
  for await (const b of batchStream(data.source, indices, { batchSize, shuffle: false, seed: 0, epoch: 0, augment: false, prefetch: 1, concurrency: 8 })) {
    const t = batchTensors(tf, b, data.source, data.targetShape, layout);
    return { xs: Array.isArray(t.xs) ? t.xs : [t.xs], ys: t.ys };
  }
  throw new Error('No training examples could be read.');
}
