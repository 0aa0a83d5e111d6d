import type { FitIssue } from '../data/fit-types';
import type { ProjectDoc } from '../document/schema';

/** The graph rules of `rbm` mode beyond the inputs fitting the data: there are RBMs to train. */
export function checkRbmGraph(doc: ProjectDoc): FitIssue[] {
  if (doc.graph.nodes.some((n) => n.type === 'RBM')) return [];
  return [
    {
      message: 'Training mode "rbm" trains the RBM nodes of the graph, and this graph has none. Add an RBM after the Input, or train in "standard" mode.',
    },
  ];
}

/** True when the graph's output is an RBM; otherwise a head follows the RBMs, to fine-tune on labels after pretraining. */
export function endsInRbm(doc: ProjectDoc, outputs: readonly string[]): boolean {
  return outputs.length === 1 && doc.graph.nodes.find((n) => n.id === outputs[0])?.type === 'RBM';
}
