import type { EdgeDoc, NodeDoc } from '../document/schema';
import { getLayer, LAYERS } from '../layers/registry';
import { outputNames, type LayerDef } from '../layers/types';
import { layerParams } from './layer-params';
import type { SavedLayer, SavedModel } from './topology';

/** A layer of the file that is not in the graph, and why. */
export interface ImportGap {
  readonly name: string;
  readonly className: string;
  readonly reason: string;
}

export interface ImportedGraph {
  readonly nodes: NodeDoc[];
  readonly edges: EdgeDoc[];
  readonly gaps: readonly ImportGap[];
  /** What was imported but not exactly (a dropped regularizer, a shared layer's later calls). */
  readonly warnings: readonly string[];
}

/** The definition a saved class name imports as: its own name (names follow Keras) or one it declares as an alias. */
function definitionFor(className: string): LayerDef | undefined {
  return getLayer(className) ?? LAYERS.find((d) => d.kerasAliases?.includes(className));
}

/** A node id from the layer name: stable, readable in the file, unique. */
function nodeId(name: string, taken: Set<string>): string {
  const base = name.replace(/[^A-Za-z0-9_-]+/g, '_').slice(0, 60) || 'layer';
  let id = base;
  for (let i = 2; taken.has(id); i++) id = `${base}_${i}`;
  taken.add(id);
  return id;
}

interface Placed {
  readonly id: string;
  readonly def: LayerDef;
  readonly params: Record<string, unknown>;
}

/** The input handle the i-th tensor of a call lands on: all on a `multiple` handle, otherwise one handle each. */
function targetHandle(def: LayerDef, index: number): string | undefined {
  const [only] = def.inputs;
  if (def.inputs.length === 1 && only?.multiple) return only.name;
  return def.inputs[index]?.name;
}

/**
 * The LayerLab graph of a saved model: one node per layer LayerLab has, wired as the file wires them. A layer it
 * lacks (or whose settings it cannot represent) becomes a gap: left out, listed with its class and reason, and the
 * layers it fed keep an unconnected input, which the canvas marks, so the user sees where the gap is.
 */
export function toGraph(model: SavedModel): ImportedGraph {
  const nodes: NodeDoc[] = [];
  const edges: EdgeDoc[] = [];
  const gaps: ImportGap[] = [];
  const warnings: string[] = [];
  const placed = new Map<string, Placed>();
  const taken = new Set<string>();
  const gap = (l: SavedLayer, reason: string) => gaps.push({ name: l.name, className: l.className, reason });
  for (const layer of model.layers) {
    const def = definitionFor(layer.className);
    if (!def) {
      gap(layer, `LayerLab has no ${layer.className} layer`);
      continue;
    }
    const read = layerParams(def, layer.config);
    if (!read.ok) {
      gap(layer, read.reason);
      continue;
    }
    if (layer.calls > 1) warnings.push(`${layer.name} is called ${layer.calls} times in the file (shared weights); LayerLab imports its first call.`);
    if (read.dropped.length > 0)
      warnings.push(`${layer.name}: ${read.dropped.join(', ')} ${read.dropped.length === 1 ? 'is' : 'are'} not kept (LayerLab has no such setting).`);
    const id = nodeId(layer.name, taken);
    placed.set(layer.name, { id, def, params: read.params });
    nodes.push({
      id,
      type: def.type,
      name: layer.name,
      position: { x: 0, y: 0 },
      params: read.params,
      trainable: layer.config.trainable !== false,
      role: 'model',
    });
    for (const [i, ref] of layer.inbound.entries()) {
      const source = placed.get(ref.layer);
      const handle = targetHandle(def, i);
      if (!source) {
        // A gap upstream: that input stays open. A name the file never defines is a broken file, said once.
        if (!model.layers.some((l) => l.name === ref.layer)) warnings.push(`${layer.name} is fed by "${ref.layer}", which the file does not define.`);
        continue;
      }
      const output = outputNames(source.def, source.params)[ref.tensor];
      if (!handle || !output) {
        warnings.push(`${layer.name}: its input ${i + 1} (from ${ref.layer}) has no place in LayerLab's ${def.type}; it is left unconnected.`);
        continue;
      }
      edges.push({ id: `e${edges.length + 1}`, source: source.id, sourceHandle: output, target: id, targetHandle: handle });
    }
  }
  return { nodes: inModelOrder(nodes, model), edges, gaps, warnings };
}

/**
 * LayerLab takes a graph's inputs in node order and its outputs in graph order, so the nodes are sorted to keep the
 * file's order of both: a model with two inputs still takes them as the file's predict did.
 */
function inModelOrder(nodes: NodeDoc[], model: SavedModel): NodeDoc[] {
  const rank = (n: NodeDoc) => {
    const input = model.inputOrder.indexOf(n.name);
    if (input >= 0) return input - model.inputOrder.length;
    const output = model.outputOrder.indexOf(n.name);
    return output >= 0 ? 1 + output : 0;
  };
  return nodes
    .map((n, i) => ({ n, i }))
    .sort((a, b) => rank(a.n) - rank(b.n) || a.i - b.i)
    .map(({ n }) => n);
}
