import type { EdgeDoc, GraphDoc, NodeDoc } from '../document/schema';
import { getLayer } from '../layers/registry';
import { MAIN_OUTPUT, outputNames, type LayerDef, type Shape } from '../layers/types';
import { checkConnections, type Feeds } from './connections';
import { nodesOnCycles, successorsOf, topologicalOrder } from './topology';
import { unknownParamIssues } from './unknown-params';
import type { Analysis, GraphIssue, InboundRef, NodeInfo } from './types';

type Mutable<T> = { -readonly [K in keyof T]: T[K] };
type Info = Mutable<NodeInfo> & { issues: GraphIssue[] };

const blank = (id: string): Info => ({
  id,
  shape: null,
  outputNames: [],
  outputShapes: [],
  params: 0,
  nonTrainable: 0,
  issues: [],
  inbound: [],
  inboundRefs: [],
});

/**
 * Shape inference, validation and parameter counts for a whole graph. Pure; runs on every edit,
 * so every step is linear in nodes + edges: adjacency built once, no recursion, no spreads
 * into calls (a 200,000-layer graph must not overflow the stack).
 */
export function analyzeGraph(graph: GraphDoc): Analysis {
  const infos = new Map<string, Info>();
  for (const n of graph.nodes) infos.set(n.id, blank(n.id));
  const warnings: GraphIssue[] = [];
  const flag = (nodeId: string, issue: Omit<GraphIssue, 'nodeId'>) => infos.get(nodeId)?.issues.push({ ...issue, nodeId });
  const { feeds, usable, issues: edgeIssues } = checkConnections(graph.nodes, graph.edges);
  const graphIssues: GraphIssue[] = [];

  const next = successorsOf(graph.nodes, usable);
  const { order, blocked } = topologicalOrder(graph.nodes, next);
  for (const id of nodesOnCycles(blocked, next)) {
    flag(id, {
      severity: 'error',
      message: 'This layer is part of a loop. Data must flow one way, from Input to output.',
      fix: 'Delete one of the connections that loops back.',
    });
  }
  const seenNames = new Set<string>();
  const hasOutgoing = new Set<string>();
  const hasIncoming = new Set<string>();
  for (const e of usable) {
    hasOutgoing.add(e.source);
    hasIncoming.add(e.target);
  }
  const byId = new Map<string, NodeDoc>();
  const inputNodes: string[] = [];
  for (const n of graph.nodes) {
    byId.set(n.id, n);
    if (n.type === 'InputLayer') inputNodes.push(n.id);
    if (seenNames.has(n.name))
      flag(n.id, { severity: 'error', message: `Another layer is already called "${n.name}".`, fix: 'Give this layer a unique name in the inspector.' });
    seenNames.add(n.name);
    const def = getLayer(n.type);
    if (def) for (const w of unknownParamIssues(n, def)) warnings.push(w);
  }
  if (graph.nodes.length > 0 && inputNodes.length === 0) {
    graphIssues.push({
      severity: 'error',
      message: 'The network has no Input layer.',
      fix: 'Drag an Input from the palette and connect it to the first layer.',
    });
  }

  for (const id of order) {
    const node = byId.get(id)!;
    const def = getLayer(node.type);
    if (!def) {
      flag(id, { severity: 'error', message: `Unknown layer type "${node.type}".`, fix: 'Delete this node.' });
      continue;
    }
    if (graph.nodes.length > 1 && !hasOutgoing.has(id) && !hasIncoming.has(id)) {
      flag(id, { severity: 'error', message: 'This layer is not connected to anything.', fix: 'Wire it into the network, or select it and press Delete.' });
      continue;
    }
    inferNode(node, def, feeds, infos, byId, inputNodes.length > 0, flag);
  }

  const all: GraphIssue[] = [...graphIssues, ...edgeIssues];
  for (const info of infos.values()) for (const i of info.issues) all.push(i);
  for (const i of edgeIssues) infos.get(i.nodeId!)?.issues.push(i);
  // Warnings come after every error, on the node as in the list: the card shows its first issue.
  for (const w of warnings) {
    all.push(w);
    infos.get(w.nodeId!)?.issues.push(w);
  }
  const outputs = order.filter((id) => !hasOutgoing.has(id) && hasIncoming.has(id));
  const anyError = all.some((i) => i.severity === 'error');
  if (inputNodes.length > 0 && outputs.length === 0 && !anyError) {
    all.push({
      severity: 'error',
      message: 'The network has no layers after its Input.',
      fix: 'Drag a Dense layer onto the canvas and connect the Input to it.',
    });
  }
  let total = 0;
  let frozen = 0;
  for (const i of infos.values()) {
    total += i.params;
    frozen += i.nonTrainable;
  }
  return {
    nodes: infos,
    issues: all,
    order,
    inputs: inputNodes,
    outputs,
    totalParams: total,
    trainableParams: total - frozen,
    nonTrainableParams: frozen,
    ok: graph.nodes.length > 0 && !all.some((i) => i.severity === 'error'),
  };
}

