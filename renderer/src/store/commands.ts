import { pruneGroups, type GroupDoc } from '../../../app/document/groups';
import type { EdgeDoc, NodeDoc, ProjectDoc } from '../../../app/document/schema';
import type { DataSettings } from '../../../app/data/catalog';
import type { ParamFix } from '../../../app/data/fit';
import { defaultParams, getLayer } from '../../../app/layers/registry';
import { MAIN_OUTPUT } from '../../../app/layers/types';
import type { TrainingSettings } from '../../../app/training/settings';
import { applyGroupCommand, groupLabel, type GroupCommand } from './groupCommands';
import { edgeId } from './naming';

export interface XY {
  x: number;
  y: number;
}

/** Every edit a user can make to a project. Each one is a named, undoable step. */
export type Command =
  | { type: 'addNode'; id: string; layerType: string; position: XY }
  | { type: 'removeElements'; nodeIds: readonly string[]; edgeIds: readonly string[]; label?: string }
  /**
   * A new layer wired after another: `wire` connects the anchor to it, `reroute` hands the anchor's
   * outgoing edges to it, `moves` makes room downstream. Quick-add and palette double-click.
   */
  | {
      type: 'insertLayer';
      id: string;
      layerType: string;
      position: XY;
      wire: { source: string; sourceHandle: string; targetHandle: string } | null;
      reroute: readonly string[];
      moves: readonly { id: string; position: XY }[];
    }
  /** Layers and the edges between them, with ids already fresh: paste, duplicate, and a block from the library (with its group). */
  | { type: 'insertGraph'; nodes: readonly NodeDoc[]; edges: readonly EdgeDoc[]; label: string; groups?: readonly GroupDoc[] }
  | { type: 'connect'; source: string; sourceHandle: string; target: string; targetHandle: string }
  | { type: 'setParam'; nodeId: string; key: string; value: unknown }
  | { type: 'renameNode'; nodeId: string; name: string }
  | { type: 'moveNodes'; moves: readonly { id: string; position: XY }[] }
  /** Automatic layout: new positions for the whole graph or the selected layers. */
  | { type: 'layout'; moves: readonly { id: string; position: XY }[]; scope: 'graph' | 'selection' }
  | { type: 'setData'; patch: Partial<DataSettings> }
  /** Replaces the data settings at once: an import or a relocation of the user's own data. */
  | { type: 'importData'; settings: DataSettings; label: string }
  | { type: 'setTraining'; patch: Partial<TrainingSettings> }
  | { type: 'setProjectName'; name: string }
  | { type: 'applyFix'; fix: ParamFix }
  | { type: 'setTrainable'; nodeIds: readonly string[]; trainable: boolean }
  | { type: 'setRole'; nodeIds: readonly string[]; role: NodeDoc['role'] }
  /** Brings back a run's graph, data and training settings; the project keeps its id and name. */
  | { type: 'restoreSnapshot'; snapshot: ProjectDoc; label: string }
  | GroupCommand;

const layersLabel = (ids: readonly string[]) => (ids.length === 1 ? ids[0]! : `${ids.length} layers`);

/** The name of an undo step; `doc` is the document the command applies to (blocks are named by their name, not id). */
export function commandLabel(cmd: Command, doc: ProjectDoc): string {
  switch (cmd.type) {
    case 'addNode':
      return `Add ${cmd.id}`;
    case 'insertLayer':
      return `Add ${cmd.id}`;
    case 'insertGraph':
      return cmd.label;
    case 'removeElements':
      if (cmd.label) return cmd.label;
      return cmd.nodeIds.length ? `Delete ${cmd.nodeIds.length === 1 ? cmd.nodeIds[0] : `${cmd.nodeIds.length} layers`}` : 'Delete connection';
    case 'connect':
      return `Connect ${cmd.source} → ${cmd.target}`;
    case 'setParam':
      return `Set ${cmd.key}`;
    case 'renameNode':
      return `Rename to ${cmd.name}`;
    case 'moveNodes':
      return 'Move';
    case 'layout':
      return cmd.scope === 'graph' ? 'Lay out graph' : `Lay out ${layersLabel(cmd.moves.map((m) => m.id))}`;
    case 'setData':
      return 'Change data';
    case 'setTraining':
      return 'Change training';
    case 'setProjectName':
      return 'Rename project';
    case 'applyFix':
      return cmd.fix.label;
    case 'setTrainable':
      return `${cmd.trainable ? 'Unfreeze' : 'Freeze'} ${layersLabel(cmd.nodeIds)}`;
    case 'setRole':
      return cmd.role === 'model' ? `Clear the GAN role of ${layersLabel(cmd.nodeIds)}` : `Put ${layersLabel(cmd.nodeIds)} in the ${cmd.role}`;
    case 'restoreSnapshot':
    case 'importData':
      return cmd.label;
    case 'group':
    case 'ungroup':
    case 'setGroupCollapsed':
    case 'renameGroup':
      return groupLabel(doc, cmd);
  }
}

