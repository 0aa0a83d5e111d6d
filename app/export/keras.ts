import { dataSpec } from '../data/spec';
import { kerasCall } from '../layers/emit/python';
import { py } from '../layers/emit/python';
import type { KerasLayer } from '../layers/emit-types';
import type { Shape } from '../layers/types';
import { resolveLoss } from '../training/loss';
import { blockNotes } from './blocks';
import { RBM_KERAS_PY } from './keras-rbm';
import type { EmitPlan } from './graph';
import { dataPython } from './pytorch/data-py';

export type KerasResult = { readonly ok: true; readonly text: string } | { readonly ok: false; readonly errors: readonly string[] };

const LOSS_NAMES: Record<string, string> = {
  categoricalCrossentropy: 'categorical_crossentropy',
  sparseCategoricalCrossentropy: 'sparse_categorical_crossentropy',
  binaryCrossentropy: 'binary_crossentropy',
  meanSquaredError: 'mean_squared_error',
  meanAbsoluteError: 'mean_absolute_error',
  huber: 'huber',
};

function optimizer(t: EmitPlan['doc']['training']): string {
  const lr = py(t.learningRate);
  switch (t.optimizer) {
    case 'sgd':
      return `keras.optimizers.SGD(learning_rate=${lr}, momentum=${py(t.momentum)}, nesterov=${py(t.nesterov)})`;
    case 'adam':
      return `keras.optimizers.Adam(learning_rate=${lr})`;
    case 'adamax':
      return `keras.optimizers.Adamax(learning_rate=${lr})`;
    case 'rmsprop':
      return `keras.optimizers.RMSprop(learning_rate=${lr})`;
    case 'adagrad':
      return `keras.optimizers.Adagrad(learning_rate=${lr})`;
    case 'adadelta':
      return `keras.optimizers.Adadelta(learning_rate=${lr})`;
  }
}

/** Keras 3: the graph as a functional model (the nodes' names kept), compiled and fitted with the project's settings. */
/** Weights a Keras export carries (weights/weights.json + .bin in Keras layouts, named `<layer>/<weight>`). */
export interface KerasStart {
  /** Whether the export folder holds weights (a run's, or a transfer model's pretrained layers). */
  readonly shipped: boolean;
  /** Whether the script starts from them unless told otherwise (a transfer model is nothing without them). */
  readonly byDefault: boolean;
  /** Layers that LayerLab trains at a multiple of the rate, which one Keras optimizer cannot. */
  readonly scaled: readonly string[];
}

const NO_WEIGHTS: KerasStart = { shipped: false, byDefault: false, scaled: [] };

const LOAD_WEIGHTS_PY = `
def load_layerlab_weights(model, directory):
    """Sets each layer's weights from weights.json + weights.bin (raw float32 in Keras layouts, named layer/weight)."""
    with open(os.path.join(directory, "weights.json"), encoding="utf-8") as f:
        manifest = json.load(f)
    with open(os.path.join(directory, "weights.bin"), "rb") as f:
        raw = f.read()
    values = {e["name"]: np.frombuffer(raw, dtype="<f4", count=e["count"], offset=e["offset"]).reshape(e["shape"]) for e in manifest["tensors"]}
    used = set()
    for layer in model.layers:
        names = [f"{layer.name}/{w.name.split('/')[-1]}" for w in layer.weights]
        if names and all(n in values for n in names):
            layer.set_weights([values[n] for n in names])
            used.update(names)
    left = sorted(set(values) - used)
    if left:
        raise ValueError("weights.json holds weights no layer took: " + ", ".join(left))
    return model
`;

