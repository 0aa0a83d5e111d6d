import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadProjectText } from '../../app/document/load';
import { TEMPLATE_TAGS, templateMetaSchema } from '../../app/document/template';
import type { TemplateSummary } from '../../app/protocol/requests';
import { listTemplates, readTemplateSummary } from '../../main/service/templates';
import { filterTemplates, moveIndex, NO_FILTER, tagsInUse } from '../../renderer/src/gallery/galleryFilter';
import { TEMPLATES } from './helpers';

const files = readdirSync(TEMPLATES).filter((f) => f.endsWith('.layerlab.json'));

describe('template gallery metadata', () => {
  it('every template has tags, a level and a one-line summary, and the schema accepts them', async () => {
    for (const file of files) {
      const summary = await readTemplateSummary(TEMPLATES, file);
      expect(summary, file).not.toBeTypeOf('string');
      const t = summary as TemplateSummary;
      expect(t.tags.length, file).toBeGreaterThan(0);
      expect(['beginner', 'intermediate'], file).toContain(t.level);
      expect(t.summary, file).not.toMatch(/\n/);
      expect(t.summary.length, file).toBeLessThanOrEqual(90);
      // The picture is the template's own graph: every node and edge of the document.
      const doc = loadProjectText(readFileSync(join(TEMPLATES, file), 'utf8'));
      if (!doc.ok) throw new Error(doc.error);
      expect(t.picture.nodes.map((n) => n.id)).toEqual(doc.doc.graph.nodes.map((n) => n.id));
      expect(t.picture.edges).toHaveLength(doc.doc.graph.edges.length);
    }
    expect((await listTemplates(TEMPLATES)).length).toBe(files.length);
  });

  it('the course modules each have a template: CNN, RNN, Transformer, autoencoder, GAN', async () => {
    const used = tagsInUse(await listTemplates(TEMPLATES), TEMPLATE_TAGS);
    expect(used).toEqual(expect.arrayContaining(['CNN', 'RNN', 'Transformer', 'autoencoder', 'GAN']));
  });

  it('refuses metadata a card cannot show, naming the problem; the project itself drops the key', async () => {
    expect(templateMetaSchema.safeParse({ summary: 'two\nlines here', tags: ['CNN'], level: 'beginner' }).success).toBe(false);
    expect(templateMetaSchema.safeParse({ summary: 'A fine line of text.', tags: [], level: 'beginner' }).success).toBe(false);
    expect(templateMetaSchema.safeParse({ summary: 'A fine line of text.', tags: ['CNN', 'CNN'], level: 'beginner' }).success).toBe(false);
    expect(templateMetaSchema.safeParse({ summary: 'A fine line of text.', tags: ['Perceptron'], level: 'beginner' }).success).toBe(false);
    expect(templateMetaSchema.safeParse({ summary: 'A fine line of text.', tags: ['CNN'], level: 'expert' }).success).toBe(false);

    const dir = mkdtempSync(join(tmpdir(), 'll-gallery-'));
    const text = JSON.parse(readFileSync(join(TEMPLATES, 'mlp-mnist.layerlab.json'), 'utf8')) as Record<string, unknown>;
    writeFileSync(join(dir, 'bad.layerlab.json'), JSON.stringify({ ...text, template: { summary: 'x', tags: [], level: 'expert' } }));
    const bad = await readTemplateSummary(dir, 'bad.layerlab.json');
    expect(bad).toMatch(/^bad\.layerlab\.json: template\.summary: .*template\.tags: a template has at least one tag/);
    expect(await listTemplates(dir)).toEqual([]);
    const loaded = loadProjectText(JSON.stringify(text));
    expect(loaded.ok && 'template' in loaded.doc).toBe(false);
  });
});

describe('gallery filter and keys', () => {
  const list = (async () => listTemplates(TEMPLATES))();

  it('filters by tag and level, and searches every word in name, summary and tags', async () => {
    const all = await list;
    expect(filterTemplates(all, NO_FILTER)).toHaveLength(all.length);
    const cnn = filterTemplates(all, { ...NO_FILTER, tag: 'CNN' }).map((t) => t.id);
    expect(cnn).toEqual(expect.arrayContaining(['lenet-mnist', 'cnn-cifar10', 'dcgan-mnist']));
    expect(cnn).not.toContain('mlp-mnist');
    expect(filterTemplates(all, { ...NO_FILTER, tag: 'CNN', level: 'beginner' }).map((t) => t.id)).toEqual([
      'lenet-mnist',
      'teach-your-pictures-scratch',
      'teach-your-pictures',
    ]);
    expect(filterTemplates(all, { ...NO_FILTER, query: 'LSTM  sentiment' }).map((t) => t.id)).toEqual(['bilstm-imdb', 'lstm-imdb']);
    expect(filterTemplates(all, { ...NO_FILTER, query: 'embeddings lstm' }).map((t) => t.id)).toEqual(['lstm-imdb']);
    expect(filterTemplates(all, { ...NO_FILTER, query: 'no such network' })).toEqual([]);
  });

  it('arrow keys move through a three-column grid and stop at its edges', () => {
    expect(moveIndex(0, 'ArrowRight', 7, 3)).toBe(1);
    expect(moveIndex(1, 'ArrowDown', 7, 3)).toBe(4);
    expect(moveIndex(5, 'ArrowDown', 7, 3)).toBe(6);
    expect(moveIndex(1, 'ArrowUp', 7, 3)).toBe(1);
    expect(moveIndex(4, 'ArrowUp', 7, 3)).toBe(1);
    expect(moveIndex(6, 'ArrowDown', 7, 3)).toBe(6);
    expect(moveIndex(2, 'ArrowDown', 3, 3)).toBe(2);
    expect(moveIndex(0, 'ArrowLeft', 7, 3)).toBe(0);
    expect(moveIndex(3, 'End', 7, 3)).toBe(6);
    expect(moveIndex(3, 'Home', 7, 3)).toBe(0);
    expect(moveIndex(0, 'a', 7, 3)).toBeNull();
    expect(moveIndex(0, 'ArrowDown', 0, 3)).toBeNull();
  });
});
