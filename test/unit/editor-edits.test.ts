import { describe, expect, it } from 'vitest';
import { serializeProject } from '../../app/document/load';
import type { GraphDoc } from '../../app/document/schema';
import { LAYERS } from '../../app/layers/registry';
import { applyCommand, type Command } from '../../renderer/src/store/commands';
import { copyFragment, parseFragment, placeFragment, serializeFragment } from '../../renderer/src/store/fragment';
import { insertLayerCommand } from '../../renderer/src/store/insert';
import { useProjectStore } from '../../renderer/src/store/project';
import { nextLayerName } from '../../renderer/src/store/naming';
import { seededRandom } from '../../app/data/synthetic';
import { template } from './helpers';

// mulberry32 (app/data/synthetic.ts), so a failure replays exactly.
const prng = seededRandom;

const TYPES = LAYERS.map((l) => l.type);

/** One random edit of the kinds a person makes, built against the current graph. */
function randomEdit(graph: GraphDoc, rnd: () => number): Command {
  const pick = <T>(xs: readonly T[]): T | undefined => xs[Math.floor(rnd() * xs.length)];
  const node = pick(graph.nodes);
  const xy = () => ({ x: Math.round(rnd() * 2000), y: Math.round(rnd() * 2000) });
  const kind = Math.floor(rnd() * 10);
  if (!node || kind === 0) {
    const type = pick(TYPES)!;
    return { type: 'addNode', id: nextLayerName(graph, type), layerType: type, position: xy() };
  }
  const other = pick(graph.nodes)!;
  switch (kind) {
    case 1:
      return { type: 'connect', source: node.id, sourceHandle: 'output', target: other.id, targetHandle: 'input' };
    case 2:
      return { type: 'setParam', nodeId: node.id, key: 'units', value: 1 + Math.floor(rnd() * 256) };
    case 3:
      return { type: 'renameNode', nodeId: node.id, name: `layer_${Math.floor(rnd() * 1e6)}` };
    case 4:
      return { type: 'moveNodes', moves: [{ id: node.id, position: xy() }] };
    case 5:
      return { type: 'removeElements', nodeIds: rnd() < 0.5 ? [node.id] : [], edgeIds: graph.edges.slice(0, 1).map((e) => e.id) };
    case 6:
      return insertLayerCommand(graph, pick(TYPES)!, node.id, xy(), rnd() < 0.5 ? 'TB' : 'LR')!;
    case 7: {
      const f = copyFragment(graph, [node.id, other.id])!;
      const placed = placeFragment(graph, f, { x: 40, y: 40 });
      return { type: 'insertGraph', nodes: placed.nodes, edges: placed.edges, label: 'Paste' };
    }
    case 8:
      return { type: 'layout', scope: 'graph', moves: graph.nodes.map((n) => ({ id: n.id, position: xy() })) };
    default:
      return { type: 'setTrainable', nodeIds: [node.id], trainable: !node.trainable };
  }
}

describe('edits and undo', () => {
  it.each([1, 2, 3])('200 random edits then 200 undos give back the same document, byte for byte (seed %i)', (seed) => {
    const rnd = prng(seed);
    const store = useProjectStore.getState();
    store.loadDocument(template('lenet-mnist'), { saved: true });
    const start = serializeProject(useProjectStore.getState().doc);
    let applied = 0;
    for (let i = 0; i < 200; i++) {
      const before = useProjectStore.getState().doc;
      useProjectStore.getState().run(randomEdit(before.graph, rnd));
      if (useProjectStore.getState().doc !== before) applied++;
    }
    expect(applied).toBeGreaterThan(120);
    const end = serializeProject(useProjectStore.getState().doc);
    expect(end).not.toBe(start);
    for (let i = 0; i < 200; i++) useProjectStore.getState().undo();
    expect(serializeProject(useProjectStore.getState().doc)).toBe(start);
    // And forward again to exactly where the edits ended.
    for (let i = 0; i < 200; i++) useProjectStore.getState().redo();
    expect(serializeProject(useProjectStore.getState().doc)).toBe(end);
  });
});