/** Consecutive edits with the same key (typing into one field) merge into one undo step. */
export function mergeKey(cmd: Command): string | null {
  switch (cmd.type) {
    case 'setParam':
      return `param:${cmd.nodeId}:${cmd.key}`;
    case 'renameNode':
      return `rename:${cmd.nodeId}`;
    case 'setData':
      return `data:${Object.keys(cmd.patch).sort().join(',')}`;
    case 'setTraining':
      return `training:${Object.keys(cmd.patch).sort().join(',')}`;
    case 'setProjectName':
      return 'projectName';
    case 'renameGroup':
      return `group-name:${cmd.groupId}`;
    default:
      return null;
  }
}

const withGraph = (doc: ProjectDoc, nodes: NodeDoc[], edges: EdgeDoc[]): ProjectDoc => ({ ...doc, graph: { nodes, edges } });

function sameValues<T extends object>(current: T, patch: Partial<T>): boolean {
  return (Object.keys(patch) as (keyof T)[]).every((k) => Object.is(current[k], patch[k]));
}

function mapNode(doc: ProjectDoc, id: string, f: (n: NodeDoc) => NodeDoc): ProjectDoc {
  if (!doc.graph.nodes.some((n) => n.id === id)) return doc;
  return withGraph(
    doc,
    doc.graph.nodes.map((n) => (n.id === id ? f(n) : n)),
    doc.graph.edges,
  );
}

function mapNodes(doc: ProjectDoc, ids: readonly string[], f: (n: NodeDoc) => NodeDoc): ProjectDoc {
  const set = new Set(ids);
  const nodes = doc.graph.nodes.map((n) => (set.has(n.id) ? f(n) : n));
  return nodes.some((n, i) => n !== doc.graph.nodes[i]) ? withGraph(doc, nodes, doc.graph.edges) : doc;
}

function connect(doc: ProjectDoc, c: Extract<Command, { type: 'connect' }>): ProjectDoc {
  const { nodes, edges } = doc.graph;
  const target = nodes.find((n) => n.id === c.target);
  if (c.source === c.target || !target || !nodes.some((n) => n.id === c.source)) return doc;
  const same = (e: EdgeDoc) => e.target === c.target && e.targetHandle === c.targetHandle;
  if (edges.some((e) => same(e) && e.source === c.source && e.sourceHandle === c.sourceHandle)) return doc;
  // One edge per input handle, so a new connection replaces the old one, except on
  // handles that take several (merge layers), where connections add up in order.
  const multiple = getLayer(target.type)?.inputs.find((h) => h.name === c.targetHandle)?.multiple === true;
  const kept = multiple ? edges : edges.filter((e) => !same(e));
  const id = edgeId({ nodes, edges: kept }, c.source, c.sourceHandle, c.target, c.targetHandle);
  return withGraph(doc, nodes, [...kept, { id, source: c.source, sourceHandle: c.sourceHandle, target: c.target, targetHandle: c.targetHandle }]);
}

function newNode(id: string, layerType: string, position: XY): NodeDoc {
  return { id, type: layerType, name: id, position, params: defaultParams(layerType), trainable: true, role: 'model' };
}

function insertLayer(doc: ProjectDoc, cmd: Extract<Command, { type: 'insertLayer' }>): ProjectDoc {
  const { nodes, edges } = doc.graph;
  if (nodes.some((n) => n.id === cmd.id || n.name === cmd.id) || !getLayer(cmd.layerType)) return doc;
  const moves = new Map(cmd.moves.map((m) => [m.id, m.position]));
  const moved = nodes.map((n) => {
    const p = moves.get(n.id);
    return p ? { ...n, position: { x: p.x, y: p.y } } : n;
  });
  let graph = { nodes: [...moved, newNode(cmd.id, cmd.layerType, cmd.position)], edges: [...edges] };
  const rerouted = new Set(cmd.reroute);
  const handed = edges.filter((e) => rerouted.has(e.id));
  graph = { ...graph, edges: graph.edges.filter((e) => !rerouted.has(e.id)) };
  if (cmd.wire && nodes.some((n) => n.id === cmd.wire?.source)) {
    const { source, sourceHandle, targetHandle } = cmd.wire;
    graph.edges.push({ id: edgeId(graph, source, sourceHandle, cmd.id, targetHandle), source, sourceHandle, target: cmd.id, targetHandle });
  }
  for (const e of handed) {
    graph.edges.push({ ...e, id: edgeId(graph, cmd.id, MAIN_OUTPUT, e.target, e.targetHandle), source: cmd.id, sourceHandle: MAIN_OUTPUT });
  }
  return withGraph(doc, graph.nodes, graph.edges);
}

