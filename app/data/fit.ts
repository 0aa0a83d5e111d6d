import type { Analysis } from '../analysis/types';
import type { NodeDoc, ProjectDoc } from '../document/schema';
import { formatDims, type Shape } from '../layers/types';
import { checkGanFit } from '../training/gan';
import { checkRbmGraph, endsInRbm } from '../training/rbm';
import { chooseLoss, resolveLoss } from '../training/loss';
import { datasetInfo } from './catalog';
import type { FitIssue } from './fit-types';
import { isUserDataset } from './source';
import { dataSpec, type DataSpec } from './spec';
import { userDataProblem } from './user-spec';

export type { FitIssue, ParamFix, TrainingFix } from './fit-types';

const product = (dims: readonly (number | null)[]) => dims.reduce<number>((a, d) => a * (d ?? NaN), 1);
const sameDims = (a: readonly (number | null)[], b: readonly number[]) => a.length === b.length && a.every((d, i) => d === b[i]);

/** Layers whose output activation is a param; Dropout and friends pass the activation through. */
const ACTIVATED = new Set(['Dense', 'Activation', 'TimeDistributed', 'Conv2D', 'Conv2DTranspose', 'Conv1D']);
const PASS_THROUGH = new Set(['Dropout', 'Reshape', 'Flatten', 'GaussianNoise', 'SpatialDropout1D']);

/** Walks back through shape-only layers to the node that sets the output's activation. */
function activationSource(doc: ProjectDoc, analysis: Analysis, id: string): NodeDoc | undefined {
  const byId = new Map(doc.graph.nodes.map((n) => [n.id, n]));
  let node = byId.get(id);
  while (node && PASS_THROUGH.has(node.type)) node = byId.get(analysis.nodes.get(node.id)?.inbound[0] ?? '');
  return node && ACTIVATED.has(node.type) ? node : undefined;
}

function checkInputs(spec: DataSpec, label: string, doc: ProjectDoc, analysis: Analysis): FitIssue[] {
  const names = new Map(doc.graph.nodes.map((n) => [n.id, n.name]));
  if (analysis.inputs.length !== spec.inputs.length) {
    const wanted = spec.inputs.map((i) => `${i.label} ${formatDims(i.shape)}`).join(' and ');
    return [
      {
        message: `${label} feeds ${spec.inputs.length} input${spec.inputs.length > 1 ? 's' : ''} (${wanted}), but the network has ${analysis.inputs.length} Input layer${analysis.inputs.length === 1 ? '' : 's'}.`,
      },
    ];
  }
  const issues: FitIssue[] = [];
  spec.inputs.forEach((input, i) => {
    const id = analysis.inputs[i]!;
    const shape = analysis.nodes.get(id)?.shape;
    if (!shape) return;
    const ok = input.dtype === 'int32' ? sameDims(shape, input.shape) : product(shape) === product(input.shape);
    if (ok) return;
    const value = input.dtype === 'float32' && shape.length === 1 && input.shape.length > 1 ? [product(input.shape)] : [...input.shape];
    issues.push({
      nodeId: id,
      message: `${label} ${spec.inputs.length > 1 ? `input ${i + 1} (${input.label})` : 'examples'} ${spec.inputs.length > 1 ? 'has' : 'have'} shape ${formatDims(input.shape)}${input.dtype === 'float32' ? ` (${product(input.shape)} values)` : ''}, but ${names.get(id)} expects ${formatDims(shape)}.`,
      fix: { label: `Set ${names.get(id)} shape to ${formatDims(value)}`, nodeId: id, key: 'shape', value },
    });
  });
  return issues;
}

function wantActivation(doc: ProjectDoc, analysis: Analysis, outputId: string, wanted: string, why: string): FitIssue[] {
  const source = activationSource(doc, analysis, outputId);
  const activation = source?.params.activation;
  if (activation === wanted) return [];
  return [
    {
      nodeId: outputId,
      message: `${why} needs a ${wanted} activation on its output${activation ? ` (it has ${typeof activation === 'string' ? activation : JSON.stringify(activation)})` : ''}.`,
      ...(source ? { fix: { label: `Use ${wanted}`, nodeId: source.id, key: 'activation', value: wanted } } : {}),
    },
  ];
}

function unitsFix(doc: ProjectDoc, analysis: Analysis, outputId: string, units: number): Pick<FitIssue, 'fix'> {
  const source = activationSource(doc, analysis, outputId);
  return source && 'units' in source.params ? { fix: { label: `Set units to ${units}`, nodeId: source.id, key: 'units', value: units } } : {};
}

