import type { DataSettings } from '../../data/catalog';
import { dataSpec } from '../../data/spec';
import type { ProjectDoc } from '../../document/schema';
import { py } from '../../layers/emit/python';
import type { Shape } from '../../layers/types';
import { planGan } from '../../training/gan';
import { resolveLoss } from '../../training/loss';
import type { EmitPlan } from '../graph';
import { dataPython } from './data-py';
import { GAN_LOOP_PY } from './gan-py';
import { RBM_LOOP_PY } from './rbm-py';
import { TRAIN_LOOP_PY, TRAIN_SETUP_PY } from './train-py';

/** What a transfer export adds: the layers that start from a source's weights, and the learning-rate multiples. */
export interface TrainStart {
  /** Module name (the node's Python name) → learning rate as a multiple of the run's. */
  readonly layerRates: Readonly<Record<string, number>>;
  /** Whether the export's weights/ folder holds weights the run should start from by default. */
  readonly startFromWeights: boolean;
}

const NO_START: TrainStart = { layerRates: {}, startFromWeights: false };

export type TrainResult = { readonly ok: true; readonly text: string } | { readonly ok: false; readonly errors: readonly string[] };

const settingsLine = (name: string, value: unknown) =>
  `${name} = ${
    typeof value === 'object' && value !== null && !Array.isArray(value)
      ? JSON.stringify(value)
          .replace(/\btrue\b/g, 'True')
          .replace(/\bfalse\b/g, 'False')
      : py(value)
  }`;

/** Limit as the engine applies it: the dataset's own setting (0 = all). */
const limitOf = (s: DataSettings) => s.limit;

/**
 * train.py: the project's settings written out as constants (optimizer, schedule, loss, metrics, batch size, epochs,
 * early stopping, seed, data), then LayerLab's data loading and loop in plain PyTorch.
 */
export function pytorchTrain(plan: EmitPlan, dataDir: string, start: TrainStart = NO_START): TrainResult {
  const doc: ProjectDoc = plan.doc;
  const t = doc.training;
  const spec = dataSpec(doc.data);
  const output: Shape = plan.analysis.nodes.get(plan.analysis.outputs[0] ?? '')?.shape ?? [];
  const gan = t.mode === 'gan';
  const rbm = t.mode === 'rbm';
  const lines: string[] = [
    `"""Train ${doc.name} (exported from LayerLab) with the project's settings.`,
    '',
    'python train.py                      one process: CUDA, Apple MPS or CPU, whichever is there',
    'torchrun --nproc_per_node N train.py  N processes with DistributedDataParallel (see README.md)',
    '"""',
    'import argparse',
    'import json',
    'import math',
    'import os',
    'import re',
    '',
    'import numpy as np',
    'import torch',
    '',
    `from model import ${rbm ? 'RBM, ' : ''}build_model, load_layerlab_weights`,
    '',
    `PROJECT = ${py(doc.name)}`,
    `DEFAULT_DATA_DIR = os.environ.get("LAYERLAB_DATA_PACKAGES", ${py(dataDir)})`,
    settingsLine('EPOCHS', t.epochs),
    settingsLine('BATCH_SIZE', t.batchSize),
    settingsLine('LEARNING_RATE', t.learningRate),
    settingsLine('OPTIMIZER', t.optimizer),
    settingsLine('MOMENTUM', t.momentum),
    settingsLine('NESTEROV', t.nesterov),
    settingsLine('SCHEDULE', t.schedule),
    settingsLine('VALIDATION_SPLIT', t.validationSplit),
    settingsLine('SEED', t.seed),
    settingsLine('DATA_SEED', doc.data.seed),
    settingsLine('LIMIT', limitOf(doc.data)),
    "# Examples are reshaped to the Input layers' shapes, as LayerLab feeds them.",
    `INPUT_SHAPES = [${plan.analysis.inputs.map((id) => py(plan.analysis.nodes.get(id)?.shape ?? [])).join(', ')}]`,
  ];
  const startLines = [
    ...(start.startFromWeights ? ["# The pretrained layers start from the weights exported beside this script (the source model's, or a run's)."] : []),
    `DEFAULT_WEIGHTS = ${start.startFromWeights ? '"weights"' : 'None'}`,
    ...(Object.keys(start.layerRates).length > 0 ? ['# Pretrained layers being fine-tuned learn at these multiples of the rate.'] : []),
    `LAYER_LR = {${Object.entries(start.layerRates)
      .map(([name, rate]) => `${py(name)}: ${py(rate)}`)
      .join(', ')}}`,
  ];
  if (gan) {
    const check = planGan(doc, plan.analysis);
    if (!check.ok) return { ok: false, errors: check.issues.map((i) => i.message) };
    lines.push(
      settingsLine('LATENT', check.plan.generator.inputShape[0] ?? 1),
      settingsLine('GAN_ACTIVATION', check.plan.activation),
      dataPython(doc.data),
      GAN_LOOP_PY,
    );
    return { ok: true, text: lines.filter((l, i) => l !== '' || lines[i - 1] !== '').join('\n') };
  }
  if (rbm) {
    // As the engine: a graph whose output is not an RBM has a classifier head, fine-tuned after pretraining.
    const outputType = doc.graph.nodes.find((n) => n.id === plan.analysis.outputs[0])?.type;
    lines.push(
      settingsLine('ADAM_BETA1', 0.9),
      settingsLine('HEAD', outputType !== 'RBM'),
      '# Held-out examples scored each epoch, as the engine scores them.',
      settingsLine('EVAL_COUNT', 512),
      ...startLines,
      dataPython(doc.data),
      TRAIN_SETUP_PY,
      RBM_LOOP_PY,
    );
    return { ok: true, text: lines.join('\n') };
  }
  const loss = resolveLoss(t.loss, spec.task, output);
  if ('error' in loss) return { ok: false, errors: [loss.error] };
  const metrics = (t.metrics.length > 0 ? t.metrics : loss.metrics).filter((m) => m === 'accuracy' || m === 'mae' || m === 'topKAccuracy');
  const es = t.earlyStopping;
  lines.push(
    settingsLine('ADAM_BETA1', 0.9),
    settingsLine('LOSS', loss.loss),
    settingsLine('LABELS', loss.labels),
    settingsLine('METRICS', metrics),
    settingsLine('TOP_K', t.topK),
    settingsLine('EARLY_STOPPING', es.enabled),
    settingsLine('MONITOR', es.monitor),
    settingsLine('MONITOR_HIGHER', es.monitor.endsWith('accuracy')),
    settingsLine('PATIENCE', es.patience),
    settingsLine('RESTORE_BEST', es.restoreBest),
    '# Time series keep their order; everything else is reshuffled every epoch, as model.fit does.',
    `SHUFFLE = ${doc.data.dataset === 'co2' || doc.data.dataset === 'series' ? 'False' : 'True'}`,
    ...startLines,
    dataPython(doc.data),
    TRAIN_LOOP_PY,
  );
  return { ok: true, text: lines.join('\n') };
}
