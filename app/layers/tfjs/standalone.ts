import type { Tf } from '../types';
import { registerSequenceLayerClasses } from './register';
import { registerSubtract } from './subtract';

/**
 * The entry of layerlab-layers.mjs, the module a TF.js export ships: call it with your `tf` before
 * `tf.loadLayersModel` so that LayerLab's layers TF.js lacks (GRU reset_after, attention, Transformer
 * blocks, position embeddings, Subtract) are known by their Keras class names.
 */
export function registerLayerLabLayers(tf: Tf): readonly string[] {
  return [...registerSequenceLayerClasses(tf), registerSubtract(tf).name];
}
