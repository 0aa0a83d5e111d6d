import type * as tfjs from '@tensorflow/tfjs';
import type { ProjectDoc } from '../../app/document/schema';
import type { Tf } from '../../app/layers/types';
import type { BackendName } from '../../app/protocol/backend';
import type { HostEvent } from '../../app/protocol/events';
import type { BatchPoint, EpochRecord, SampleImage } from '../../app/protocol/runs';
import type { RunControls } from './controls';
import type { RunObserver } from './run/observer';

export interface TrainRequest {
  readonly runId: string;
  readonly document: ProjectDoc;
  readonly backend?: BackendName;
  /** Continue an earlier run: its folder (weights/last) and the epochs it completed. */
  readonly resume?: { readonly runDir: string; readonly epochsDone: number };
  readonly runDir?: string;
  /** The Python interpreter the user set for the PyTorch engine (else LAYERLAB_PYTHON, python3, /usr/bin/python3). */
  readonly python?: string;
  /** When PyTorch is asked for and is not there: train with LayerLab's own engine instead of failing (the user agreed). */
  readonly fallback?: boolean;
}

/** Where a run's history, checkpoints and pictures go (a no-op when the run is not recorded). */
export interface RunRecorder {
  batches(points: readonly BatchPoint[]): void;
  epoch(record: EpochRecord): void;
  checkpoint(model: tfjs.LayersModel, which: 'last' | 'best'): Promise<void>;
  samples(epoch: number, kind: string, images: readonly SampleImage[]): Promise<void>;
}

export interface TrainContext {
  readonly tf: Tf;
  readonly emit: (event: HostEvent) => void;
  /** Pause/step/stop between batches; without it a run only stops when asked through `stopRequested`. */
  readonly controls?: RunControls;
  readonly stopRequested?: () => boolean;
  readonly recorder?: RunRecorder;
  /** Loads a recorded run's last weights, for "continue training from this run". */
  readonly loadCheckpoint?: (runDir: string) => Promise<tfjs.LayersModel>;
  /** Watch the run from inside the engine (the views); the skeleton calls them for every mode. */
  readonly observers?: readonly RunObserver[];
}

export { UserError } from '../user-error';
