import { create } from 'zustand';
import type { RunDetail, RunSummary } from '../../../app/protocol';

/** The current project's recorded runs, as the host lists them; none of it is part of the document. */
export interface RunsState {
  /** Which project `runs` belongs to. */
  readonly projectId: string | null;
  /** Newest first; null until the first list arrives. */
  readonly runs: readonly RunSummary[] | null;
  readonly loading: boolean;
  readonly error: string | null;
  /** Runs whose curves are overlaid, in the order they were ticked. */
  readonly overlay: readonly string[];
  /** Full histories fetched for the overlay, restore or continue. */
  readonly details: Readonly<Record<string, RunDetail>>;
}

export const useRuns = create<RunsState>()(() => ({ projectId: null, runs: null, loading: false, error: null, overlay: [], details: {} }));

export const newestFirst = (runs: readonly RunSummary[]): RunSummary[] =>
  [...runs].sort((a, b) => (a.startedAt < b.startedAt ? 1 : a.startedAt > b.startedAt ? -1 : 0));

/** A name to show: the user's, or "Run 3" by order of starting (the list is newest first). */
export function runLabel(run: RunSummary): string {
  if (run.name.trim()) return run.name;
  const runs = useRuns.getState().runs;
  const i = runs?.findIndex((r) => r.id === run.id) ?? -1;
  return i >= 0 && runs ? `Run ${runs.length - i}` : `Run ${run.id.slice(0, 6)}`;
}
