import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadProjectText } from '../app/document/load';
import type { ProjectDoc } from '../app/document/schema';

/** The reference models of the training benchmark, each a bundled template adjusted to the sizes. */
export type ModelId = 'mlp' | 'lenet' | 'lstm' | 'transformer' | 'gru';
export const MODEL_IDS: readonly ModelId[] = ['mlp', 'lenet', 'lstm', 'transformer', 'gru'];

export const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const BATCH = 64;
/** IMDB reviews are cut or padded to this many tokens. */
export const SEQUENCE = 200;

interface Spec {
  readonly label: string;
  readonly template: string;
  /** Params to change, by node id. */
  readonly params?: Record<string, Record<string, unknown>>;
  readonly data?: Record<string, unknown>;
}

const SPECS: Record<ModelId, Spec> = {
  mlp: { label: 'MLP 784-128-10 (MNIST)', template: 'mlp-mnist', data: { limit: 6400 } },
  lenet: { label: 'LeNet CNN (MNIST)', template: 'lenet-mnist', data: { limit: 6400 } },
  lstm: {
    label: `Embedding(10000,64)+LSTM(64) (IMDB, ${SEQUENCE})`,
    template: 'lstm-imdb',
    params: { input_1: { shape: [SEQUENCE] }, embedding_1: { outputDim: 64 }, lstm_1: { units: 64 } },
    data: { sequenceLength: SEQUENCE, limit: 1600 },
  },
  transformer: {
    label: `Transformer encoder (IMDB, ${SEQUENCE})`,
    template: 'transformer-imdb',
    params: { input_1: { shape: [SEQUENCE] }, token_and_position_embedding_1: { sequenceLength: SEQUENCE } },
    data: { sequenceLength: SEQUENCE, limit: 1600 },
  },
  gru: { label: 'GRU(32) forecaster (CO2, 24 steps)', template: 'gru-co2' },
};

export function modelLabel(id: ModelId): string {
  return SPECS[id].label;
}

/** The template as a document: batch 64, Adam, no validation, a fixed seed, many epochs (runs are stopped by count). */
export function benchDocument(id: ModelId): ProjectDoc {
  const spec = SPECS[id];
  const text = readFileSync(join(ROOT, 'resources', 'templates', `${spec.template}.layerlab.json`), 'utf8');
  const loaded = loadProjectText(text);
  if (!loaded.ok) throw new Error(`${spec.template}: ${loaded.error}`);
  const doc = loaded.doc;
  const unknown = Object.keys(spec.params ?? {}).find((id) => !doc.graph.nodes.some((n) => n.id === id));
  if (unknown) throw new Error(`${spec.template}: no node ${unknown}`);
  const nodes = doc.graph.nodes.map((n) => (spec.params?.[n.id] ? { ...n, params: { ...n.params, ...spec.params[n.id] } } : n));
  return {
    ...doc,
    graph: { ...doc.graph, nodes },
    data: { ...doc.data, ...spec.data },
    training: { ...doc.training, optimizer: 'adam', batchSize: BATCH, epochs: 1000, validationSplit: 0, seed: 1 },
  };
}
