import { create } from 'zustand';
import type { TrainingView } from '../../../app/protocol';
import { transport } from '../transport';

export type DynamicsView = Extract<TrainingView, { kind: 'dynamics' }>;
export type BoundaryView = Extract<TrainingView, { kind: 'boundary' }>;

/** What the engine's view recorders sent about the current run; a new run starts empty. */
export interface ViewsState {
  readonly runId: string | null;
  /** One entry per recorded epoch, in order. */
  readonly dynamics: readonly DynamicsView[];
  readonly boundary: BoundaryView | null;
  /** How many decision fields arrived this run: the picture is live while this grows. */
  readonly boundaryFrames: number;
}

export const useViews = create<ViewsState>()(() => ({ runId: null, dynamics: [], boundary: null, boundaryFrames: 0 }));

let listening = false;

/** Starts collecting views from the host's events (once per window; idempotent). */
export function listenForViews(): void {
  if (listening) return;
  listening = true;
  transport().onEvent((event) => {
    if (event.type === 'run.started') {
      useViews.setState({ runId: event.runId, dynamics: [], boundary: null, boundaryFrames: 0 });
      return;
    }
    if (event.type !== 'run.view') return;
    const s = useViews.getState();
    if (s.runId !== null && s.runId !== event.runId) return;
    const view = event.view;
    switch (view.kind) {
      case 'dynamics':
        useViews.setState({ runId: event.runId, dynamics: [...s.dynamics.filter((d) => d.epoch < view.epoch), view] });
        return;
      case 'boundary':
        useViews.setState({ runId: event.runId, boundary: view, boundaryFrames: s.boundaryFrames + 1 });
        return;
    }
  });
}
