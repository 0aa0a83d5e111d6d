import { py } from '../layers/emit/python';
import type { EmitPlan } from './graph';
import { dataSpec } from '../data/spec';
import type { Shape } from '../layers/types';
import { resolveLoss } from '../training/loss';

export type TfjsResult = { readonly ok: true; readonly model: string; readonly train: string } | { readonly ok: false; readonly errors: readonly string[] };

const js = (v: unknown) => JSON.stringify(v);

/**
 * The TF.js export's code. The architecture travels as model.json (tfjs's own format, loaded by stock
 * tf.loadLayersModel), so model.mjs only registers LayerLab's extra layers and loads it; train.mjs compiles it with
 * the project's optimizer, loss and metrics and fits with its batch size, epochs, validation split and callbacks.
 */
export function tfjsCode(plan: EmitPlan): TfjsResult {
  const doc = plan.doc;
  const t = doc.training;
  if (t.mode === 'gan') return { ok: false, errors: ['GAN projects train two networks adversarially; export them to PyTorch.'] };
  const output: Shape = plan.analysis.nodes.get(plan.analysis.outputs[0] ?? '')?.shape ?? [];
  const loss = resolveLoss(t.loss, dataSpec(doc.data).task, output);
  if ('error' in loss) return { ok: false, errors: [loss.error] };
  const metrics = (t.metrics.length > 0 ? t.metrics : loss.metrics).filter((m) => m === 'accuracy');
  const optimizer = {
    sgd: t.momentum > 0 ? `tf.train.momentum(${t.learningRate}, ${t.momentum}, ${js(t.nesterov)})` : `tf.train.sgd(${t.learningRate})`,
    adam: `tf.train.adam(${t.learningRate})`,
    adamax: `tf.train.adamax(${t.learningRate})`,
    rmsprop: `tf.train.rmsprop(${t.learningRate})`,
    adagrad: `tf.train.adagrad(${t.learningRate})`,
    adadelta: `tf.train.adadelta(${t.learningRate})`,
  }[t.optimizer];
  const model = [
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
    '      return { modelTopology: json.modelTopology, weightSpecs: group.weights, weightData };',
    '    },',
    '  };',
    '}',
    '',
  ].join('\n');
  const es = t.earlyStopping;
  const train = [
    `// Trains ${doc.name} with LayerLab's settings: ${t.optimizer} at ${t.learningRate}, batch ${t.batchSize}, ${t.epochs} epochs, loss ${loss.loss}.`,
    "import { loadModel } from './model.mjs';",
    '',
    `export const SETTINGS = ${js({ epochs: t.epochs, batchSize: t.batchSize, validationSplit: t.validationSplit, loss: loss.loss, labels: loss.labels, metrics })};`,
    '',
    '/**',
    ' * xs: one tensor per model input, shaped like the Input layers ' +
      plan.analysis.inputs.map((id) => py(plan.analysis.nodes.get(id)?.shape ?? [])).join(', ') +
      ';',
    ` * y: ${loss.labels === 'onehot' ? 'one-hot rows' : loss.labels === 'binary' ? 'a 0/1 column' : loss.labels === 'sparse' ? 'token ids per position' : 'target values'}.`,
    ' */',
    'export async function train(tf, source, xs, y, onEpoch = () => {}) {',
    '  const model = await loadModel(tf, source);',
    `  model.compile({ optimizer: ${optimizer}, loss: ${js(loss.loss === 'huber' ? 'meanSquaredError' : loss.loss)}, metrics: ${js(metrics)} });`,
    '  const callbacks = [{ onEpochEnd: async (epoch, logs) => onEpoch(epoch, logs) }];',
    ...(es.enabled
      ? [`  callbacks.push(tf.callbacks.earlyStopping({ monitor: ${js(es.monitor.replace('accuracy', 'acc'))}, patience: ${es.patience} }));`]
      : []),
    '  await model.fit(xs.length === 1 ? xs[0] : xs, y, {',
    '    batchSize: SETTINGS.batchSize,',
    '    epochs: SETTINGS.epochs,',
    '    validationSplit: SETTINGS.validationSplit,',
    `    shuffle: ${js(doc.data.dataset !== 'co2' && doc.data.dataset !== 'series')},`,
    '    callbacks,',
    '  });',
    '  return model;',
    '}',
    '',
  ].join('\n');
  return { ok: true, model, train };
}