export function kerasModel(plan: EmitPlan, start: KerasStart = NO_WEIGHTS): KerasResult {
  const errors: string[] = [];
  const body: string[] = [];
  let hub = false;
  const note = blockNotes(plan.doc);
  for (const step of plan.steps) {
    const emit = step.def.keras;
    if (!emit) {
      errors.push(`${step.node.name} (${step.node.type}) has no Keras emitter yet, so the graph cannot be exported to Keras.`);
      continue;
    }
    const layer: KerasLayer | { error: string } = emit(step.emit as never);
    if ('error' in layer) {
      errors.push(`${step.node.name} (${step.node.type}): ${layer.error}`);
      continue;
    }
    hub ||= layer.kerasHub === true;
    const call = layer.call ? layer.call(layer.layer, step.inputs) : kerasCall(layer.layer, step.inputs);
    const frozen = step.node.trainable ? [] : [`model_layers_frozen.append(${py(step.node.name)})`];
    body.push(...note(step.node.id), `${step.outputs.join(', ')} = ${call}`, ...frozen);
  }
  if (errors.length > 0) return { ok: false, errors };
  const frozenAny = plan.steps.some((s) => !s.node.trainable);
  const doc = plan.doc;
  const t = doc.training;
  if (t.mode === 'gan')
    return {
      ok: false,
      errors: ['GAN projects are exported to PyTorch (two networks and their adversarial loop); the Keras export covers models trained with fit.'],
    };
  const output: Shape = plan.analysis.nodes.get(plan.analysis.outputs[0] ?? '')?.shape ?? [];
  // An RBM project pretrains by contrastive divergence; only a head after the RBMs is then fitted on the labels.
  const rbm = t.mode === 'rbm';
  const fits = !rbm || doc.graph.nodes.find((n) => n.id === plan.analysis.outputs[0])?.type !== 'RBM';
  const loss = fits ? resolveLoss(t.loss, dataSpec(doc.data).task, output) : { loss: 'meanSquaredError', labels: 'index' as const, metrics: [] };
  if ('error' in loss) return { ok: false, errors: [loss.error] };
  const metrics = (t.metrics.length > 0 ? t.metrics : loss.metrics).flatMap((m) =>
    m === 'accuracy' ? ['"accuracy"'] : m === 'mae' ? ['"mae"'] : m === 'topKAccuracy' ? [`keras.metrics.SparseTopKCategoricalAccuracy(k=${t.topK})`] : [],
  );
  const s = t.schedule;
  const scheduleFn = {
    constant: null,
    step: `lambda epoch, lr: max(${py(s.minLearningRate)}, ${py(t.learningRate)} * ${py(s.factor)} ** (epoch // ${s.stepEvery}))`,
    exponential: `lambda epoch, lr: max(${py(s.minLearningRate)}, ${py(t.learningRate)} * ${py(s.decayRate)} ** epoch)`,
    cosine: `lambda epoch, lr: ${py(s.minLearningRate)} + (${py(t.learningRate)} - ${py(s.minLearningRate)}) * (1 + math.cos(math.pi * epoch / max(1, EPOCHS))) / 2`,
    plateau: null,
  }[s.kind];
  const callbacks = [
    ...(scheduleFn ? [`keras.callbacks.LearningRateScheduler(${scheduleFn})`] : []),
    ...(s.kind === 'plateau'
      ? [`keras.callbacks.ReduceLROnPlateau(monitor="val_loss", factor=${py(s.factor)}, patience=${s.patience}, min_lr=${py(s.minLearningRate)})`]
      : []),
    ...(t.earlyStopping.enabled
      ? [
          `keras.callbacks.EarlyStopping(monitor=${py(t.earlyStopping.monitor)}, patience=${t.earlyStopping.patience}, restore_best_weights=${py(t.earlyStopping.restoreBest)})`,
        ]
      : []),
  ];
  const text = [
    `"""${doc.name}: the LayerLab graph as a Keras 3 functional model, compiled and fitted with the project's settings.`,
    '',
    'python keras_model.py            trains on one device (any Keras backend: TensorFlow, JAX or PyTorch)',
    'python keras_model.py --data-parallel',
    '    replicates the model on every local accelerator with keras.distribution.DataParallel (JAX backend);',
    '    with TensorFlow, tf.distribute.MirroredStrategy() around build_model() and compile does the same.',
    '"""',
    'import argparse',
    'import json',
    'import math',
    'import os',
    'import re',
    '',
    'import keras',
    'import numpy as np',
    rbm ? 'from keras import layers, ops' : 'from keras import layers',
    ...(hub ? ['import keras_hub'] : []),
    '',
    `EPOCHS = ${t.epochs}`,
    `BATCH_SIZE = ${t.batchSize}`,
    `VALIDATION_SPLIT = ${py(t.validationSplit)}`,
    `DATA_SEED = ${doc.data.seed}`,
    `LIMIT = ${doc.data.limit}`,
    `INPUT_SHAPES = [${plan.analysis.inputs.map((id) => py(plan.analysis.nodes.get(id)?.shape ?? [])).join(', ')}]`,
    `DEFAULT_DATA_DIR = os.environ.get("LAYERLAB_DATA_PACKAGES", "node_modules")`,
    ...(rbm ? [`LEARNING_RATE = ${py(t.learningRate)}`, RBM_KERAS_PY] : []),
    '',
    '',
    'def build_model():',
    ...(frozenAny ? ['    model_layers_frozen = []'] : []),
    ...body.map((l) => `    ${l}`),
    `    model = keras.Model(inputs=[${plan.inputs.join(', ')}], outputs=${plan.outputs.length === 1 ? plan.outputs[0] : `[${plan.outputs.join(', ')}]`}, name=${py(doc.name.replace(/[^A-Za-z0-9_.-]+/g, '_') || 'model')})`,
    ...(frozenAny ? ['    for name in model_layers_frozen:', '        model.get_layer(name).trainable = False'] : []),
    '    return model',
    '',
    '',
    ...(start.scaled.length > 0
      ? [
          `# LayerLab trains ${start.scaled.join(', ')} at a fraction of the learning rate; one Keras optimizer has one rate,`,
          '# so here they learn at the full rate (freeze them, or fine-tune in a second fit with a lower rate).',
        ]
      : []),
    ...(fits
      ? [
          'def compile_model(model):',
          `    model.compile(optimizer=${optimizer(t)}, loss=${py(LOSS_NAMES[loss.loss] ?? loss.loss)}, metrics=[${metrics.join(', ')}])`,
          '    return model',
          '',
        ]
      : []),
    dataPython(doc.data),
    ...(start.shipped ? [LOAD_WEIGHTS_PY] : []),
    ...(fits
      ? [
          '',
          'def prepare_target(y):',
          loss.labels === 'onehot' ? `    return keras.utils.to_categorical(y, ${output[output.length - 1] ?? 1})` : '    return y',
          '',
        ]
      : []),
    '',
    'def main():',
    '    parser = argparse.ArgumentParser()',
    '    parser.add_argument("--epochs", type=int, default=EPOCHS)',
    '    parser.add_argument("--data-dir", default=DEFAULT_DATA_DIR)',
    '    parser.add_argument("--data-parallel", action="store_true")',
    ...(start.shipped
      ? [
          `    parser.add_argument("--weights", metavar="DIR", default=${start.byDefault ? '"weights"' : 'None'}, help="start from the weights exported beside this script")`,
        ]
      : []),
    '    args = parser.parse_args()',
    '    if args.data_parallel:',
    '        keras.distribution.set_distribution(keras.distribution.DataParallel())',
    ...(t.seed > 0 ? [`    keras.utils.set_random_seed(${t.seed})`] : []),
    '    inputs, target, chronological = load_examples(args.data_dir)',
    '    inputs = [x.reshape((-1, *shape)) for x, shape in zip(inputs, INPUT_SHAPES)]',
    '    (train_x, train_y), validation = split_examples(inputs, target, chronological, DATA_SEED, LIMIT, VALIDATION_SPLIT)',
    // Built, then given its starting weights or pretrained, then compiled; in one line when nothing comes between.
    start.shipped || rbm ? '    model = build_model()' : '    model = compile_model(build_model())',
    ...(start.shipped ? ['    if args.weights:', '        load_layerlab_weights(model, args.weights)'] : []),
    ...(rbm
      ? [
          // As the engine: with a head, the first half of the epochs (at least one) pretrain, the rest fine-tune.
          `    pretrained = ${fits ? 'max(1, args.epochs // 2)' : 'args.epochs'}`,
          '    pretrain(model, train_x, pretrained, BATCH_SIZE, LEARNING_RATE)',
        ]
      : []),
    ...(fits
      ? [
          ...(start.shipped || rbm ? ['    model = compile_model(model)'] : []),
          '    model.summary()',
          '    model.fit(',
          '        train_x,',
          '        prepare_target(train_y),',
          '        batch_size=BATCH_SIZE,',
          '        epochs=args.epochs,',
          ...(rbm ? ['        initial_epoch=pretrained,'] : []),
          `        shuffle=${doc.data.dataset === 'co2' || doc.data.dataset === 'series' ? 'False' : 'True'},`,
          '        validation_data=(validation[0], prepare_target(validation[1])) if validation else None,',
          `        callbacks=[${callbacks.join(', ')}],`,
          '    )',
        ]
      : ['    model.summary()']),
    '    model.save("model.keras")',
    '',
    '',
    'if __name__ == "__main__":',
    '    main()',
    '',
  ].join('\n');
  return { ok: true, text };
}
