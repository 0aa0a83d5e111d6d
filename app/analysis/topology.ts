import type { EdgeDoc, NodeDoc } from '../document/schema';

/** Successors of each node, built once from the edge list; edges to unknown nodes are left out. */
export type Successors = ReadonlyMap<string, readonly string[]>;

export function successorsOf(nodes: readonly NodeDoc[], edges: readonly EdgeDoc[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const n of nodes) out.set(n.id, []);
  for (const e of edges) {
    const list = out.get(e.source);
    if (list && out.has(e.target)) list.push(e.target);
  }
  return out;
}

/** Kahn's algorithm, O(nodes + edges); the nodes it cannot order sit on or behind a cycle. */
export function topologicalOrder(nodes: readonly NodeDoc[], next: Successors): { order: string[]; blocked: Set<string> } {
  const indegree = new Map<string, number>();
  for (const n of nodes) indegree.set(n.id, 0);
  for (const targets of next.values()) for (const t of targets) indegree.set(t, indegree.get(t)! + 1);
  const order: string[] = [];
  for (const n of nodes) if (indegree.get(n.id) === 0) order.push(n.id);
  // `order` doubles as the queue: an array iterator also visits what is pushed while it runs.
  for (const id of order) {
    for (const t of next.get(id)!) {
      const left = indegree.get(t)! - 1;
      indegree.set(t, left);
      if (left === 0) order.push(t);
    }
  }
  const blocked = new Set<string>();
  for (const n of nodes) if (indegree.get(n.id)! > 0) blocked.add(n.id);
  return { order, blocked };
}

interface Frame {
  readonly id: string;
  /** The next successor of `id` to visit. */
  next: number;
}

/**
 * The nodes that lie on a cycle, not merely downstream of one: the members of every strongly
 * connected component with more than one node, and nodes that feed themselves. Tarjan's
 * algorithm with an explicit stack, so a 200,000-node loop neither recurses nor revisits.
 */
export function nodesOnCycles(blocked: ReadonlySet<string>, next: Successors): Set<string> {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const open = new Set<string>();
  const component: string[] = [];
  const onCycle = new Set<string>();
  const within = (id: string) => (next.get(id) ?? []).filter((t) => blocked.has(t));
  const successors = new Map<string, readonly string[]>();
  const enter = (id: string, work: Frame[]) => {
    index.set(id, index.size);
    low.set(id, index.get(id)!);
    component.push(id);
    open.add(id);
    successors.set(id, within(id));
    work.push({ id, next: 0 });
  };
  for (const root of blocked) {
    if (index.has(root)) continue;
    const work: Frame[] = [];
    enter(root, work);
    while (work.length > 0) {
      const frame = work[work.length - 1]!;
      const targets = successors.get(frame.id)!;
      if (frame.next < targets.length) {
        const t = targets[frame.next++]!;
        if (t === frame.id) onCycle.add(t);
        if (!index.has(t)) enter(t, work);
        else if (open.has(t)) low.set(frame.id, Math.min(low.get(frame.id)!, index.get(t)!));
        continue;
      }
      work.pop();
      const parent = work[work.length - 1];
      if (parent) low.set(parent.id, Math.min(low.get(parent.id)!, low.get(frame.id)!));
      if (low.get(frame.id) !== index.get(frame.id)) continue;
      // frame.id roots a component: everything above it on the component stack belongs to it.
      const start = component.lastIndexOf(frame.id);
      const members = component.splice(start);
      for (const m of members) open.delete(m);
      if (members.length > 1) for (const m of members) onCycle.add(m);
    }
  }
  return onCycle;
}
