import type { EdgeDoc, NodeDoc } from '../document/schema';
import { getLayer } from '../layers/registry';
import type { GraphIssue } from './types';

/** Valid connections into each node, by target handle, in the order they were made. */
export type Feeds = Map<string, Map<string, EdgeDoc[]>>;

/** Checks every edge against the handles its ends declare; returns the usable ones and the problems. */
export function checkConnections(nodes: readonly NodeDoc[], edges: readonly EdgeDoc[]): { feeds: Feeds; usable: EdgeDoc[]; issues: GraphIssue[] } {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const feeds: Feeds = new Map();
  const usable: EdgeDoc[] = [];
  const issues: GraphIssue[] = [];
  for (const e of edges) {
    const target = byId.get(e.target);
    if (!target || !byId.has(e.source)) continue;
    const def = getLayer(target.type);
    const handle = def?.inputs.find((h) => h.name === e.targetHandle);
    let handles = feeds.get(e.target);
    if (!handles) feeds.set(e.target, (handles = new Map<string, EdgeDoc[]>()));
    let taken = handles.get(e.targetHandle);
    if (!taken) handles.set(e.targetHandle, (taken = []));
    if (def && !handle) {
      issues.push({
        severity: 'error',
        edgeId: e.id,
        nodeId: e.target,
        message: `${target.name} has no input called "${e.targetHandle}".`,
        fix: 'Delete this connection.',
      });
      continue;
    }
    if (taken.length > 0 && !handle?.multiple) {
      issues.push({
        severity: 'error',
        edgeId: e.id,
        nodeId: e.target,
        handle: e.targetHandle,
        message: `${target.name} already receives its "${e.targetHandle}" input from another layer.`,
        fix: 'Delete one of the two connections, or join them first with a merge layer (Concatenate, Add, …).',
      });
      continue;
    }
    // Appended in place: copying the list per edge would make a wide merge quadratic.
    taken.push(e);
    usable.push(e);
  }
  return { feeds, usable, issues };
}
