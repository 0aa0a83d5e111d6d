import { frozenCount } from '../transfer/freeze';
import { pretrainedParams, pretrainedPlan, pretrainedShape } from '../transfer/plan';
import { preprocessParams } from '../transfer/preprocess';
import { defineLayer } from './types';

export const PretrainedModel = defineLayer({
  type: 'PretrainedModel',
  category: 'Core',
  summary: 'A model trained before, cut at a layer, reused as a feature extractor or fine-tuned.',
  explain: {
    what: 'Reuses the layers of a network trained on another task (its features: edges, strokes, textures). Frozen layers keep their weights; unfrozen ones adapt at a smaller learning rate.',
    shapes: 'The source’s input shape → the output shape of the layer it is cut at.',
    when: 'Few examples of a new task that looks like the old one: extract features with everything frozen and train a new head, then unfreeze the top layers to fine-tune.',
  },
  params: pretrainedParams,
  inputs: [{ name: 'input', label: 'input' }],
  outputShape: (p, [shape]) => pretrainedShape(p, shape),
  paramCount: (p) => {
    const plan = pretrainedPlan(p);
    return plan.ok ? plan.kept.reduce((s, l) => s + l.params, 0) + preprocessParams(p.preprocess) : 0;
  },
  nonTrainableCount: (p) => {
    const plan = pretrainedPlan(p);
    return plan.ok ? frozenCount(plan.kept, plan.trainable) + preprocessParams(p.preprocess) : 0;
  },
});
