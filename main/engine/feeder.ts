import type * as tfjs from '@tensorflow/tfjs';
import type { Analysis } from '../../app/analysis/types';
import type { ProjectDoc } from '../../app/document/schema';
import type { Tf } from '../../app/layers/types';
import type { LossChoice } from '../../app/training/loss';
import { loadDataset } from './datasets';
import { splitData } from '../data/split';
import type { TrainingData } from '../data/training-data';
import { fitStreaming, openStreamingData, sampleBatch, streamingDatasets, usesStreaming, type TensorLayout } from './pipeline';
import { trialStep } from './probe';
import { toTensors } from './tensors';

interface FitArgs {
  readonly epochs: number;
  readonly initialEpoch: number;
  readonly callbacks: tfjs.CustomCallbackArgs;
  readonly verbose: 0;
}

/** Where a run's examples come from: tensors held in memory, or a stream read from disk batch by batch. */
export interface Feeder {
  readonly trainCount: number;
  readonly validationCount: number;
  readonly batchesPerEpoch: number;
  /** In-memory examples for per-epoch pictures (reconstructions, decoding); null when streaming. */
  readonly samplesFrom: TrainingData | null;
  readonly warnings: readonly string[];
  /** One training step on a few examples; throws when the backend lacks a kernel. */
  trial(model: tfjs.LayersModel): Promise<void>;
  /** The first `n` training examples as fresh tensors (the caller disposes them); null when streaming. */
  sample(n: number): { xs: tfjs.Tensor[]; y: tfjs.Tensor } | null;
  fit(model: tfjs.LayersModel, args: FitArgs): Promise<unknown>;
  dispose(): void;
}

function layoutOf(analysis: Analysis, loss: LossChoice): TensorLayout {
  return {
    inputShapes: analysis.inputs.map((id) => analysis.nodes.get(id)!.shape!),
    output: analysis.nodes.get(analysis.outputs[0]!)!.shape!,
    labels: loss.labels,
  };
}

async function inMemory(tf: Tf, doc: ProjectDoc, analysis: Analysis, loss: LossChoice): Promise<Feeder> {
  const t = doc.training;
  const data = await loadDataset(doc.data, t.validationSplit);
  const { train, validation } = splitData(data, t.validationSplit, doc.data.seed, doc.data.limit);
  const layout = layoutOf(analysis, loss);
  const tt = toTensors(tf, train, layout.inputShapes, layout.output, loss);
  const vt = validation ? toTensors(tf, validation, layout.inputShapes, layout.output, loss) : null;
  return {
    trainCount: train.count,
    validationCount: validation?.count ?? 0,
    batchesPerEpoch: Math.ceil(train.count / t.batchSize),
    samplesFrom: validation ?? train,
    warnings: (data.warnings ?? []).map((w) => w.message),
    trial: (model) => trialStep(tf, model, tt.xs, tt.y),
    sample: (n) => {
      const k = Math.max(0, Math.min(n, train.count));
      return { xs: tt.xs.map((x) => x.slice(0, k)), y: tt.y.slice(0, k) };
    },
    fit: (model, args) =>
      model.fit(tt.xs, tt.y, {
        ...args,
        batchSize: t.batchSize,
        shuffle: !data.chronological,
        ...(vt ? { validationData: [vt.xs, vt.y] as [tfjs.Tensor[], tfjs.Tensor] } : {}),
      }),
    dispose: () => tf.dispose([...tt.xs, tt.y, ...(vt ? [...vt.xs, vt.y] : [])]),
  };
}

async function streaming(tf: Tf, doc: ProjectDoc, analysis: Analysis, loss: LossChoice, log: (message: string) => void): Promise<Feeder> {
  const t = doc.training;
  const data = await openStreamingData(doc.data, t.validationSplit);
  const layout = layoutOf(analysis, loss);
  const ds = streamingDatasets(tf, data, layout, { batchSize: t.batchSize, seed: doc.data.seed, onSkip: log });
  return {
    trainCount: ds.trainCount,
    validationCount: ds.validationCount,
    batchesPerEpoch: ds.batchesPerEpoch,
    samplesFrom: null,
    warnings: data.warnings.map((w) => w.message),
    trial: async (model) => {
      const batch = await sampleBatch(tf, data, layout, Math.min(2, t.batchSize));
      try {
        await trialStep(tf, model, batch.xs, batch.ys);
      } finally {
        tf.dispose([...batch.xs, batch.ys]);
      }
    },
    sample: () => null,
    fit: (model, args) => fitStreaming(model, ds, args),
    // The stream's tensors live for one batch each; nothing is held between them.
    dispose: () => undefined,
  };
}

/** Image folders stream from disk so memory follows the batch size, not the folder; the rest fit in memory. */
export function openFeeder(tf: Tf, doc: ProjectDoc, analysis: Analysis, loss: LossChoice, log: (message: string) => void): Promise<Feeder> {
  return usesStreaming(doc.data) ? streaming(tf, doc, analysis, loss, log) : inMemory(tf, doc, analysis, loss);
}
