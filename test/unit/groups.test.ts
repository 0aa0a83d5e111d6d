import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeGraph } from '../../app/analysis/analyze';
import { groupStats, parseBoundaryHandle } from '../../app/analysis/groups';
import { loadProject, loadProjectText, serializeProject } from '../../app/document/load';
import type { ProjectDoc } from '../../app/document/schema';
import { applyCommand, type Command } from '../../renderer/src/store/commands';
import { copyFragment, parseFragment, placeFragment, serializeFragment } from '../../renderer/src/store/fragment';
import { groupProblem } from '../../renderer/src/store/groupCommands';
import { useProjectStore } from '../../renderer/src/store/project';
import { seededRandom } from '../../app/data/synthetic';
import { template } from './helpers';

const run = (doc: ProjectDoc, ...cmds: Command[]) => cmds.reduce((d, c) => applyCommand(d, c), doc);
const encoder: Command = { type: 'group', id: 'group_1', name: 'Encoder', nodeIds: ['dense_1', 'dropout_1', 'dense_2'] };

describe('groups: the model and its commands', () => {
  it('group → collapse → expand is the identity, byte for byte; ungroup gives back the ungrouped document', () => {
    const doc = template('mlp-iris');
    const grouped = run(doc, encoder);
    expect(grouped.groups).toEqual([{ id: 'group_1', name: 'Encoder', nodes: ['dense_1', 'dropout_1', 'dense_2'], collapsed: false }]);
    // The graph itself is untouched: analysis, training and export see the same layers.
    expect(grouped.graph).toBe(doc.graph);
    const collapsed = run(grouped, { type: 'setGroupCollapsed', groupId: 'group_1', collapsed: true });
    expect(collapsed.groups[0]?.collapsed).toBe(true);
    const expanded = run(collapsed, { type: 'setGroupCollapsed', groupId: 'group_1', collapsed: false });
    expect(serializeProject(expanded)).toBe(serializeProject(grouped));
    expect(serializeProject(run(expanded, { type: 'ungroup', groupId: 'group_1' }))).toBe(serializeProject(doc));
  });

  it('a grouped, collapsed document saves and opens unchanged', () => {
    const doc = run(template('mlp-iris'), encoder, { type: 'setGroupCollapsed', groupId: 'group_1', collapsed: true });
    const loaded = loadProjectText(serializeProject(doc));
    if (!loaded.ok) throw new Error(loaded.error);
    expect(serializeProject(loaded.doc)).toBe(serializeProject(doc));
  });

  it('every block edit is one named undo step in the store', () => {
    const store = useProjectStore.getState();
    store.loadDocument(template('mlp-iris'), { saved: true });
    const start = serializeProject(useProjectStore.getState().doc);
    const cmds: Command[] = [
      encoder,
      { type: 'setGroupCollapsed', groupId: 'group_1', collapsed: true },
      { type: 'renameGroup', groupId: 'group_1', name: 'Head' },
      { type: 'setGroupCollapsed', groupId: 'group_1', collapsed: false },
      { type: 'ungroup', groupId: 'group_1' },
    ];
    for (const c of cmds) useProjectStore.getState().run(c);
    expect(useProjectStore.getState().history.past.map((h) => h.label)).toEqual([
      'Group 3 layers as Encoder',
      'Collapse Encoder',
      'Rename block to Head',
      'Expand Head',
      'Ungroup Head',
    ]);
    for (const _ of cmds) useProjectStore.getState().undo();
    expect(serializeProject(useProjectStore.getState().doc)).toBe(start);
  });

  it('refuses a layer that is already in a block, an empty selection and an empty name', () => {
    const grouped = run(template('mlp-iris'), encoder);
    expect(groupProblem(grouped, ['dense_2'])).toBe('dense_2 is already in the block "Encoder". Ungroup it first.');
    expect(groupProblem(grouped, [])).toMatch(/Select the layers/);
    expect(run(grouped, { type: 'group', id: 'group_2', name: 'Again', nodeIds: ['input_1', 'dense_2'] })).toBe(grouped);
    expect(run(grouped, { type: 'group', id: 'group_2', name: '  ', nodeIds: ['input_1'] })).toBe(grouped);
    expect(run(grouped, { type: 'renameGroup', groupId: 'group_1', name: '' })).toBe(grouped);
  });

  it('deleting layers takes them out of their block, and a block left empty goes', () => {
    const grouped = run(template('mlp-iris'), encoder);
    const one = run(grouped, { type: 'removeElements', nodeIds: ['dropout_1'], edgeIds: [] });
    expect(one.groups[0]?.nodes).toEqual(['dense_1', 'dense_2']);
    const all = run(one, { type: 'removeElements', nodeIds: ['dense_1', 'dense_2'], edgeIds: [] });
    expect(all.groups).toEqual([]);
  });
});

