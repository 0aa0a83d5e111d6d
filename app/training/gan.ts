import type { Analysis } from '../analysis/types';
import { datasetInfo } from '../data/catalog';
import type { FitIssue } from '../data/fit-types';
import { dataSpec } from '../data/spec';
import type { NodeDoc, ProjectDoc } from '../document/schema';
import { formatDims, type Shape } from '../layers/types';

export type GanRole = 'generator' | 'discriminator';

/** One of the two networks of a GAN, as found in the graph. */
export interface GanNet {
  readonly nodeIds: readonly string[];
  /** Its one Input layer: the latent vector for the generator, an image for the discriminator. */
  readonly input: string;
  readonly output: string;
  readonly inputShape: readonly number[];
  readonly outputShape: readonly number[];
}

export interface GanPlan {
  readonly generator: GanNet;
  readonly discriminator: GanNet;
  /** One real example as the dataset gives it, e.g. [28, 28, 1], values 0–1. */
  readonly image: readonly number[];
  /**
   * The generator's output activation, which fixes the range real images are scaled to so that
   * real and fake look alike to the discriminator: tanh → −1…1, sigmoid → 0…1.
   */
  readonly activation: 'tanh' | 'sigmoid';
}

export type GanCheck = { readonly ok: true; readonly plan: GanPlan } | { readonly ok: false; readonly issues: FitIssue[] };

const ROLE_NAME: Record<GanRole, string> = { generator: 'generator', discriminator: 'discriminator' };
const ACTIVATED = new Set(['Dense', 'Activation', 'TimeDistributed', 'Conv2D', 'Conv2DTranspose', 'Conv1D', 'SeparableConv2D']);
const PASS_THROUGH = new Set(['Dropout', 'Reshape', 'Flatten', 'GaussianNoise', 'SpatialDropout1D', 'SpatialDropout2D', 'Cropping2D', 'ZeroPadding2D']);

const product = (dims: readonly (number | null)[]) => dims.reduce<number>((a, d) => a * (d ?? NaN), 1);
const sameDims = (a: readonly (number | null)[], b: readonly (number | null)[]) => a.length === b.length && a.every((d, i) => d === b[i]);
const known = (s: Shape | null | undefined): s is readonly number[] => !!s && s.every((d) => typeof d === 'number');

/** The node that sets an output's activation, looking back through shape-only layers (Reshape, Dropout, …). */
function activationOf(byId: ReadonlyMap<string, NodeDoc>, analysis: Analysis, id: string): { node: NodeDoc; activation: string } | undefined {
  let node = byId.get(id);
  while (node && PASS_THROUGH.has(node.type)) node = byId.get(analysis.nodes.get(node.id)?.inbound[0] ?? '');
  if (!node || !ACTIVATED.has(node.type)) return undefined;
  return { node, activation: typeof node.params.activation === 'string' ? node.params.activation : 'linear' };
}

/** Finds one role's Input and output; issues when there is not exactly one of each. */
function findNet(role: GanRole, nodes: readonly NodeDoc[], analysis: Analysis, issues: FitIssue[]): Omit<GanNet, 'inputShape' | 'outputShape'> | null {
  const name = ROLE_NAME[role];
  const what = role === 'generator' ? 'the layers that turn random noise into an image' : 'the layers that tell real images from generated ones';
  if (nodes.length === 0) {
    issues.push({ message: `The GAN has no ${name}. Select ${what} and set their role to "${name}" in the inspector.` });
    return null;
  }
  const ids = new Set(nodes.map((n) => n.id));
  const inputs = nodes.filter((n) => n.type === 'InputLayer');
  const outputs = analysis.outputs.filter((id) => ids.has(id));
  const names = (list: readonly string[]) => list.map((id) => nodes.find((n) => n.id === id)?.name ?? id).join(', ');
  if (inputs.length !== 1) {
    issues.push(
      inputs.length === 0
        ? {
            message: `The ${name} has no Input layer. Add one${role === 'generator' ? ' for the latent vector (e.g. shape 64)' : ' shaped like one image'} and mark it "${name}".`,
          }
        : { nodeId: inputs[1]!.id, message: `The ${name} has ${inputs.length} Input layers (${names(inputs.map((n) => n.id))}); it needs exactly one.` },
    );
  }
  if (outputs.length !== 1) {
    issues.push(
      outputs.length === 0
        ? { message: `The ${name} has no output layer: nothing it contains ends the network.` }
        : {
            nodeId: outputs[1],
            message: `The ${name} ends in ${outputs.length} layers (${names(outputs)}); it must end in exactly one. Connect or delete the others.`,
          },
    );
  }
  if (inputs.length !== 1 || outputs.length !== 1) return null;
  return { nodeIds: nodes.map((n) => n.id), input: inputs[0]!.id, output: outputs[0]! };
}

