import type * as tfjs from '@tensorflow/tfjs';
import type { ProjectDoc } from '../../app/document/schema';
import { analyzeGraph } from '../../app/analysis/analyze';
import { ImportError } from '../../app/import/errors';
import { buildModel } from '../engine/build-model';
import type { ModelFile } from './read-model-file';

type Weights = NonNullable<ModelFile['weights']>;

const dims = (shape: readonly (number | null)[]) => `[${shape.join(', ')}]`;

/**
 * The imported project's model with the file's weights in it. Each variable of the model LayerLab builds is matched
 * by its saved name (layer/weight, which tfjs and Keras write alike) and must have the saved shape; a weight missing,
 * left over or of another shape means the file does not describe the same network, which is an ImportError.
 */
export function modelWithWeights(tf: typeof tfjs, doc: ProjectDoc, weights: Weights): tfjs.LayersModel {
  const analysis = analyzeGraph(doc.graph);
  if (!analysis.ok)
    throw new ImportError(`The weights cannot be attached: the imported graph has problems (${analysis.issues[0]?.message ?? 'see the canvas'}).`);
  let named: tfjs.NamedTensorMap;
  try {
    named = tf.io.decodeWeights(weights.data, weights.specs as tfjs.io.WeightsManifestEntry[]);
  } catch (e) {
    throw new ImportError(`The weights cannot be read: ${(e as Error).message.slice(0, 200)}.`);
  }
  let model: tfjs.LayersModel;
  try {
    model = buildModel(tf, doc, analysis);
  } catch (e) {
    throw new ImportError(`The imported graph cannot be built to take its weights: ${(e as Error).message.slice(0, 200)}.`);
  }
  const used = new Set<string>();
  // Saved names in manifest order, which is the order tfjs and Keras list each layer's weights.
  const order = weights.specs.map((s) => s.name);
  try {
    for (const layer of model.layers) {
      if (layer.weights.length === 0) continue;
      // A wrapper's inner layer is named by a counter when it is built (forward_lstm_LSTM3), which differs between
      // builds: when its names do not all match, the layer's saved weights are taken in their order.
      const byName = layer.weights.every((w) => w.originalName in named);
      const mine = order.filter((n) => n.startsWith(`${layer.name}/`));
      if (!byName && mine.length !== layer.weights.length) {
        const missing = layer.weights.find((w) => !(w.originalName in named));
        throw new ImportError(
          `The file has no weight ${missing?.originalName ?? layer.name} for layer ${layer.name}, which LayerLab's ${layer.getClassName()} has.`,
        );
      }
      const values = layer.weights.map((w, i) => {
        const savedName = byName ? w.originalName : mine[i]!;
        const saved = named[savedName]!;
        if (saved.shape.join(',') !== w.shape.join(',')) {
          throw new ImportError(
            `The weight ${savedName} is ${dims(saved.shape)} in the file but ${dims(w.shape)} in layer ${layer.name}: the file does not match its own layers.`,
          );
        }
        used.add(savedName);
        return saved;
      });
      layer.setWeights(values);
    }
    const extra = Object.keys(named).filter((n) => !used.has(n));
    if (extra.length > 0)
      throw new ImportError(`The file has weights no layer of the graph takes: ${extra.slice(0, 5).join(', ')}${extra.length > 5 ? '…' : ''}.`);
    return model;
  } catch (e) {
    model.dispose();
    throw e;
  } finally {
    tf.dispose(Object.values(named));
  }
}
