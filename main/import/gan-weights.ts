import type * as tfjs from '@tensorflow/tfjs';
import { analyzeGraph } from '../../app/analysis/analyze';
import type { ProjectDoc } from '../../app/document/schema';
import { ImportError } from '../../app/import/errors';
import { planGanGraph } from '../../app/training/gan';
import { buildGanNets } from '../engine/modes/gan-step';

/**
 * An imported GAN's weights as its runs keep them: the file holds both networks side by side, a GAN run's checkpoint
 * is D(G(z)) (main/engine/modes/gan-step.ts), which Evaluate and continue-training read by weight order. The weights
 * move across by layer/weight name. The caller disposes what it gets (`flat` stays the caller's).
 */
export function ganCheckpointModel(tf: typeof tfjs, doc: ProjectDoc, flat: tfjs.LayersModel): { model: tfjs.LayersModel; dispose: () => void } {
  const analysis = analyzeGraph(doc.graph);
  const check = planGanGraph(doc, analysis);
  // The import only marks a project GAN when this check passed, so this is a guard rather than a path a file takes.
  if (!check.ok) throw new ImportError(`The GAN's weights cannot be attached: ${check.issues[0]?.message ?? 'the graph has errors'}`);
  const nets = buildGanNets(tf, doc, analysis, check.plan);
  const from = new Map(flat.weights.map((w) => [w.originalName, w]));
  try {
    for (const w of nets.combined.weights) {
      const source = from.get(w.originalName);
      if (!source) throw new ImportError(`The GAN's weights cannot be attached: the file has no ${w.originalName}.`);
      w.write(source.read());
    }
  } catch (e) {
    nets.dispose();
    throw e;
  }
  return { model: nets.combined, dispose: () => nets.dispose() };
}