describe('copy and paste', () => {
  it('a pasted subgraph is the copied one with fresh ids, through the clipboard text', () => {
    const doc = template('seq2seq-reverse');
    const ids = ['input_2', 'token_and_position_embedding_2', 'transformer_decoder_1', 'dense_1'];
    const copied = copyFragment(doc.graph, ids)!;
    const parsed = parseFragment(serializeFragment(copied));
    if (!parsed.ok) throw new Error(parsed.error);
    const placed = placeFragment(doc.graph, parsed.fragment, { x: 40, y: 40 });
    const after = applyCommand(doc, { type: 'insertGraph', nodes: placed.nodes, edges: placed.edges, label: 'Paste' });

    const oldIds = new Set(doc.graph.nodes.map((n) => n.id));
    expect(placed.nodes.every((n) => !oldIds.has(n.id))).toBe(true);
    const rename = new Map(copied.nodes.map((n, i) => [n.id, placed.nodes[i]!.id]));
    // Same layers, params and wiring; positions moved by the offset.
    expect(placed.nodes.map((n) => [n.type, n.params, n.position])).toEqual(
      copied.nodes.map((n) => [n.type, n.params, { x: n.position.x + 40, y: n.position.y + 40 }]),
    );
    expect(placed.edges.map((e) => [e.source, e.sourceHandle, e.target, e.targetHandle])).toEqual(
      copied.edges.map((e) => [rename.get(e.source), e.sourceHandle, rename.get(e.target), e.targetHandle]),
    );
    // The edge from the encoder (not copied) is left behind.
    expect(copied.edges).toHaveLength(3);
    expect(after.graph.nodes).toHaveLength(doc.graph.nodes.length + 4);
    expect(new Set(after.graph.nodes.map((n) => n.name)).size).toBe(after.graph.nodes.length);
  });

  it('refuses clipboard text that is not LayerLab layers, or names layers it does not have', () => {
    expect(parseFragment('hello')).toMatchObject({ ok: false });
    expect(parseFragment(JSON.stringify({ format: 'layerlab', kind: 'layers', graph: { nodes: [], edges: [] } }))).toMatchObject({ ok: false });
    const bad = { format: 'layerlab', kind: 'layers', graph: { nodes: [{ id: 'x', type: 'Evil', name: 'x', position: { x: 0, y: 0 } }], edges: [] } };
    expect(parseFragment(JSON.stringify(bad))).toEqual({ ok: false, error: 'The copied layer "x" is a Evil, which this version of LayerLab does not have.' });
  });
});

describe('quick add', () => {
  it('inserts a layer after the selected one, wires it into the chain and makes room', () => {
    const doc = template('lstm-imdb');
    const cmd = insertLayerCommand(doc.graph, 'LSTM', 'lstm_1', { x: 0, y: 0 }, 'TB')!;
    const after = applyCommand(doc, cmd);
    const edges = after.graph.edges.map((e) => `${e.source}->${e.target}`);
    expect(edges).toContain('lstm_1->lstm_2');
    expect(edges).toContain('lstm_2->dense_1');
    expect(edges).not.toContain('lstm_1->dense_1');
    const y = (id: string) => after.graph.nodes.find((n) => n.id === id)!.position.y;
    expect(y('lstm_2')).toBeGreaterThan(y('lstm_1'));
    expect(y('dense_1')).toBeGreaterThan(y('lstm_2'));
  });

  it('without a selection, layers added one after another never land on each other', () => {
    let doc = template('mlp-iris');
    for (let i = 0; i < 5; i++) doc = applyCommand(doc, insertLayerCommand(doc.graph, 'Dense', null, { x: 12, y: 12 }, 'TB')!);
    const added = doc.graph.nodes.slice(4).map((n) => `${n.position.x},${n.position.y}`);
    expect(new Set(added).size).toBe(5);
  });
});