function checkOutput(spec: DataSpec, label: string, doc: ProjectDoc, analysis: Analysis, outputId: string, out: Shape): FitIssue[] {
  const last = out[out.length - 1];
  switch (spec.task) {
    case 'classification': {
      if (out.length !== 1)
        return [
          {
            nodeId: outputId,
            message: `The output has shape ${formatDims(out)}; a classifier must output one score per class. Add a Flatten or a global pooling layer before the last Dense.`,
          },
        ];
      if (last !== spec.classes && !(spec.classes === 2 && last === 1)) {
        return [
          {
            nodeId: outputId,
            message: `${label} has ${spec.classes} classes, but the output layer has ${last} units.`,
            ...unitsFix(doc, analysis, outputId, spec.classes),
          },
        ];
      }
      return wantActivation(doc, analysis, outputId, last === 1 ? 'sigmoid' : 'softmax', 'A classifier');
    }
    case 'sequence': {
      const wanted = [...spec.targetShape, spec.classes];
      if (!sameDims(out, wanted)) {
        return [
          {
            nodeId: outputId,
            message: `${label} expects one prediction over ${spec.classes} tokens per position, shape ${formatDims(wanted)}, but the output is ${formatDims(out)}.`,
            ...(out.length === 2 && last !== spec.classes ? unitsFix(doc, analysis, outputId, spec.classes) : {}),
          },
        ];
      }
      return wantActivation(doc, analysis, outputId, 'softmax', 'A sequence decoder');
    }
    case 'regression':
      if (product(out) !== product(spec.targetShape)) {
        return [
          {
            nodeId: outputId,
            message: `${label} predicts ${product(spec.targetShape)} value${product(spec.targetShape) > 1 ? 's' : ''}, but the output is ${formatDims(out)}.`,
            ...(out.length === 1 ? unitsFix(doc, analysis, outputId, product(spec.targetShape)) : {}),
          },
        ];
      }
      return wantActivation(doc, analysis, outputId, 'linear', 'A regression output');
    case 'reconstruction':
      if (product(out) !== product(spec.targetShape)) {
        return [
          {
            nodeId: outputId,
            message: `An autoencoder must output the image it was given, ${formatDims(spec.targetShape)}, but the output is ${formatDims(out)}.`,
          },
        ];
      }
      return [];
  }
}

/**
 * Token ids index an Embedding's rows: its vocabulary size must cover every id the data holds. When
 * the inputs have vocabularies of their own, each Embedding is held to the input that feeds it.
 */
function checkEmbeddings(spec: DataSpec, label: string, doc: ProjectDoc, analysis: Analysis): FitIssue[] {
  const perInput = spec.inputs.some((i) => i.vocabulary !== undefined);
  const vocabularyOf = (id: string): number | undefined => {
    if (!perInput) return spec.vocabulary;
    const feeder = doc.graph.edges.find((e) => e.target === id)?.source;
    return feeder === undefined ? undefined : spec.inputs[analysis.inputs.indexOf(feeder)]?.vocabulary;
  };
  return doc.graph.nodes
    .flatMap((n) => {
      const vocabulary = vocabularyOf(n.id);
      return n.type === 'Embedding' && vocabulary !== undefined && typeof n.params.inputDim === 'number' && n.params.inputDim < vocabulary
        ? [{ n, vocabulary }]
        : [];
    })
    .map(({ n, vocabulary }) => ({
      nodeId: n.id,
      message: `${label} has word ids up to ${vocabulary - 1}, but ${n.name} has a vocabulary of ${String(n.params.inputDim)}.`,
      fix: { label: `Set ${n.name} vocabulary size to ${vocabulary}`, nodeId: n.id, key: 'inputDim', value: vocabulary },
    }));
}

/** A loss the user picked must suit the labels: class ids one-hot or sparse, values for regression. */
function checkLoss(spec: DataSpec, doc: ProjectDoc, out: Shape): FitIssue[] {
  const chosen = resolveLoss(doc.training.loss, spec.task, out);
  if (!('error' in chosen)) return [];
  const auto = chooseLoss(spec.task, out).loss;
  return [{ message: chosen.error, trainingFix: { label: `Use ${auto}`, key: 'loss', value: auto } }];
}

/** Does the chosen dataset fit the graph? Each problem comes with the fix to offer. */
export function checkDataFit(doc: ProjectDoc, analysis: Analysis): FitIssue[] {
  // A GAN has two networks and learns from images alone: its own rules apply.
  if (doc.training.mode === 'gan') return checkGanFit(doc, analysis);
  const notReady = isUserDataset(doc.data.dataset) ? userDataProblem(doc.data.dataset, doc.data) : null;
  if (notReady) return [{ message: notReady }];
  const spec = dataSpec(doc.data);
  const label = datasetInfo(doc.data.dataset).label;
  const inputIssues = checkInputs(spec, label, doc, analysis);
  if (inputIssues.length > 0) return inputIssues;
  // RBMs learn from the inputs alone (contrastive divergence): no output or label rules apply, unless a head follows them.
  if (doc.training.mode === 'rbm' && (checkRbmGraph(doc).length > 0 || endsInRbm(doc, analysis.outputs))) return checkRbmGraph(doc);
  if (analysis.outputs.length !== 1) {
    return analysis.outputs.length > 1 ? [{ message: `The network has ${analysis.outputs.length} outputs; training on ${label} needs exactly one.` }] : [];
  }
  const outputId = analysis.outputs[0]!;
  const out = analysis.nodes.get(outputId)?.shape;
  if (!out) return [];
  const outputIssues = checkOutput(spec, label, doc, analysis, outputId, out);
  if (outputIssues.length > 0) return outputIssues;
  return [...checkEmbeddings(spec, label, doc, analysis), ...checkLoss(spec, doc, out)];
}
