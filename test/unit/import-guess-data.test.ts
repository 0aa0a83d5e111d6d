import { describe, expect, it } from 'vitest';
import { dataSettingsSchema } from '../../app/data/catalog';
import type { ProjectDoc } from '../../app/document/schema';
import { guessData } from '../../app/import/guess-data';
import { template } from './helpers';

/** A template as an import sees it: the graph alone, on the default data. */
function bare(name: string): ProjectDoc {
  const doc = template(name);
  return { ...doc, data: dataSettingsSchema.parse({}) };
}

describe('the data an imported model gets', () => {
  it.each([
    ['lenet-mnist', { dataset: 'mnist', objective: 'classify' }],
    ['mlp-mnist', { dataset: 'mnist', objective: 'classify' }],
    ['conv-autoencoder-mnist', { dataset: 'mnist', objective: 'reconstruct' }],
    ['mlp-iris', { dataset: 'iris' }],
    ['text-to-digit', { dataset: 'mnist-prompts' }],
    ['gru-co2', { dataset: 'co2', window: 24 }],
    ['mlp-spirals', { dataset: 'spirals' }],
  ])('%s: the built-in dataset it fits', (name, want) => {
    expect(guessData(bare(name))).toMatchObject(want);
  });

  it('an IMDB model gets IMDB with its own sequence length and vocabulary', () => {
    const doc = bare('lstm-imdb');
    const guessed = guessData(doc);
    expect(guessed).toMatchObject({ dataset: 'imdb', sequenceLength: template('lstm-imdb').data.sequenceLength });
  });

  it('a model no built-in dataset fits keeps the default, and the Data panel says what to choose', () => {
    const doc = bare('mlp-iris');
    doc.graph.nodes = doc.graph.nodes.map((n) => (n.type === 'InputLayer' ? { ...n, params: { ...n.params, shape: [7] } } : n));
    expect(guessData(doc)).toBeNull();
  });
});
