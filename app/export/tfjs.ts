import { py } from '../layers/emit/python';
import type { EmitPlan } from './graph';
import { dataSpec } from '../data/spec';
import type { Shape } from '../layers/types';
import { resolveLoss } from '../training/loss';
import { js, loaderCode, tfjsOptimizer, type TfjsResult } from './tfjs-common';
import { tfjsGanCode } from './tfjs-gan';

/**
 * The TF.js export's code. The architecture travels as model.json (tfjs's own format, loaded by stock
 * tf.loadLayersModel), so model.mjs only registers LayerLab's extra layers and loads it; train.mjs compiles it with
 * the project's optimizer, loss and metrics and fits with its batch size, epochs, validation split and callbacks.
 * A GAN's code is tfjs-gan.ts's.
 */
export function tfjsCode(plan: EmitPlan): TfjsResult {
  const doc = plan.doc;
  const t = doc.training;
  if (t.mode === 'gan') return tfjsGanCode(plan);
  const output: Shape = plan.analysis.nodes.get(plan.analysis.outputs[0] ?? '')?.shape ?? [];
  const loss = resolveLoss(t.loss, dataSpec(doc.data).task, output);
  if ('error' in loss) return { ok: false, errors: [loss.error] };
  const metrics = (t.metrics.length > 0 ? t.metrics : loss.metrics).filter((m) => m === 'accuracy');
  const optimizer = tfjsOptimizer(t);
  const model = loaderCode(doc).join('\n');
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
