import { className, type EmitPlan, type EmitStep } from '../graph';
import { blockNotes } from '../blocks';
import type { PytorchLayer, WeightMap } from '../../layers/emit-types';
import { ATTENTION_PY, POSITION_PY } from './prelude-attention';
import { BASE_PY } from './prelude-base';
import { RECURRENT_PY } from './prelude-recurrent';
import { MODEL_MAIN_PY } from './prelude-main';

const HELPERS: Record<string, string> = { recurrent: RECURRENT_PY, attention: ATTENTION_PY, position: POSITION_PY };

/** The PyTorch of one module: the nodes of the whole graph, or of one GAN network. */
interface ModuleCode {
  readonly name: string;
  readonly doc: string;
  readonly init: readonly string[];
  readonly forward: readonly string[];
  readonly args: readonly string[];
  readonly returns: readonly string[];
}

export interface PytorchModel {
  readonly text: string;
  /** Every state_dict entry and the Keras weight it comes from, with the state_dict prefix applied. */
  readonly weights: readonly (WeightMap & { readonly layer: string })[];
  readonly className: string;
}

export type ModelResult = { readonly ok: true; readonly model: PytorchModel } | { readonly ok: false; readonly errors: readonly string[] };

const indent = (lines: readonly string[], n: number) => lines.map((l) => (l ? ' '.repeat(n) + l : l));

function moduleCode(
  name: string,
  doc: string,
  steps: readonly { step: EmitStep; layer: PytorchLayer }[],
  args: readonly string[],
  returns: readonly string[],
  note: (nodeId: string) => string[],
): ModuleCode {
  const init: string[] = [];
  const forward: string[] = [];
  for (const { step, layer } of steps) {
    const block = note(step.node.id);
    init.push(...block, ...layer.init);
    forward.push(...block);
    // A frozen node keeps its weights while the rest trains, as Keras's trainable=False.
    if (!step.node.trainable && layer.init.length > 0) init.push(`self.${step.emit.id}.requires_grad_(False)`);
    forward.push(...layer.forward(step.inputs, step.outputs));
  }
  return { name, doc, init, forward, args, returns };
}

function renderModule(m: ModuleCode): string {
  const ret = m.returns.length === 1 ? m.returns[0]! : m.returns.join(', ');
  return [
    `class ${m.name}(nn.Module):`,
    `    """${m.doc}"""`,
    '',
    '    def __init__(self):',
    '        super().__init__()',
    ...indent(m.init, 8),
    '        self.apply(keras_init)',
    '',
    `    def forward(self, ${m.args.join(', ')}):`,
    ...indent(m.forward, 8),
    `        return ${ret}`,
  ].join('\n');
}

/**
 * model.py: the graph as an nn.Module, layers named after the nodes and in graph order. Tensors stay channels-last
 * between layers as in Keras (convolutions and pooling permute around themselves), so Flatten and Dense see Keras's
 * order and trained weights transfer with per-layer layout changes only.
 */
export function pytorchModel(plan: EmitPlan): ModelResult {
  const errors: string[] = [];
  const emitted: { step: EmitStep; layer: PytorchLayer }[] = [];
  for (const step of plan.steps) {
    if (!step.def.pytorch) {
      errors.push(`${step.node.name} (${step.node.type}) has no PyTorch emitter yet, so the graph cannot be exported to PyTorch.`);
      continue;
    }
    const layer = step.def.pytorch(step.emit as never);
    if ('error' in layer) errors.push(`${step.node.name} (${step.node.type}): ${layer.error}`);
    else emitted.push({ step, layer });
  }
  if (errors.length > 0) return { ok: false, errors };

  const top = className(plan.doc.name);
  const gan = plan.doc.training.mode === 'gan';
  const inputsOf = (role: string) => plan.steps.filter((s) => s.node.role === role && s.node.type === 'InputLayer').map((s) => s.outputs[0]!);
  const outputsOf = (role: string) =>
    plan.analysis.outputs
      .filter((id) => plan.steps.find((s) => s.node.id === id)?.node.role === role)
      .map((id) => plan.steps.find((s) => s.node.id === id)!.outputs[0]!);
  const modules: ModuleCode[] = gan
    ? (['generator', 'discriminator'] as const).map((role) =>
        moduleCode(
          role === 'generator' ? 'Generator' : 'Discriminator',
          role === 'generator'
            ? 'The GAN generator: random noise in, an image out.'
            : 'The GAN discriminator: an image in, the probability that it is real out.',
          emitted.filter((e) => e.step.node.role === role),
          inputsOf(role),
          outputsOf(role),
          blockNotes(plan.doc),
        ),
      )
    : [moduleCode(top, `${plan.doc.name}, exported from LayerLab.`, emitted, plan.inputs, plan.outputs, blockNotes(plan.doc))];

  const prefixOf = (step: EmitStep) => (gan ? `${step.node.role}.` : '');
  const weights = emitted.flatMap(({ step, layer }) => (layer.weights ?? []).map((w) => ({ ...w, torch: prefixOf(step) + w.torch, layer: step.node.name })));
  const helpers = [...new Set(emitted.flatMap((e) => e.layer.helpers ?? []))].sort();
  const wrapper = gan
    ? [
        `class ${top}(nn.Module):`,
        '    """Both GAN networks in one module, so one state_dict holds them."""',
        '',
        '    def __init__(self):',
        '        super().__init__()',
        '        self.generator = Generator()',
        '        self.discriminator = Discriminator()',
        '',
        '    def forward(self, noise):',
        '        return self.discriminator(self.generator(noise))',
      ].join('\n')
    : '';
  const text = [
    `"""${plan.doc.name}: the LayerLab graph as a PyTorch module.`,
    '',
    "Exported by LayerLab. `python model.py --check` prints the parameter count, which equals LayerLab's;",
    '`python model.py --weights DIR` also loads the trained weights exported with the run.',
    '"""',
    'import argparse',
    'import json',
    'import math',
    'import os',
    '',
    'import torch',
    'import torch.nn.functional as F',
    'from torch import nn',
    BASE_PY,
    ...helpers.map((h) => HELPERS[h] ?? ''),
    '',
    ...modules.map((m) => `${renderModule(m)}\n\n`),
    wrapper ? `${wrapper}\n\n` : '',
    `MODEL_CLASS = ${top}`,
    `GAN = ${gan ? 'True' : 'False'}`,
    MODEL_MAIN_PY,
  ].join('\n');
  return { ok: true, model: { text: text.replace(/\n{4,}/g, '\n\n\n'), weights, className: top } };
}
