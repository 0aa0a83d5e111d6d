import * as tf from '@tensorflow/tfjs';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ProjectDoc } from '../../app/document/schema';
import { prepareExport } from '../../main/export/export-folder';
import { ROOT } from './export-helpers';

/** The graph as names, types, params, roles (a GAN's networks) and wiring: what must survive export → import, whatever the ids and positions. */
export function graphShape(doc: ProjectDoc) {
  const name = new Map(doc.graph.nodes.map((n) => [n.id, n.name]));
  return {
    nodes: doc.graph.nodes
      .map((n) => ({ name: n.name, type: n.type, params: n.params, trainable: n.trainable, ...(n.role === 'model' ? {} : { role: n.role }) }))
      .sort((a, b) => a.name.localeCompare(b.name)),
    edges: doc.graph.edges.map((e) => `${name.get(e.source)}:${e.sourceHandle} → ${name.get(e.target)}:${e.targetHandle}`).sort(),
  };
}

/** The project's TF.js export (model.json + weights.bin with fresh weights) written into `dir`. */
export async function exportTfjs(doc: ProjectDoc, dir: string): Promise<void> {
  const out = await prepareExport({ doc, target: 'tfjs', root: ROOT });
  for (const f of out.files) if (f.path === 'model.json' || f.path === 'weights.bin') writeFileSync(join(dir, f.path), f.data);
}

/** One batch of inputs the model accepts: token ids below `vocab` for inputs feeding an embedding, values in [-1, 1) otherwise. */
export function sampleInputs(model: tf.LayersModel, doc: ProjectDoc, batch = 3): tf.Tensor[] {
  return model.inputs.map((input, i) => {
    const inputNode = doc.graph.nodes.find((n) => n.name === model.inputNames[i]);
    const fed = doc.graph.edges.filter((e) => e.source === inputNode?.id).map((e) => doc.graph.nodes.find((n) => n.id === e.target));
    const embedding = fed.find((n) => n?.type === 'Embedding' || n?.type === 'TokenAndPositionEmbedding');
    const shape = [batch, ...input.shape.slice(1).map((d) => d ?? 1)];
    if (!embedding) return tf.randomUniform(shape, -1, 1, 'float32', 7 + i);
    const vocab = Number(embedding.params.inputDim ?? embedding.params.vocabularySize ?? 2);
    return tf.floor(tf.randomUniform(shape, 0, Math.min(vocab, 50), 'float32', 11 + i));
  });
}
