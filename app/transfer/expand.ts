import type { EdgeDoc, NodeDoc, ProjectDoc } from '../document/schema';
import { ImportError } from '../import/errors';
import { toGraph } from '../import/to-graph';
import { readTopology } from '../import/topology';
import { getLayer } from '../layers/registry';
import { outputNames } from '../layers/types';
import { pretrainedParams, pretrainedPlan } from './plan';
import type { Preprocess } from './preprocess';
import { sourceKey } from './sources';

/** A layer of the expanded graph that starts from a pretrained source's weights rather than from its initialiser. */
export interface PretrainedLayer {
  /** Its name in the expanded graph (the source's name unless another layer of the project has it). */
  readonly name: string;
  /** `sourceKey` of the model it comes from, and its name there (its weights are `<sourceLayer>/kernel`…). */
  readonly source: string;
  readonly sourceLayer: string;
  /** Learning rate as a multiple of the run's (1 for layers the node's own settings do not scale). */
  readonly lrMultiplier: number;
}

/** The fixed 1×1 convolution a pretrained node puts in front of its source (named as the engine names it). */
export interface PreprocessLayer {
  readonly name: string;
  readonly preprocess: Exclude<Preprocess, 'none'>;
}

export type ExpandResult =
  | {
      readonly ok: true;
      readonly doc: ProjectDoc;
      readonly pretrained: readonly PretrainedLayer[];
      readonly preprocess: readonly PreprocessLayer[];
    }
  | { readonly ok: false; readonly errors: readonly string[] };

/** A name not yet taken, preferring `want`, then `<prefix>_<want>`, then numbered. */
function freeName(want: string, prefix: string, taken: Set<string>): string {
  let name = taken.has(want) ? `${prefix}_${want}` : want;
  for (let i = 2; taken.has(name); i++) name = `${prefix}_${want}_${i}`;
  taken.add(name);
  return name;
}

interface Expanded {
  readonly nodes: NodeDoc[];
  readonly edges: EdgeDoc[];
  /** Where the node's input now goes, and where its output now comes from. */
  readonly entry: readonly { readonly id: string; readonly handle: string }[];
  readonly exit: { readonly id: string; readonly handle: string };
  readonly pretrained: PretrainedLayer[];
  readonly preprocess?: PreprocessLayer;
}

/** One pretrained node as the source's layers up to its cut, frozen as it chooses. */
function expandNode(node: NodeDoc, topology: unknown, names: Set<string>, ids: Set<string>): Expanded | string {
  const p = pretrainedParams.parse(node.params);
  const plan = pretrainedPlan(p);
  if (!plan.ok) return `${node.name}: ${plan.message}`;
  let graph;
  try {
    graph = toGraph(readTopology(topology));
  } catch (e) {
    return `${node.name}: its source model cannot be read (${e instanceof ImportError ? e.message : String(e)}).`;
  }
  const keep = new Set(plan.kept.map((l) => l.name));
  const gaps = graph.gaps.filter((g) => keep.has(g.name));
  if (gaps.length > 0) return `${node.name}: its source's ${gaps.map((g) => `${g.name} (${g.className}: ${g.reason})`).join('; ')} cannot be written as code.`;
  const kept = graph.nodes.filter((n) => keep.has(n.name));
  const inputs = new Set(kept.filter((n) => n.type === 'InputLayer').map((n) => n.id));
  const id = new Map<string, string>();
  const nodes: NodeDoc[] = [];
  const pretrained: PretrainedLayer[] = [];
  const key = sourceKey(p.source);
  // A layer without weights has nothing to freeze and stays trainable, as it would in a graph built by hand.
  const weightless = new Set(plan.kept.filter((l) => l.params === 0).map((l) => l.name));
  const unfrozen = (layer: string) => weightless.has(layer) || (node.trainable && plan.trainable.has(layer));
  kept.forEach((n, i) => {
    if (inputs.has(n.id)) return;
    const newId = freeName(`${node.id}_${n.id}`, node.id, ids);
    const name = freeName(n.name, node.name, names);
    id.set(n.id, newId);
    const at = { x: node.position.x, y: node.position.y + 40 * i };
    nodes.push({ ...n, id: newId, name, position: at, trainable: unfrozen(n.name), role: node.role });
    if (!weightless.has(n.name)) pretrained.push({ name, source: key, sourceLayer: n.name, lrMultiplier: unfrozen(n.name) ? p.lrMultiplier : 1 });
  });
  let preprocess: PreprocessLayer | undefined;
  let feed: { id: string; handle: string } | undefined;
  if (p.preprocess !== 'none') {
    // The engine's name for it, so a run's checkpoint finds its weights here too.
    const name = freeName(`${node.name}_preprocess`, node.name, names);
    const pid = freeName(`${node.id}_preprocess`, node.id, ids);
    nodes.unshift({
      id: pid,
      type: 'Conv2D',
      name,
      position: node.position,
      params: { filters: 3, kernelSize: [1, 1], activation: 'linear', useBias: true },
      trainable: false,
      role: node.role,
    });
    preprocess = { name, preprocess: p.preprocess };
    feed = { id: pid, handle: 'input' };
  }
  const edges: EdgeDoc[] = [];
  const entry: { id: string; handle: string }[] = feed ? [feed] : [];
  for (const e of graph.edges) {
    const target = id.get(e.target);
    if (!target) continue;
    if (inputs.has(e.source)) {
      if (feed) edges.push({ ...e, id: `${target}_from_preprocess`, source: feed.id, sourceHandle: 'output', target });
      else entry.push({ id: target, handle: e.targetHandle });
      continue;
    }
    const source = id.get(e.source);
    if (source) edges.push({ ...e, id: `${source}_${target}_${e.id}`, source, target });
  }
  const cutNode = kept.find((n) => n.name === plan.cut);
  const cutDef = cutNode ? getLayer(cutNode.type) : undefined;
  const exitId = cutNode ? id.get(cutNode.id) : undefined;
  if (!cutNode || !cutDef || !exitId) return `${node.name}: the source's layer "${plan.cut}" cannot be cut at here.`;
  const handle = outputNames(cutDef, cutNode.params)[0] ?? 'output';
  return { nodes, edges, entry, exit: { id: exitId, handle }, pretrained, ...(preprocess ? { preprocess } : {}) };
}

