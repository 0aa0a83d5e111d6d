import { analyzeGraph } from '../analysis/analyze';
import type { Analysis } from '../analysis/types';
import { dataSettingsSchema, type DataSettings } from '../data/catalog';
import { checkDataFit } from '../data/fit';
import type { ProjectDoc } from '../document/schema';

/** Built-in datasets an imported model may have been made for, most specific first; none needs a download. */
function candidates(doc: ProjectDoc, analysis: Analysis): Partial<DataSettings>[] {
  const input = analysis.nodes.get(analysis.inputs[0] ?? '')?.shape ?? [];
  const steps = typeof input[0] === 'number' ? input[0] : undefined;
  const embedding = doc.graph.nodes.find((n) => n.type === 'Embedding' || n.type === 'TokenAndPositionEmbedding');
  const vocab = Number(embedding?.params.inputDim ?? embedding?.params.vocabularySize);
  return [
    { dataset: 'mnist', objective: 'classify' },
    { dataset: 'mnist', objective: 'reconstruct' },
    { dataset: 'mnist-prompts' },
    { dataset: 'iris' },
    ...(embedding && steps && Number.isInteger(vocab) && vocab >= 100 ? [{ dataset: 'imdb' as const, sequenceLength: steps, vocabSize: vocab }] : []),
    ...(steps && input.length === 2 && input[1] === 1 ? [{ dataset: 'co2' as const, window: steps }] : []),
    { dataset: 'spirals' },
  ];
}

/**
 * The data an imported model most likely learned from, so it can be evaluated or fine-tuned at once: the first
 * built-in dataset its inputs and output fit without a fix (MNIST for a 28×28×1 classifier, Iris for 4 features…).
 * Null when none fits: the project keeps the default and the Data panel says what to choose.
 */
export function guessData(doc: ProjectDoc): DataSettings | null {
  // The graph is the same for every candidate: analysed once.
  const analysis = analyzeGraph(doc.graph);
  if (!analysis.ok) return null;
  for (const partial of candidates(doc, analysis)) {
    const data = dataSettingsSchema.parse({ ...partial, seed: doc.data.seed });
    if (checkDataFit({ ...doc, data }, analysis).length === 0) return data;
  }
  return null;
}