function insertGraph(doc: ProjectDoc, cmd: Extract<Command, { type: 'insertGraph' }>): ProjectDoc {
  const { nodes, edges } = doc.graph;
  const taken = new Set(nodes.flatMap((n) => [n.id, n.name]));
  const edgeIds = new Set(edges.map((e) => e.id));
  // Fresh ids are chosen before the command is made; one that clashes means the document moved on, so nothing changes.
  if (cmd.nodes.length === 0 || cmd.nodes.some((n) => taken.has(n.id) || taken.has(n.name)) || cmd.edges.some((e) => edgeIds.has(e.id))) return doc;
  const added = new Set(cmd.nodes.map((n) => n.id));
  const groups = cmd.groups ?? [];
  // A block comes in whole or not at all: its id is free and every member is one of the inserted layers.
  if (groups.some((g) => doc.groups.some((d) => d.id === g.id) || g.nodes.length === 0 || g.nodes.some((id) => !added.has(id)))) return doc;
  const graph = withGraph(doc, [...nodes, ...cmd.nodes], [...edges, ...cmd.edges]);
  return groups.length ? { ...graph, groups: [...doc.groups, ...groups.map((g) => ({ ...g, nodes: [...g.nodes] }))] } : graph;
}

/** Applies one command; returns the same object when nothing changes. Layers that go leave their block. */
export function applyCommand(doc: ProjectDoc, cmd: Command): ProjectDoc {
  const after = applyEdit(doc, cmd);
  if (after === doc || after.graph.nodes === doc.graph.nodes || after.groups.length === 0) return after;
  const groups = pruneGroups(after.groups, new Set(after.graph.nodes.map((n) => n.id)));
  return groups === after.groups ? after : { ...after, groups };
}

function applyEdit(doc: ProjectDoc, cmd: Command): ProjectDoc {
  const { nodes, edges } = doc.graph;
  switch (cmd.type) {
    case 'addNode': {
      if (nodes.some((n) => n.id === cmd.id)) return doc;
      return withGraph(doc, [...nodes, newNode(cmd.id, cmd.layerType, cmd.position)], edges);
    }
    case 'insertLayer':
      return insertLayer(doc, cmd);
    case 'insertGraph':
      return insertGraph(doc, cmd);
    case 'removeElements': {
      const gone = new Set(cmd.nodeIds);
      const goneEdges = new Set(cmd.edgeIds);
      const keptNodes = nodes.filter((n) => !gone.has(n.id));
      const keptEdges = edges.filter((e) => !goneEdges.has(e.id) && !gone.has(e.source) && !gone.has(e.target));
      if (keptNodes.length === nodes.length && keptEdges.length === edges.length) return doc;
      return withGraph(doc, keptNodes, keptEdges);
    }
    case 'connect':
      return connect(doc, cmd);
    case 'setParam':
      return mapNode(doc, cmd.nodeId, (n) => (Object.is(n.params[cmd.key], cmd.value) ? n : { ...n, params: { ...n.params, [cmd.key]: cmd.value } }));
    case 'applyFix':
      return applyEdit(doc, { type: 'setParam', nodeId: cmd.fix.nodeId, key: cmd.fix.key, value: cmd.fix.value });
    case 'renameNode':
      return mapNode(doc, cmd.nodeId, (n) => (n.name === cmd.name ? n : { ...n, name: cmd.name }));
    case 'moveNodes':
    case 'layout': {
      const moves = new Map(cmd.moves.map((m) => [m.id, m.position]));
      const moved = nodes.map((n) => {
        const p = moves.get(n.id);
        if (!p || (p.x === n.position.x && p.y === n.position.y)) return n;
        return { ...n, position: { x: p.x, y: p.y } };
      });
      return moved.some((n, i) => n !== nodes[i]) ? withGraph(doc, moved, edges) : doc;
    }
    case 'setData':
      return sameValues(doc.data, cmd.patch) ? doc : { ...doc, data: { ...doc.data, ...cmd.patch } };
    case 'importData':
      return { ...doc, data: cmd.settings };
    case 'setTraining':
      return sameValues(doc.training, cmd.patch) ? doc : { ...doc, training: { ...doc.training, ...cmd.patch } };
    case 'setProjectName':
      return doc.name === cmd.name ? doc : { ...doc, name: cmd.name };
    case 'setTrainable':
      return mapNodes(doc, cmd.nodeIds, (n) => (n.trainable === cmd.trainable ? n : { ...n, trainable: cmd.trainable }));
    case 'setRole':
      return mapNodes(doc, cmd.nodeIds, (n) => (n.role === cmd.role ? n : { ...n, role: cmd.role }));
    case 'restoreSnapshot': {
      const { graph, data, training, groups } = cmd.snapshot;
      return { ...doc, graph, data, training, groups };
    }
    case 'group':
    case 'ungroup':
    case 'setGroupCollapsed':
    case 'renameGroup':
      return applyGroupCommand(doc, cmd);
  }
}