describe('groups through the clipboard', () => {
  it('a block copied whole pastes as a block with fresh ids and a free name; a part of one pastes as plain layers', () => {
    const doc = run(template('mlp-iris'), encoder, { type: 'setGroupCollapsed', groupId: 'group_1', collapsed: true });
    const parsed = parseFragment(serializeFragment(copyFragment(doc.graph, ['dense_1', 'dropout_1', 'dense_2'], doc.groups)!));
    if (!parsed.ok) throw new Error(parsed.error);
    const placed = placeFragment(doc.graph, parsed.fragment, { x: 300, y: 0 }, doc.groups);
    const after = run(doc, { type: 'insertGraph', nodes: placed.nodes, edges: placed.edges, groups: placed.groups ?? [], label: 'Paste' });
    expect(after.groups.map((g) => [g.id, g.name, g.nodes, g.collapsed])).toEqual([
      ['group_1', 'Encoder', ['dense_1', 'dropout_1', 'dense_2'], true],
      ['group_2', 'Encoder 2', ['dense_3', 'dropout_2', 'dense_4'], true],
    ]);
    expect(copyFragment(doc.graph, ['dense_1', 'dropout_1'], doc.groups)?.groups).toBeUndefined();
  });

  it('clipboard blocks that do not hold together paste as plain layers', () => {
    const doc = template('mlp-iris');
    const f = copyFragment(doc.graph, ['dense_1', 'dropout_1'])!;
    const text = JSON.stringify({
      ...(JSON.parse(serializeFragment(f)) as object),
      groups: [
        { id: 'a', name: 'Outside', nodes: ['dense_1', 'input_1'] },
        { id: 'b', name: 'Fine', nodes: ['dense_1'] },
        { id: 'c', name: 'Twice', nodes: ['dense_1', 'dropout_1'] },
      ],
    });
    const parsed = parseFragment(text);
    expect(parsed.ok && parsed.fragment.groups?.map((g) => g.name)).toEqual(['Fine']);
  });
});

describe('groups: what a collapsed block shows', () => {
  it('its handles are the edges crossing its boundary, with the output shape and the summed parameters', () => {
    const doc = run(template('mlp-iris'), { type: 'group', id: 'group_1', name: 'Hidden', nodeIds: ['dense_1', 'dropout_1'] });
    const analysis = analyzeGraph(doc.graph);
    const stats = groupStats(doc.graph, doc.groups[0]!, analysis);
    expect(stats.inputs.map((h) => h.id)).toEqual(['dense_1/input']);
    expect(stats.outputs.map((h) => h.id)).toEqual(['dropout_1/output']);
    expect(stats.outputs[0]?.shape).toEqual(analysis.nodes.get('dropout_1')?.shape);
    const sum = analysis.nodes.get('dense_1')!.params + analysis.nodes.get('dropout_1')!.params;
    expect(sum).toBeGreaterThan(0);
    expect(stats).toMatchObject({ params: sum, trainable: sum, frozen: 0, errors: 0 });
    expect(parseBoundaryHandle('dense_1/input')).toEqual({ nodeId: 'dense_1', handle: 'input' });
  });

  it('counts a frozen member as frozen', () => {
    const doc = run(template('mlp-iris'), encoder, { type: 'setTrainable', nodeIds: ['dense_1'], trainable: false });
    const analysis = analyzeGraph(doc.graph);
    const stats = groupStats(doc.graph, doc.groups[0]!, analysis);
    expect(stats.frozen).toBe(analysis.nodes.get('dense_1')!.params);
    expect(stats.trainable).toBe(analysis.nodes.get('dense_2')!.params);
  });
});

