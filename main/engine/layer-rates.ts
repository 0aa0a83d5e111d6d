import type * as tfjs from '@tensorflow/tfjs';
import type { ProjectDoc } from '../../app/document/schema';
import type { Tf } from '../../app/layers/types';
import { pretrainedParams } from '../../app/transfer/plan';
import { makeOptimizer, setLearningRate } from './optimizer';

/** Variables that learn at a multiple of the run's learning rate: the unfrozen layers of a pretrained node. */
export interface RateGroup {
  readonly multiplier: number;
  readonly variables: ReadonlySet<string>;
}

export function rateGroups(model: tfjs.LayersModel, doc: ProjectDoc): RateGroup[] {
  const groups: RateGroup[] = [];
  for (const node of doc.graph.nodes) {
    if (node.type !== 'PretrainedModel' || !node.trainable) continue;
    const { lrMultiplier } = pretrainedParams.parse(node.params);
    if (lrMultiplier === 1) continue;
    const variables = new Set(model.getLayer(node.name).trainableWeights.map((w) => w.name));
    if (variables.size > 0) groups.push({ multiplier: lrMultiplier, variables });
  }
  return groups;
}

/**
 * One optimizer per learning rate, behind one tfjs Optimizer: gradients are split by variable and each part is
 * applied by its own optimizer (so Adam's moments stay per group, and a multiplier scales the step, not the gradient).
 */
export function groupedOptimizer(tf: Tf, settings: ProjectDoc['training'], groups: readonly RateGroup[]): tfjs.Optimizer {
  const main = makeOptimizer(tf, settings);
  if (groups.length === 0) return main;
  const inner = groups.map((g) => ({ ...g, opt: makeOptimizer(tf, { ...settings, learningRate: settings.learningRate * g.multiplier }) }));
  class Grouped extends tf.Optimizer {
    applyGradients(grads: tfjs.NamedTensorMap | { name: string; tensor: tfjs.Tensor }[]): void {
      const all: tfjs.NamedTensorMap = Array.isArray(grads) ? Object.fromEntries(grads.map((g) => [g.name, g.tensor])) : grads;
      const parts: tfjs.NamedTensorMap[] = inner.map(() => ({}));
      const rest: tfjs.NamedTensorMap = {};
      for (const [name, g] of Object.entries(all)) {
        const at = inner.findIndex((x) => x.variables.has(name));
        if (at >= 0) parts[at]![name] = g;
        else rest[name] = g;
      }
      main.applyGradients(rest);
      inner.forEach((x, i) => {
        if (Object.keys(parts[i]!).length > 0) x.opt.applyGradients(parts[i]!);
      });
    }
    /** The schedule changes the run's rate; each group follows at its multiple. */
    setLearningRate(lr: number): void {
      setLearningRate(main, lr);
      for (const x of inner) setLearningRate(x.opt, lr * x.multiplier);
    }
    override dispose(): void {
      main.dispose();
      for (const x of inner) x.opt.dispose();
    }
    getConfig(): tfjs.serialization.ConfigDict {
      return main.getConfig();
    }
  }
  return new Grouped();
}
