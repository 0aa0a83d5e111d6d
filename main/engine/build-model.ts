import type { Analysis } from '../../app/analysis/types';
import type { ProjectDoc } from '../../app/document/schema';
import { buildLayer } from '../../app/layers/builders/registry';
import { getLayer } from '../../app/layers/registry';
import type { SymbolicTensor, Tf } from '../../app/layers/types';
import type * as tfjs from '@tensorflow/tfjs';

/** Builds a tfjs functional model from a document whose analysis is clean. */
export function buildModel(tf: Tf, doc: ProjectDoc, analysis: Analysis): tfjs.LayersModel {
  if (!analysis.ok) throw new Error(analysis.issues[0]?.message ?? 'the graph has errors');
  const byId = new Map(doc.graph.nodes.map((n) => [n.id, n]));
  const built = new Map<string, readonly SymbolicTensor[]>();
  for (const id of analysis.order) {
    const node = byId.get(id)!;
    const def = getLayer(node.type)!;
    const params = def.params.parse(node.params);
    const inputs = (analysis.nodes.get(id)?.inboundRefs ?? []).map((ref) => built.get(ref.source)![ref.output]!);
    const out = buildLayer(tf, node.type, params, node.name, inputs);
    built.set(id, Array.isArray(out) ? out : [out as SymbolicTensor]);
  }
  return tf.model({
    name: doc.name.replace(/[^A-Za-z0-9_.-]+/g, '_') || 'model',
    inputs: analysis.inputs.map((id) => built.get(id)![0]!),
    outputs: analysis.outputs.map((id) => built.get(id)![0]!),
  });
}

/** Marks the document's frozen layers on a built model (after any weights are set: getWeights lists trainable ones first). */
export function freezeLayers(model: tfjs.LayersModel, doc: ProjectDoc): void {
  for (const node of doc.graph.nodes) if (!node.trainable) model.getLayer(node.name).trainable = false;
}

/**
 * Builds the model made of `nodeIds` alone: a GAN's generator or discriminator, which share one
 * document but train as two models. The set must be closed (no edges into it from outside); its
 * Inputs and outputs are the graph's Inputs and outputs that fall inside it.
 */
export function buildSubModel(tf: Tf, doc: ProjectDoc, analysis: Analysis, nodeIds: readonly string[], name: string): tfjs.LayersModel {
  if (!analysis.ok) throw new Error(analysis.issues[0]?.message ?? 'the graph has errors');
  const inside = new Set(nodeIds);
  const byId = new Map(doc.graph.nodes.map((n) => [n.id, n]));
  const built = new Map<string, readonly SymbolicTensor[]>();
  for (const id of analysis.order) {
    if (!inside.has(id)) continue;
    const node = byId.get(id)!;
    const def = getLayer(node.type)!;
    const refs = analysis.nodes.get(id)?.inboundRefs ?? [];
    const outside = refs.find((ref) => !inside.has(ref.source));
    if (outside) throw new Error(`${node.name} is fed by ${byId.get(outside.source)?.name ?? outside.source}, which is not part of ${name}`);
    const out = buildLayer(
      tf,
      node.type,
      def.params.parse(node.params),
      node.name,
      refs.map((ref) => built.get(ref.source)![ref.output]!),
    );
    built.set(id, Array.isArray(out) ? out : [out as SymbolicTensor]);
  }
  const model = tf.model({
    name,
    inputs: analysis.inputs.filter((id) => inside.has(id)).map((id) => built.get(id)![0]!),
    outputs: analysis.outputs.filter((id) => inside.has(id)).map((id) => built.get(id)![0]!),
  });
  for (const id of nodeIds) {
    const node = byId.get(id);
    if (node && !node.trainable) model.getLayer(node.name).trainable = false;
  }
  return model;
}