describe('groups in the document schema', () => {
  const base = () => JSON.parse(serializeProject(template('mlp-iris'))) as Record<string, unknown>;
  const withGroups = (groups: unknown) => loadProject({ ...base(), groups });

  it('a version-1 file from before groups opens with none', () => {
    const text = readFileSync(join(__dirname, '../fixtures/documents/v1.layerlab.json'), 'utf8');
    expect((JSON.parse(text) as Record<string, unknown>).groups).toBeUndefined();
    const loaded = loadProjectText(text);
    expect(loaded.ok && loaded.doc.groups).toEqual([]);
  });

  it.each([
    ['a member that is not in the graph', [{ id: 'g', name: 'A', nodes: ['dense_1', 'ghost'] }], /names a layer "ghost" that is not in the graph/],
    [
      'a layer in two blocks',
      [
        { id: 'g', name: 'A', nodes: ['dense_1'] },
        { id: 'h', name: 'B', nodes: ['dense_1'] },
      ],
      /layer "dense_1" is in block "A" and in block "B"/,
    ],
    ['an empty block', [{ id: 'g', name: 'A', nodes: [] }], /groups\.0\.nodes/],
    ['a nameless block', [{ id: 'g', name: ' ', nodes: ['dense_1'] }], /groups\.0\.name/],
    [
      'two blocks with one id',
      [
        { id: 'g', name: 'A', nodes: ['dense_1'] },
        { id: 'g', name: 'B', nodes: ['dense_2'] },
      ],
      /a second block has the id "g"/,
    ],
    ['a hostile id', [{ id: '../x', name: 'A', nodes: ['dense_1'] }], /groups\.0\.id/],
    ['a name that would break out of a code comment', [{ id: 'g', name: 'A\nimport os', nodes: ['dense_1'] }], /control characters/],
  ])('refuses %s with a precise message', (_what, groups, message) => {
    const r = withGroups(groups);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(message);
  });
});

describe('groups under random edits', () => {
  // mulberry32 (app/data/synthetic.ts), so a failure replays exactly.
  const prng = seededRandom;

  it.each([1, 2])('200 block and layer edits, then 200 undos, give back the document byte for byte and every step validates (seed %i)', (seed) => {
    const rnd = prng(seed);
    const pick = <T>(xs: readonly T[]): T | undefined => xs[Math.floor(rnd() * xs.length)];
    useProjectStore.getState().loadDocument(template('lenet-mnist'), { saved: true });
    const start = serializeProject(useProjectStore.getState().doc);
    let applied = 0;
    for (let i = 0; i < 200; i++) {
      const doc = useProjectStore.getState().doc;
      const free = doc.graph.nodes.filter((n) => !doc.groups.some((g) => g.nodes.includes(n.id)));
      const group = pick(doc.groups);
      const node = pick(doc.graph.nodes);
      const kind = Math.floor(rnd() * 6);
      const cmd: Command | null =
        kind === 0 || !group
          ? { type: 'group', id: `g${i}`, name: `Block ${i}`, nodeIds: free.filter(() => rnd() < 0.3).map((n) => n.id) }
          : kind === 1
            ? { type: 'setGroupCollapsed', groupId: group.id, collapsed: !group.collapsed }
            : kind === 2
              ? { type: 'renameGroup', groupId: group.id, name: `Renamed ${i}` }
              : kind === 3
                ? { type: 'ungroup', groupId: group.id }
                : kind === 4 && node
                  ? { type: 'removeElements', nodeIds: [node.id], edgeIds: [] }
                  : node
                    ? { type: 'addNode', id: `extra_${i}`, layerType: 'Dense', position: { x: i, y: i } }
                    : null;
      if (!cmd) continue;
      useProjectStore.getState().run(cmd);
      const after = useProjectStore.getState().doc;
      if (after !== doc) applied++;
      // Whatever the edit, the document is one the schema accepts (members exist, one block per layer, none empty).
      expect(loadProject(JSON.parse(serializeProject(after))).ok).toBe(true);
    }
    expect(applied).toBeGreaterThan(100);
    for (let i = 0; i < 200; i++) useProjectStore.getState().undo();
    expect(serializeProject(useProjectStore.getState().doc)).toBe(start);
  });
});
