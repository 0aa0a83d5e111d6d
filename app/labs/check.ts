import type { Analysis } from '../analysis/types';
import type { FitIssue } from '../data/fit';
import { isUserDataset } from '../data/source';
import type { ProjectDoc } from '../document/schema';
import type { LabCheck, LabStep } from './schema';

/** The latest run as a lab sees it: how it ended and its final metrics. */
export interface RunFacts {
  readonly status: 'completed' | 'stopped' | 'failed' | 'running' | 'none';
  readonly metrics: Readonly<Record<string, number>>;
}

export interface LabState {
  readonly doc: ProjectDoc;
  readonly analysis: Analysis;
  readonly fit: readonly FitIssue[];
  readonly run: RunFacts;
  /** Reflection steps the learner ticked. */
  readonly ticked: ReadonlySet<string>;
}

const sameValue = (a: unknown, b: unknown) => (Array.isArray(b) ? JSON.stringify(a) === JSON.stringify(b) : a === b);

/** Whether one step's check passes now. Pure: the panel calls it on every change. */
export function checkPasses(step: LabStep, s: LabState): boolean {
  const c: LabCheck = step.check;
  const { nodes, edges } = s.doc.graph;
  switch (c.kind) {
    case 'layer':
      return nodes.filter((n) => n.type === c.type && Object.entries(c.params).every(([k, v]) => sameValue(n.params[k], v))).length >= c.count;
    case 'edge': {
      const type = new Map(nodes.map((n) => [n.id, n.type]));
      return edges.some((e) => type.get(e.source) === c.from && type.get(e.target) === c.to);
    }
    case 'dataset':
      // Your own data counts once its file or folder is chosen, not when the kind alone is picked.
      return (
        s.doc.data.dataset === c.dataset &&
        (c.objective === undefined || s.doc.data.objective === c.objective) &&
        (!isUserDataset(c.dataset) || Boolean(s.doc.data.source?.path))
      );
    case 'mode':
      return s.doc.training.mode === c.mode;
    case 'valid':
      return s.analysis.ok && s.fit.length === 0;
    case 'run': {
      if (s.run.status !== 'completed' && s.run.status !== 'stopped') return false;
      const v = s.run.metrics[c.metric];
      if (v === undefined || !Number.isFinite(v)) return false;
      return (c.atLeast === undefined || v >= c.atLeast) && (c.atMost === undefined || v <= c.atMost);
    }
    case 'reflect':
      return s.ticked.has(step.id);
  }
}

/** Which steps pass, in order. */
export function checkLab(steps: readonly LabStep[], s: LabState): boolean[] {
  return steps.map((step) => checkPasses(step, s));
}
