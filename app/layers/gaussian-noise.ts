import { z } from 'zod';
import { defineLayer } from './types';
import { assign, py } from './emit/python';

export const GaussianNoise = defineLayer({
  type: 'GaussianNoise',
  category: 'Regularization',
  summary: 'Adds random noise to its input while training, to fight overfitting.',
  explain: {
    what: 'While training, adds to every value a random number drawn from a normal distribution with mean 0 and standard deviation `stddev`, so the network cannot memorise exact inputs. At inference it does nothing.',
    formula: 'y = x + ε, ε ~ N(0, stddev²) (training only)',
    shapes: 'Any shape in, the same shape out.',
    when: 'On the input of a small model trained on little data (a cheap form of data augmentation), or in a denoising autoencoder: noise in, clean target out.',
  },
  params: z.object({
    stddev: z.number().min(0).max(10).default(0.1).meta({ title: 'Std. deviation', description: 'Spread of the noise, in the units of the input.' }),
  }),
  inputs: [{ name: 'input', label: 'input' }],
  outputShape: (_p, [shape]) => (shape ? { ok: true, shape } : { ok: false, message: 'GaussianNoise needs an input.' }),
  paramCount: () => 0,
  pytorch: ({ params: p }) => ({
    init: [],
    forward: ([x = 'x'], out) => assign(out, `${x} + torch.randn_like(${x}) * ${py(p.stddev)} if self.training else ${x}`),
  }),
  keras: ({ name, params: p }) => ({ layer: `layers.GaussianNoise(${py(p.stddev)}, name=${py(name)})` }),
});
