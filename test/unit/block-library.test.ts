import { describe, expect, it } from 'vitest';
import { serializeProject } from '../../app/document/load';
import { loadProject } from '../../app/document/load';
import type { ProjectDoc } from '../../app/document/schema';
import { blockFromGroup, insertBlockCommand, MAX_LIBRARY_CHARS, parseLibrary, serializeLibrary, type SavedBlock } from '../../renderer/src/store/blockLibrary';
import { applyCommand } from '../../renderer/src/store/commands';
import { template } from './helpers';

const grouped = (): ProjectDoc => applyCommand(template('mlp-iris'), { type: 'group', id: 'group_1', name: 'Encoder', nodeIds: ['dense_1', 'dropout_1'] });
const saved = (): SavedBlock => blockFromGroup(grouped(), 'group_1', 'b1', 1)!;

describe('the block library', () => {
  it('a saved block is its layers and inner connections, placed from (0, 0)', () => {
    const b = saved();
    expect(b.nodes.map((n) => n.id)).toEqual(['dense_1', 'dropout_1']);
    expect(b.edges.map((e) => `${e.source}->${e.target}`)).toEqual(['dense_1->dropout_1']);
    expect(Math.min(...b.nodes.map((n) => n.position.x))).toBe(0);
    expect(Math.min(...b.nodes.map((n) => n.position.y))).toBe(0);
  });

  it('reused, it comes in as one collapsed block with fresh ids and its own name, and the document stays valid', () => {
    let doc = grouped();
    for (let i = 0; i < 2; i++) doc = applyCommand(doc, insertBlockCommand(doc, saved(), { x: 600, y: 100 * i }));
    expect(doc.groups.map((g) => [g.name, g.collapsed, g.nodes])).toEqual([
      ['Encoder', false, ['dense_1', 'dropout_1']],
      ['Encoder 2', true, ['dense_3', 'dropout_2']],
      ['Encoder 3', true, ['dense_4', 'dropout_3']],
    ]);
    expect(doc.graph.edges.map((e) => `${e.source}->${e.target}`)).toContain('dense_3->dropout_2');
    const inserted = doc.graph.nodes.find((n) => n.id === 'dense_3')!;
    expect(inserted.params).toEqual(doc.graph.nodes.find((n) => n.id === 'dense_1')!.params);
    expect(inserted.position).toEqual({ x: 600, y: 0 });
    expect(loadProject(JSON.parse(serializeProject(doc)))).toMatchObject({ ok: true });
  });

  it('reads back what it wrote', () => {
    const lib = parseLibrary(serializeLibrary([saved()]));
    expect(lib).toEqual({ ok: true, blocks: [saved()], dropped: [] });
    expect(parseLibrary(null)).toEqual({ ok: true, blocks: [], dropped: [] });
  });

  it('treats the stored library as hostile: size, JSON, format, and each block on its own', () => {
    expect(parseLibrary('x'.repeat(MAX_LIBRARY_CHARS + 1))).toMatchObject({ ok: false, error: /larger than 2 MB/ });
    expect(parseLibrary('{nope')).toMatchObject({ ok: false, error: /not valid JSON/ });
    expect(parseLibrary(JSON.stringify({ format: 'layerlab', kind: 'layers', blocks: [] }))).toMatchObject({ ok: false, error: /not in a format/ });
    const tooMany = JSON.stringify({ format: 'layerlab', kind: 'blocks', version: 1, blocks: Array.from({ length: 101 }, () => ({})) });
    expect(parseLibrary(tooMany)).toMatchObject({ ok: false });

    const good = saved();
    const evil = { ...good, id: 'b2', name: 'Evil', nodes: [{ ...good.nodes[0]!, type: 'Evil' }] };
    const twice = { ...good, id: 'b3', name: 'Twice', nodes: [good.nodes[0]!, good.nodes[0]!] };
    const dangling = { ...good, id: 'b4', name: 'Dangling', nodes: [good.nodes[0]!] };
    const text = JSON.stringify({ format: 'layerlab', kind: 'blocks', version: 1, blocks: [good, { id: '../../x' }, evil, twice, { ...good }, dangling] });
    const lib = parseLibrary(text);
    if (!lib.ok) throw new Error(lib.error);
    expect(lib.blocks.map((b) => b.name)).toEqual(['Encoder', 'Dangling']);
    // An edge to a layer the block does not have is dropped, not trusted.
    expect(lib.blocks[1]?.edges).toEqual([]);
    expect(lib.dropped).toEqual([
      'block 2 is damaged',
      '"Evil" uses a Evil layer, which this version of LayerLab does not have',
      '"Twice" has two layers with one id',
      '"Encoder" repeats the id of another block',
    ]);
  });
});
