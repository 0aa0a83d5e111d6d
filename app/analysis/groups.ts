import type { GraphDoc } from '../document/schema';
import type { GroupDoc } from '../document/groups';
import { getLayer } from '../layers/registry';
import { outputNames, type Shape } from '../layers/types';
import type { Analysis } from './types';

/** One handle of a collapsed block: a member's input or output that the outside can reach. */
export interface BoundaryHandle {
  /** `<member id>/<handle name>`: unique on the block's card and reversible to the member's handle. */
  readonly id: string;
  readonly nodeId: string;
  readonly handle: string;
  /** What the card shows: the member's name, and the handle's label where the member has several. */
  readonly label: string;
  readonly shape: Shape | null;
  readonly multiple: boolean;
}

export interface GroupStats {
  readonly inputs: readonly BoundaryHandle[];
  readonly outputs: readonly BoundaryHandle[];
  readonly params: number;
  readonly trainable: number;
  readonly frozen: number;
  /** Issues of member layers, so a collapsed block still shows that something inside is wrong. */
  readonly errors: number;
}

export const boundaryHandleId = (nodeId: string, handle: string): string => `${nodeId}/${handle}`;

/** Splits a boundary handle id back into the member and its handle; null for anything else. */
export function parseBoundaryHandle(id: string): { nodeId: string; handle: string } | null {
  const at = id.lastIndexOf('/');
  if (at <= 0 || at === id.length - 1) return null;
  return { nodeId: id.slice(0, at), handle: id.slice(at + 1) };
}

/**
 * A block's handles are its members' handles that cross its boundary: inputs fed from outside
 * (or not fed at all, so a collapsed block can still be wired), and outputs that feed a layer
 * outside or nothing (the network's outputs). Params are the members' sums. Linear in the graph.
 */
export function groupStats(graph: GraphDoc, group: GroupDoc, analysis: Analysis): GroupStats {
  const members = new Set(group.nodes);
  const byId = new Map(graph.nodes.map((n) => [n.id, n]));
  const fedFrom = new Map<string, { inside: boolean; outside: boolean }>();
  const feeds = new Map<string, { inside: boolean; outside: boolean }>();
  const mark = (m: Map<string, { inside: boolean; outside: boolean }>, key: string, inside: boolean) => {
    const v = m.get(key) ?? { inside: false, outside: false };
    m.set(key, inside ? { ...v, inside: true } : { ...v, outside: true });
  };
  for (const e of graph.edges) {
    if (members.has(e.target)) mark(fedFrom, boundaryHandleId(e.target, e.targetHandle), members.has(e.source));
    if (members.has(e.source)) mark(feeds, boundaryHandleId(e.source, e.sourceHandle), members.has(e.target));
  }
  const inputs: BoundaryHandle[] = [];
  const outputs: BoundaryHandle[] = [];
  let params = 0;
  let frozen = 0;
  let errors = 0;
  for (const id of group.nodes) {
    const node = byId.get(id);
    const def = node && getLayer(node.type);
    if (!node || !def) continue;
    const info = analysis.nodes.get(id);
    params += info?.params ?? 0;
    frozen += info?.nonTrainable ?? 0;
    errors += info?.issues.filter((i) => i.severity === 'error').length ?? 0;
    for (const h of def.inputs) {
      const hid = boundaryHandleId(id, h.name);
      const fed = fedFrom.get(hid);
      if (fed?.inside && !fed.outside && !h.multiple) continue;
      if (!fed && h.optional) continue;
      const label = def.inputs.length > 1 ? `${node.name} · ${h.label}` : node.name;
      inputs.push({ id: hid, nodeId: id, handle: h.name, label, shape: null, multiple: h.multiple === true });
    }
    const names = outputNames(def, node.params);
    names.forEach((name, i) => {
      const hid = boundaryHandleId(id, name);
      const use = feeds.get(hid);
      if (use?.inside && !use.outside) return;
      const label = names.length > 1 ? `${node.name} · ${name}` : node.name;
      outputs.push({ id: hid, nodeId: id, handle: name, label, shape: info?.outputShapes[i] ?? null, multiple: false });
    });
  }
  return { inputs, outputs, params, trainable: params - frozen, frozen, errors };
}
