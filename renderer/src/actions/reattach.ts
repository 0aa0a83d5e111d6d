import { transport } from '../transport';
import { useProjectStore } from '../store/project';
import { isActive, useRun } from '../store/run';
import { seedSeries } from '../store/series';
import { useSession } from '../store/session';
import { errorText, say } from './notify';

/**
 * A reloaded page or a second window joins the run the host is training, when it belongs to the
 * open project: the run store goes to its state, the charts are refilled from the run's record, and
 * live events carry on from there. Events that arrive while the record is read are held by the run
 * store (status "starting") and replayed over it; the series skip the points the record already had.
 */
export async function reattachToActiveRun(): Promise<void> {
  if (isActive(useRun.getState().status) || useSession.getState().connection !== 'open') return;
  const projectId = useProjectStore.getState().doc.id ?? null;
  if (!projectId) return;
  try {
    const { run } = await transport().request('run.active', {});
    if (run?.projectId !== projectId || isActive(useRun.getState().status)) return;
    const started = run.started;
    useRun.getState().begin(started?.epochs ?? useProjectStore.getState().doc.training.epochs);
    const detail = await transport().request('runs.get', { projectId, runId: run.runId });
    // The project or the run changed while the record was read: leave whatever the user did since.
    if (useRun.getState().status !== 'starting' || useRun.getState().runId !== null || useProjectStore.getState().doc.id !== projectId) return;
    const lastBatch = detail.batches[detail.batches.length - 1];
    const lastEpoch = detail.epochs[detail.epochs.length - 1];
    useRun.setState({
      // Until the engine has said run.started the run is still starting; its run.started event then arrives live.
      status: started ? (run.paused ? 'paused' : 'training') : 'starting',
      ...(started
        ? {
            backend: started.backend,
            epochs: started.epochs,
            batchesPerEpoch: started.batchesPerEpoch,
            samples: started.samples,
            lossName: started.loss,
            initialEpoch: started.initialEpoch,
            continuedFrom: started.continuedFrom,
          }
        : {}),
      epoch: Math.max(lastEpoch?.epoch ?? 0, started?.initialEpoch ?? 0),
      step: lastBatch?.step ?? 0,
      latest: lastEpoch?.logs ?? null,
      seconds: lastEpoch?.seconds ?? null,
    });
    useRun.getState().attach(run.runId, () => seedSeries(detail.batches, detail.epochs));
  } catch (e) {
    if (useRun.getState().status === 'starting' && useRun.getState().runId === null) useRun.getState().reset();
    say('warning', 'Could not rejoin the run in progress', [errorText(e)]);
  }
}
