import type * as tfjs from '@tensorflow/tfjs';
import type { Tf } from '../../../app/layers/types';
import type { Recorder } from '../../record/recorder';
import { saveKeepingOptimizer } from '../../record/keep-optimizer';
import { joinBuffers } from '../../record/weight-data';
import type { ComputePeer } from './peer';
import type { WireArtifacts } from './messages';

export function wireArtifacts(a: tfjs.io.ModelArtifacts): WireArtifacts {
  return {
    modelTopology: a.modelTopology as Record<string, unknown>,
    weightSpecs: (a.weightSpecs ?? []) as WireArtifacts['weightSpecs'],
    // One buffer, as the checkpoint file holds them; a fresh one, so it is exactly the weights.
    weightData: joinBuffers(a.weightData).buffer as ArrayBuffer,
    ...(a.format ? { format: a.format } : {}),
    ...(a.generatedBy ? { generatedBy: a.generatedBy } : {}),
    ...(a.convertedBy !== undefined ? { convertedBy: a.convertedBy } : {}),
    ...(a.userDefinedMetadata ? { userDefinedMetadata: a.userDefinedMetadata } : {}),
    ...(a.trainingConfig ? { trainingConfig: a.trainingConfig as unknown as Record<string, unknown> } : {}),
  };
}

/** The run's folder, written by the engine process: history is appended in order, checkpoints and pictures are awaited. */
export function remoteRecorder(tf: Tf, peer: ComputePeer): Recorder {
  const saveArtifacts = async (artifacts: WireArtifacts, which: 'last' | 'best', epoch: number | undefined, includesOptimizer: boolean) => {
    await peer.ask({ what: 'checkpoint', artifacts, which, ...(epoch !== undefined ? { epoch } : {}), includesOptimizer });
  };
  return {
    batches: (points) => peer.record({ what: 'batches', points: [...points] }),
    epoch: (record) => peer.record({ what: 'epoch', record }),
    dynamics: (view) => peer.record({ what: 'dynamics', view }),
    checkpoint: async (model, which, epoch) => {
      let sent = false;
      const save = (include: boolean) =>
        model.save(
          tf.io.withSaveHandler(async (a) => {
            sent = true;
            await saveArtifacts(wireArtifacts(a), which, epoch, include);
            return { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON' } };
          }),
          { includeOptimizer: include },
        );
      await saveKeepingOptimizer(model, which, save, () => sent);
    },
    checkpointArtifacts: (artifacts, which, epoch) => saveArtifacts(wireArtifacts(artifacts), which, epoch, artifacts.trainingConfig !== undefined),
    samples: async (epoch, kind, images) => {
      await peer.ask({ what: 'samples', epoch, kind, images: [...images] });
    },
  };
}