/**
 * The document with every Pretrained model node replaced by the layers it keeps of its source, as plain layers
 * (frozen ones not trainable), which is how code outside LayerLab writes a transfer model. `sources` holds each
 * source's model.json by `sourceKey`; the engine side reads them. The weights to start from are listed, by name.
 */
export function expandPretrained(doc: ProjectDoc, sources: ReadonlyMap<string, unknown>): ExpandResult {
  const targets = doc.graph.nodes.filter((n) => n.type === 'PretrainedModel');
  if (targets.length === 0) return { ok: true, doc, pretrained: [], preprocess: [] };
  const names = new Set(doc.graph.nodes.filter((n) => n.type !== 'PretrainedModel').map((n) => n.name));
  const ids = new Set(doc.graph.nodes.map((n) => n.id));
  const errors: string[] = [];
  let nodes = doc.graph.nodes;
  let edges = doc.graph.edges;
  let groups = doc.groups;
  const pretrained: PretrainedLayer[] = [];
  const preprocess: PreprocessLayer[] = [];
  for (const node of targets) {
    const topology = sources.get(sourceKey(pretrainedParams.parse(node.params).source));
    if (topology === undefined) {
      errors.push(`${node.name}: its source model was not read, so its layers cannot be written out.`);
      continue;
    }
    const x = expandNode(node, topology, names, ids);
    if (typeof x === 'string') {
      errors.push(x);
      continue;
    }
    nodes = nodes.flatMap((n) => (n.id === node.id ? x.nodes : [n]));
    edges = edges.flatMap((e): EdgeDoc[] => {
      if (e.target === node.id) return x.entry.map((to, i) => ({ ...e, id: `${e.id}_${i}`, target: to.id, targetHandle: to.handle }));
      if (e.source === node.id) return [{ ...e, source: x.exit.id, sourceHandle: x.exit.handle }];
      return [e];
    });
    edges.push(...x.edges);
    groups = groups.map((g) => ({ ...g, nodes: g.nodes.flatMap((n) => (n === node.id ? x.nodes.map((m) => m.id) : [n])) }));
    pretrained.push(...x.pretrained);
    if (x.preprocess) preprocess.push(x.preprocess);
  }
  if (errors.length > 0) return { ok: false, errors };
  return { ok: true, doc: { ...doc, graph: { nodes, edges }, groups }, pretrained, preprocess };
}
