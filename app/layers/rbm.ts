import { z } from 'zod';
import { assign, lastDim, py } from './emit/python';
import { defineLayer } from './types';

export const RBM = defineLayer({
  type: 'RBM',
  category: 'Core',
  summary: 'Restricted Boltzmann Machine: learns features of its input without labels (train it in "rbm" mode).',
  explain: {
    what:
      'Two layers of units, visible v (the input) and hidden h, joined by weights W with no links inside a layer. ' +
      'It gives every pair (v, h) an energy and learns to give low energy to what the data looks like. ' +
      'Contrastive divergence (CD-k) trains it: raise v·h where the data is, lower it where k steps of ' +
      'sampling v → h → v drift to (persistent CD keeps that chain going between batches). Because it models ' +
      'every pixel together, it can fill in missing ones from the known ones, which is why the course notes ' +
      'call it "a specialized type of autoencoder used for handling imbalanced datasets and imputing missing values". ' +
      'In the graph its output is the hidden probabilities, so RBMs stack and can feed a classifier.',
    formula:
      'E(v, h) = −v·b_v − h·b_h − vᵀW h   ·   p(h=1|v) = σ(v·W + b_h)   ·   p(v=1|h) = σ(h·Wᵀ + b_v)   ·   ' +
      'ΔW ∝ ⟨v hᵀ⟩_data − ⟨v hᵀ⟩_k steps   ·   params = v·h + v + h',
    shapes: '(None, v) → (None, h). Example: MNIST pixels (None, 784) with 128 hidden units → (None, 128); 100,480 params.',
    when:
      'Unsupervised features and greedy layer-wise pretraining (train an RBM, then another on its hidden probabilities, ' +
      'then a classifier on top), and imputing missing inputs. Binary visible units for pixels in 0–1, Gaussian ones for standardised real values.',
  },
  params: z.object({
    units: z.int().min(1).max(16_384).default(128).meta({ title: 'Hidden units', description: 'Number of hidden units (features it learns).' }),
    visibleType: z
      .enum(['binary', 'gaussian'])
      .default('binary')
      .meta({ title: 'Visible units', description: 'binary: inputs in 0–1 (pixels). gaussian: real values, standardised to mean 0, variance 1.' }),
    cdSteps: z
      .int()
      .min(1)
      .max(100)
      .default(1)
      .meta({ title: 'CD steps (k)', description: 'Gibbs steps per update of contrastive divergence; 1 is the usual choice.' }),
    persistent: z
      .boolean()
      .default(false)
      .meta({ title: 'Persistent CD', description: 'Keep the sampling chain between batches instead of restarting it at the data.' }),
  }),
  inputs: [{ name: 'input', label: 'visible' }],
  outputShape: (p, [shape]) => {
    if (shape?.length !== 1) {
      return { ok: false, message: 'RBM needs a flat input (None, v): one visible unit per value.', fix: 'Put a Flatten before it.' };
    }
    if (shape[0] === null) return { ok: false, message: 'RBM needs a known number of visible units to size its weights.', fix: 'Give the Input a fixed size.' };
    return { ok: true, shape: [p.units] };
  },
  paramCount: (p, [shape]) => {
    const v = shape?.[0] ?? 0;
    return v * p.units + v + p.units;
  },
  // The module keeps Keras's (visible, hidden) kernel, so trained weights load as they are; train.py runs CD itself.
  pytorch: ({ id, params: p, inputShapes: [shape] }) => ({
    init: [
      `self.${id} = RBM(${lastDim(shape)}, ${p.units}, visible_type=${py(p.visibleType)}, cd_steps=${p.cdSteps}, persistent=${p.persistent ? 'True' : 'False'})`,
    ],
    forward: ([x = 'x'], out) => assign(out, `self.${id}(${x})`),
    weights: [
      { torch: `${id}.kernel`, keras: 'kernel', ops: [] },
      { torch: `${id}.visible_bias`, keras: 'visible_bias', ops: [] },
      { torch: `${id}.hidden_bias`, keras: 'hidden_bias', ops: [] },
    ],
    helpers: ['rbm'],
  }),
  // keras_model.py defines the RBM layer and its contrastive-divergence pretraining (app/export/keras-rbm.ts).
  keras: ({ name, params: p }) => ({
    layer: `RBM(${p.units}, visible_type=${py(p.visibleType)}, cd_steps=${p.cdSteps}, persistent=${p.persistent ? 'True' : 'False'}, name=${py(name)})`,
  }),
});
