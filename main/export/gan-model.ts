import type * as tfjs from '@tensorflow/tfjs';
import { analyzeGraph } from '../../app/analysis/analyze';
import type { ProjectDoc } from '../../app/document/schema';
import type { NamedTensor } from '../../app/export/weights';
import { planGanGraph } from '../../app/training/gan';
import { buildModel, freezeLayers } from '../engine/build-model';

/**
 * A GAN document as the one TF.js layers model its export ships: the whole graph built flat, inputs [latent, image]
 * and outputs [generated image, P(real)] whatever the node order, so model.mjs finds each network by position. A
 * run's checkpoint holds D(G(z)) with the discriminator nested, but every weight is saved under its layer's name
 * (layer/weight), which the flat model's variables share, so the run's weights are set by name. With `complete`
 * (a run's weights) a weight the tensors lack is an error rather than a fresh initialiser left in silently.
 */
export async function ganExportModel(doc: ProjectDoc, tensors: readonly NamedTensor[], complete: boolean): Promise<tfjs.LayersModel> {
  const tf = await import('@tensorflow/tfjs');
  const analysis = analyzeGraph(doc.graph);
  const check = planGanGraph(doc, analysis);
  if (!check.ok) throw new Error(check.issues[0]?.message ?? 'The GAN cannot be exported: fix the graph first.');
  const { generator: g, discriminator: d } = check.plan;
  const model = buildModel(tf, doc, { ...analysis, inputs: [g.input, d.input], outputs: [g.output, d.output] });
  const byName = new Map(tensors.map((t) => [t.name, t]));
  try {
    for (const w of model.weights) {
      const t = byName.get(w.originalName);
      if (t) w.write(tf.tensor(t.data, t.shape as number[]));
      else if (complete) throw new Error(`The run's weights have no ${w.originalName}: the run trained another graph.`);
    }
  } catch (e) {
    model.dispose();
    throw e;
  }
  freezeLayers(model, doc);
  return model;
}