/** A GAN's two networks must not be wired together: the trainer itself feeds generated images to the discriminator. */
function crossEdges(doc: ProjectDoc, byId: ReadonlyMap<string, NodeDoc>): FitIssue[] {
  return doc.graph.edges.flatMap((e): FitIssue[] => {
    const from = byId.get(e.source);
    const to = byId.get(e.target);
    if (!from || !to || from.role === to.role || from.role === 'model' || to.role === 'model') return [];
    return [
      {
        nodeId: to.id,
        message: `${to.name} (${to.role}) is connected to ${from.name} (${from.role}). Delete that connection: the generator and the discriminator stay separate, and training feeds generated images to the discriminator itself.`,
      },
    ];
  });
}

/**
 * Splits a GAN document into its generator and discriminator and checks that they fit each other
 * and the data: G's output shape = D's input shape = one real image (same number of values),
 * D ends in one sigmoid unit, G ends in tanh or sigmoid. Pure; used by the UI and the engine.
 * `imageShape` stands in for the dataset's image shape (data that does not come from the catalog).
 */
export function planGan(doc: ProjectDoc, analysis: Analysis, imageShape?: readonly number[]): GanCheck {
  const issues: FitIssue[] = [];
  const spec = dataSpec(doc.data);
  const label = imageShape ? 'The' : datasetInfo(doc.data.dataset).label;
  const image =
    imageShape ?? (spec.inputs.length === 1 && spec.inputs[0]!.dtype === 'float32' && spec.inputs[0]!.shape.length === 3 ? spec.inputs[0]!.shape : null);
  if (!image) {
    return {
      ok: false,
      issues: [
        {
          message: `GAN training learns to make images, so it needs an image dataset such as MNIST digits; ${label} feeds ${spec.inputs.map((i) => i.label).join(' and ')}.`,
        },
      ],
    };
  }
  const byId = new Map(doc.graph.nodes.map((n) => [n.id, n]));
  for (const n of doc.graph.nodes) {
    if (n.role !== 'model') continue;
    issues.push({
      nodeId: n.id,
      message: `In GAN mode every layer belongs to the generator or the discriminator, but ${n.name} has no role. Set its role in the inspector.`,
    });
  }
  issues.push(...crossEdges(doc, byId));
  const g = findNet(
    'generator',
    doc.graph.nodes.filter((n) => n.role === 'generator'),
    analysis,
    issues,
  );
  const d = findNet(
    'discriminator',
    doc.graph.nodes.filter((n) => n.role === 'discriminator'),
    analysis,
    issues,
  );
  if (issues.length > 0 || !g || !d) return { ok: false, issues };

  const shape = (id: string) => analysis.nodes.get(id)?.shape;
  const gIn = shape(g.input);
  const gOut = shape(g.output);
  const dIn = shape(d.input);
  const dOut = shape(d.output);
  // Unknown shapes come with graph errors of their own; those are reported by the analysis.
  if (!known(gIn) || !known(gOut) || !known(dIn) || !known(dOut)) return { ok: false, issues: [] };
  const name = (id: string) => byId.get(id)?.name ?? id;

  if (product(dIn) !== product(image)) {
    issues.push({
      nodeId: d.input,
      message: `${label} images have shape ${formatDims(image)} (${product(image)} values), but the discriminator's Input ${name(d.input)} expects ${formatDims(dIn)}.`,
      fix: { label: `Set ${name(d.input)} shape to ${formatDims(image)}`, nodeId: d.input, key: 'shape', value: [...image] },
    });
  } else if (!sameDims(gOut, dIn)) {
    issues.push({
      nodeId: g.output,
      message: `The generator makes ${formatDims(gOut)} outputs, but the discriminator's Input ${name(d.input)} expects ${formatDims(dIn)}. The generator must make images shaped exactly like the ones the discriminator reads.`,
      ...(product(gOut) === product(dIn)
        ? { fix: { label: `Set ${name(d.input)} shape to ${formatDims(gOut)}`, nodeId: d.input, key: 'shape', value: [...gOut] } }
        : {}),
    });
  }

  const dAct = activationOf(byId, analysis, d.output);
  if (!sameDims(dOut, [1])) {
    issues.push({
      nodeId: d.output,
      message: `The discriminator must output one number per image (the probability that it is real), shape (1,), but it outputs ${formatDims(dOut)}.${dOut.length > 1 ? ' Add a Flatten before its last Dense.' : ''}`,
      ...(dAct && 'units' in dAct.node.params && dOut.length === 1 ? { fix: { label: 'Set units to 1', nodeId: dAct.node.id, key: 'units', value: 1 } } : {}),
    });
  } else if (dAct?.activation !== 'sigmoid') {
    issues.push({
      nodeId: d.output,
      message: `The discriminator's output is a probability (real or generated) and needs a sigmoid activation${dAct ? ` (it has ${dAct.activation})` : ''}.`,
      ...(dAct ? { fix: { label: 'Use sigmoid', nodeId: dAct.node.id, key: 'activation', value: 'sigmoid' } } : {}),
    });
  }

  const gAct = activationOf(byId, analysis, g.output);
  const activation = gAct?.activation;
  if (activation !== 'tanh' && activation !== 'sigmoid') {
    issues.push({
      nodeId: g.output,
      message: `The generator's last layer needs a tanh (pixels −1…1, the usual DCGAN choice) or sigmoid (pixels 0…1) activation so its images live in the same range as the real ones${activation ? `; it has ${activation}` : ''}.`,
      ...(gAct ? { fix: { label: 'Use tanh', nodeId: gAct.node.id, key: 'activation', value: 'tanh' } } : {}),
    });
  }
  if (issues.length > 0 || (activation !== 'tanh' && activation !== 'sigmoid')) return { ok: false, issues };
  return {
    ok: true,
    plan: {
      generator: { ...g, inputShape: gIn, outputShape: gOut },
      discriminator: { ...d, inputShape: dIn, outputShape: dOut },
      image,
      activation,
    },
  };
}

/** The GAN's dataset-fit problems, for `checkDataFit` when the training mode is `gan`. */
export function checkGanFit(doc: ProjectDoc, analysis: Analysis): FitIssue[] {
  const check = planGan(doc, analysis);
  return check.ok ? [] : check.issues;
}

/**
 * The GAN split of the graph alone, whatever data the project has chosen: what the TF.js export writes out and its
 * import restores (an imported project starts on the default data). The discriminator's own Input stands in for the
 * dataset's image, so only the two networks and how they fit each other are checked.
 */
export function planGanGraph(doc: ProjectDoc, analysis: Analysis): GanCheck {
  const inputs = doc.graph.nodes.filter((n) => n.role === 'discriminator' && n.type === 'InputLayer');
  const shape = inputs.length === 1 ? analysis.nodes.get(inputs[0]!.id)?.shape : undefined;
  // Without one known Input the split fails on that first, and the stand-in is never compared.
  return planGan(doc, analysis, known(shape) ? shape : [0]);
}
