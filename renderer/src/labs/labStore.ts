import { create } from 'zustand';
import type { Lab } from '../../../app/labs/schema';

/** The lab being followed in this window: view state, never in the document. */
export interface LabState {
  readonly lab: Lab | null;
  /** Reflection steps the learner ticked. */
  readonly ticked: ReadonlySet<string>;
  /** Steps whose Check was pressed while failing: their hint is shown. */
  readonly missed: ReadonlySet<string>;
  readonly start: (lab: Lab) => void;
  readonly close: () => void;
  readonly tick: (stepId: string) => void;
  readonly miss: (stepId: string) => void;
}

export const useLab = create<LabState>()((set, get) => ({
  lab: null,
  ticked: new Set(),
  missed: new Set(),
  start(lab) {
    set({ lab, ticked: new Set(), missed: new Set() });
  },
  close() {
    set({ lab: null });
  },
  tick(stepId) {
    set({ ticked: new Set([...get().ticked, stepId]) });
  },
  miss(stepId) {
    set({ missed: new Set([...get().missed, stepId]) });
  },
}));
