import type { ProjectDoc } from '../document/schema';
import type { TrainingSettings } from '../training/settings';

export type TfjsResult = { readonly ok: true; readonly model: string; readonly train: string } | { readonly ok: false; readonly errors: readonly string[] };

export const js = (v: unknown) => JSON.stringify(v);

/** The project's optimizer as tfjs code; `beta1` replaces Adam's default (a GAN's 0.5). */
export function tfjsOptimizer(t: TrainingSettings, beta1?: number): string {
  return {
    sgd: t.momentum > 0 ? `tf.train.momentum(${t.learningRate}, ${t.momentum}, ${js(t.nesterov)})` : `tf.train.sgd(${t.learningRate})`,
    adam: beta1 === undefined ? `tf.train.adam(${t.learningRate})` : `tf.train.adam(${t.learningRate}, ${beta1})`,
    adamax: `tf.train.adamax(${t.learningRate})`,
    rmsprop: `tf.train.rmsprop(${t.learningRate})`,
    adagrad: `tf.train.adagrad(${t.learningRate})`,
    adadelta: `tf.train.adadelta(${t.learningRate})`,
  }[t.optimizer];
}

/** The head of model.mjs: registering LayerLab's extra layers, loading, and a folder loader for plain tfjs in Node. */
export function loaderCode(doc: ProjectDoc): string[] {
  return [
    `// ${doc.name}: exported from LayerLab. Works in Node (file:// URLs) and in the browser (http URLs).`,
    "import { registerLayerLabLayers } from './layerlab-layers.mjs';",
    '',
    '/** Registers the layers TF.js lacks, then loads the model: a URL (browser, tfjs-node) or an IOHandler such as nodeFiles(). */',
    'export async function loadModel(tf, source) {',
    '  registerLayerLabLayers(tf);',
    '  return tf.loadLayersModel(source);',
    '}',
    '',
    '/** model.json + weights.bin from a folder, for plain @tensorflow/tfjs in Node (which has no file:// loader). */',
    'export function nodeFiles(tf, dir) {',
    '  return {',
    '    load: async () => {',
    "      const { readFile } = await import('node:fs/promises');",
    "      const { join } = await import('node:path');",
    "      const json = JSON.parse(await readFile(join(dir, 'model.json'), 'utf8'));",
    '      const group = json.weightsManifest[0];',
    '      const bin = await readFile(join(dir, group.paths[0]));',
    '      const weightData = bin.buffer.slice(bin.byteOffset, bin.byteOffset + bin.byteLength);',
    '      return { modelTopology: json.modelTopology, weightSpecs: group.weights, weightData, userDefinedMetadata: json.userDefinedMetadata };',
    '    },',
    '  };',
    '}',
    '',
  ];
}
