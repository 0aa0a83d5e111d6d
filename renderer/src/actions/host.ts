import { transport } from '../transport';
import { isActive, useRun } from '../store/run';
import { useSession } from '../store/session';
import { reattachToActiveRun } from './reattach';
import { invalidateRun, refreshRuns } from './runs';

/** How long after a run ends its record is read again. */
const RECORD_SETTLE_MS = 1500;

const errorText = (e: unknown) => (e instanceof Error ? e.message : String(e));

async function fetchHostInfo() {
  const t = transport();
  try {
    const info = await t.request('app.info', {});
    useSession.setState({ info });
  } catch (e) {
    console.warn('LayerLab: app.info failed', e);
  }
  try {
    const { templates } = await t.request('templates.list', {});
    useSession.setState({ templates, templatesError: null });
  } catch (e) {
    useSession.setState({ templatesError: errorText(e) });
  }
}

/** Wires the transport into the stores: connection state, host info, and run events. */
export function connectHost(): () => void {
  const t = transport();
  const onState = (state: ReturnType<typeof t.getState>) => {
    useSession.setState({ connection: state });
    if (state === 'open') {
      void fetchHostInfo();
      void refreshRuns();
      // A reload, a second window or a reconnect joins a run the host is still training.
      void reattachToActiveRun();
    }
    if (state === 'reconnecting' && isActive(useRun.getState().status)) {
      useRun.getState().fail('Lost the connection to the LayerLab server during training. The run may have stopped; start it again once the server is back.');
    }
  };
  const offState = t.onStateChange(onState);
  onState(t.getState());
  const offEvents = t.onEvent((event) => {
    useRun.getState().handle(event);
    // The runs list is the host's record: show a run as soon as it exists, and its result when it ends.
    if (event.type === 'run.started') void refreshRuns();
    if (event.type === 'run.finished' || event.type === 'run.failed') {
      const settle = () => {
        invalidateRun(event.runId);
        void refreshRuns();
      };
      settle();
      // The host may finish writing the run's record just after the event: read it again shortly.
      setTimeout(settle, RECORD_SETTLE_MS);
    }
  });
  return () => {
    offState();
    offEvents();
  };
}
