import { analyzeGraph } from '../analysis/analyze';
import { emptyProject, type ProjectDoc } from '../document/schema';
import { layoutGraph } from '../layout/auto-layout';
import { readLayerLabMetadata, restoreMetadata } from './layerlab-metadata';
import { datasetInfo } from '../data/catalog';
import { guessData } from './guess-data';
import { toGraph, type ImportGap } from './to-graph';
import { readTopology } from './topology';

export interface ImportedModel {
  readonly doc: ProjectDoc;
  /** "a TF.js layers model", "a Keras 3 model config"… */
  readonly source: string;
  readonly gaps: readonly ImportGap[];
  readonly warnings: readonly string[];
}

function description(source: string, gaps: readonly ImportGap[]): string {
  const head = `Imported from ${source}.`;
  if (gaps.length === 0) return head;
  const list = gaps.map((g) => `${g.name} (${g.className}: ${g.reason})`).join('; ');
  return `${head} Not imported, so the layers they fed have an open input: ${list}.`;
}

/**
 * A saved model's JSON (a TF.js model.json, Keras's model.to_json(), a .keras archive's config.json) as a new
 * LayerLab project, laid out top to bottom. Throws ImportError on a file that is not such a model; layers LayerLab
 * lacks are gaps, not errors. `id` is the new project's id (the caller has the randomness).
 */
/**
 * Keras saves the axis it resolved, counting the batch axis: a LayerNormalization over the last of (None, 16, 32) says 2.
 * LayerLab's files say -1 for the last axis, as its layers' defaults do; both mean the same.
 */
function lastAxisAsMinusOne(graph: ReturnType<typeof toGraph>): void {
  const analysis = analyzeGraph({ nodes: graph.nodes, edges: graph.edges });
  for (const node of graph.nodes) {
    const axis = node.params.axis;
    const edge = graph.edges.find((e) => e.target === node.id);
    const shape = edge ? analysis.nodes.get(edge.source)?.shape : undefined;
    if (typeof axis === 'number' && axis === shape?.length) node.params = { ...node.params, axis: -1 };
  }
}

export async function importModel(json: unknown, id: string): Promise<ImportedModel> {
  const saved = readTopology(json);
  const graph = toGraph(saved);
  lastAxisAsMinusOne(graph);
  const positions = await layoutGraph({ nodes: graph.nodes, edges: graph.edges }, { direction: 'TB' });
  const nodes = graph.nodes.map((n) => ({ ...n, position: positions.get(n.id) ?? n.position }));
  const base = emptyProject(saved.name);
  const rbm = nodes.some((n) => n.type === 'RBM');
  const plain: ProjectDoc = {
    ...base,
    id,
    description: description(saved.source, graph.gaps),
    graph: { nodes, edges: graph.edges },
    // An RBM only trains by contrastive divergence; a graph with one would not start in the standard mode.
    training: rbm ? { ...base.training, mode: 'rbm' } : base.training,
  };
  // A LayerLab export says how it trained (and, for a GAN, which layer is which network): the graph alone cannot.
  const restored = restoreMetadata(
    readLayerLabMetadata(json),
    plain,
    saved.layers.map((l) => l.name),
  );
  // Evaluated or fine-tuned at once: on the built-in dataset the model fits, where one does.
  const guessed = guessData(restored.doc);
  const doc = guessed
    ? {
        ...restored.doc,
        data: guessed,
        description: `${restored.doc.description} Its inputs and output fit ${datasetInfo(guessed.dataset).label}, so that is its data; change it in the Data panel.`,
      }
    : restored.doc;
  const analysis = analyzeGraph(doc.graph);
  const warnings = [...graph.warnings, ...(restored.warning ? [restored.warning] : [])];
  if (!analysis.ok && graph.gaps.length === 0) warnings.push(`The imported graph has problems: ${analysis.issues[0]?.message ?? 'see the canvas'}.`);
  return { doc, source: saved.source, gaps: graph.gaps, warnings };
}
