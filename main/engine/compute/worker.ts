import type * as tfjs from '@tensorflow/tfjs';
import { registerSequenceLayerClasses } from '../../../app/layers/tfjs/register';
import { registerSubtract } from '../../../app/layers/tfjs/subtract';
import type { Tf } from '../../../app/layers/types';
import type { BackendName } from '../../../app/protocol/backend';
import { EVENT_VERSION, type HostEvent } from '../../../app/protocol/events';
import { selectBackend } from '../backend';
import type { TrainContext } from '../context';
import { RunControls } from '../controls';
import { failureEvent } from '../run/fail';
import { train } from '../train';
import { recordingViews, viewObservers } from '../views';
import type { ComputeRequest, WireArtifacts } from './messages';
import { ComputePeer, useComputePeer, type FrameLink } from './peer';
import { remoteRecorder } from './remote-recorder';

const short = (e: unknown) => (e instanceof Error ? e.message : String(e)).slice(0, 1500);

/** Weights the engine process read from disk, as a model (custom layer classes registered first, as loadCheckpoint does). */
export function modelFrom(tf: Tf, artifacts: WireArtifacts): Promise<tfjs.LayersModel> {
  registerSequenceLayerClasses(tf);
  registerSubtract(tf);
  return tf.loadLayersModel({ load: () => Promise.resolve(artifacts as unknown as tfjs.io.ModelArtifacts) });
}

function run(tf: Tf, peer: ComputePeer, request: ComputeRequest, backend: BackendName, gone: Promise<null>): Promise<void> {
  const { runId, document } = request;
  const emit = (event: HostEvent) => peer.send({ t: 'event', event });
  const controls = new RunControls(
    (step) => emit({ v: EVENT_VERSION, type: 'run.paused', runId, step }),
    () => emit({ v: EVENT_VERSION, type: 'run.resumed', runId }),
  );
  peer.onMessage((m) => {
    if (m.t === 'control') controls[m.op]();
  });
  // The engine process is gone (the run ended there, or the host went away): stop at the next batch.
  void gone.then(() => controls.stop());
  const recorder = request.recorded ? remoteRecorder(tf, peer) : undefined;
  const ctx: TrainContext = {
    tf,
    emit,
    controls,
    ...(recorder ? { recorder } : {}),
    loadCheckpoint: async () => modelFrom(tf, (await peer.ask({ what: 'resume' })) as WireArtifacts),
    observers: viewObservers(
      tf,
      document,
      recordingViews(recorder ?? { dynamics: () => undefined }, (view) => emit({ v: EVENT_VERSION, type: 'run.view', runId, view })),
    ),
  };
  return train(
    {
      runId,
      document,
      backend,
      // The folder is the engine process's; the worker only needs to know there is an earlier run to load.
      ...(request.resumeEpochs !== undefined ? { resume: { runDir: 'engine', epochsDone: request.resumeEpochs } } : {}),
    },
    ctx,
  );
}

/**
 * The compute worker's whole life: get the GPU (WebGPU, checked against cpu), say so, train the one run the
 * engine process sends, report how it ended, close. Every failure becomes the run's `run.failed`. In the
 * browser bundle selectBackend is WebGPU whatever is asked; the tests, in Node, ask for cpu.
 */
export async function serveCompute(tf: Tf, link: FrameLink, backend: BackendName = 'webgpu'): Promise<void> {
  const peer = new ComputePeer(link);
  useComputePeer(peer);
  const started = new Promise<ComputeRequest>((resolve) =>
    peer.onMessage((m) => {
      if (m.t === 'start') resolve(m.request);
    }),
  );
  const gone = new Promise<null>((resolve) => link.onClose(() => resolve(null)));
  try {
    peer.send({ t: 'ready', backend: await selectBackend(tf, backend) });
  } catch (e) {
    peer.send({ t: 'unavailable', message: `WebGPU cannot train here: ${short(e)}` });
    return;
  }
  const request = await Promise.race([started, gone]);
  if (!request) return;
  try {
    await run(tf, peer, request, backend, gone);
  } catch (e) {
    peer.send({ t: 'event', event: failureEvent(request.runId, e) });
  }
  peer.send({ t: 'done' });
}