/** Gathers the shapes arriving at each handle, then applies the layer's shape rule. */
function inferNode(
  node: NodeDoc,
  def: LayerDef,
  feeds: Feeds,
  infos: Map<string, Info>,
  byId: Map<string, NodeDoc>,
  haveInput: boolean,
  flag: (nodeId: string, issue: Omit<GraphIssue, 'nodeId'>) => void,
): void {
  const info = infos.get(node.id)!;
  const parsed = def.params.safeParse(node.params);
  if (!parsed.success) {
    for (const i of parsed.error.issues) flag(node.id, { severity: 'error', message: `${String(i.path[0] ?? 'params')}: ${i.message}` });
    return;
  }
  const refs: InboundRef[] = [];
  const shapes: Shape[] = [];
  let waiting = false;
  for (const h of def.inputs) {
    const edges: EdgeDoc[] = feeds.get(node.id)?.get(h.name) ?? [];
    if (edges.length === 0) {
      if (h.optional) continue;
      const only = def.inputs.length === 1;
      flag(node.id, {
        severity: 'error',
        handle: h.name,
        message: only ? 'Nothing feeds this layer.' : `Nothing feeds the "${h.label}" input.`,
        fix: haveInput
          ? `Drag from another layer's output handle to this layer's ${only ? '' : `"${h.label}" `}input handle.`
          : 'Add an Input layer and connect it here.',
      });
      waiting = true;
      continue;
    }
    for (const e of edges) {
      const src = infos.get(e.source)!;
      const upstream = byId.get(e.source)!;
      const srcDef = getLayer(upstream.type);
      const names = srcDef ? outputNames(srcDef, upstream.params) : [MAIN_OUTPUT];
      const index = names.indexOf(e.sourceHandle);
      if (index < 0) {
        flag(node.id, {
          severity: 'error',
          handle: h.name,
          message: `${upstream.name} has no output called "${e.sourceHandle}".`,
          fix: 'Reconnect from one of its outputs.',
        });
        waiting = true;
        continue;
      }
      refs.push({ source: e.source, output: index });
      const shape = src.outputShapes[index];
      if (shape) shapes.push(shape);
      else waiting = true;
    }
  }
  info.inboundRefs = refs;
  info.inbound = refs.map((r) => r.source);
  if (waiting) return;
  const result = def.outputShape(parsed.data, shapes);
  if (!result.ok) {
    flag(node.id, {
      severity: 'error',
      message: result.message,
      ...(result.fix ? { fix: result.fix } : {}),
      ...(result.handle ? { handle: result.handle } : {}),
    });
    return;
  }
  info.shape = result.shape;
  info.outputNames = outputNames(def, parsed.data);
  info.outputShapes = [result.shape, ...(result.extra ?? [])];
  info.params = def.paramCount(parsed.data, shapes);
  // A frozen layer's weights all count as non-trainable, as in Keras.
  info.nonTrainable = !node.trainable ? info.params : (def.nonTrainableCount?.(parsed.data, shapes) ?? 0);
}
