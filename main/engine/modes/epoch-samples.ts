import type * as tfjs from '@tensorflow/tfjs';
import type { Task } from '../../../app/data/spec';
import type { Tf } from '../../../app/layers/types';
import type { SampleImage } from '../../../app/protocol/runs';
import type { TrainingData } from '../../data/training-data';
import { decodeReport } from './decode';
import { reconstructionSamples } from './reconstructions';

/** What a `run.samples` event carries, less its envelope (v, type, runId, epoch). */
export interface EpochSamples {
  readonly kind: 'reconstructions' | 'decoded';
  readonly images: SampleImage[];
  readonly lines?: string[];
  /** Greedy-decoding exact match (sequence task only), worth logging next to the teacher-forced accuracy. */
  readonly exactMatch?: number;
}

/**
 * The end-of-epoch picture for tasks where a loss number says little on its own: reconstructions
 * for an autoencoder, greedily decoded sequences for an encoder–decoder. Null for other tasks.
 * `data` should be the validation set (the training set when there is none).
 */
export async function epochSamples(tf: Tf, model: tfjs.LayersModel, task: Task, data: TrainingData | null): Promise<EpochSamples | null> {
  if (!data || data.count === 0) return null;
  switch (task) {
    case 'reconstruction': {
      const input = data.inputs[0]!.data;
      const target = data.target.data;
      if (!(input instanceof Float32Array) || !(target instanceof Float32Array)) return null;
      return { kind: 'reconstructions', images: await reconstructionSamples(tf, model, input, target, data.target.shape) };
    }
    case 'sequence': {
      if (data.inputs.length !== 2) return null;
      const report = await decodeReport(tf, model, data);
      return { kind: 'decoded', images: [], lines: report.lines, exactMatch: report.exactMatch };
    }
    case 'classification':
    case 'regression':
      return null;
  }
}
