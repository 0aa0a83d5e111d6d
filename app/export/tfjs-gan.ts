import type { EmitPlan } from './graph';
import { planGanGraph } from '../training/gan';
import { js, loaderCode, tfjsOptimizer, type TfjsResult } from './tfjs-common';

/**
 * A GAN's TF.js code. model.json holds both networks as one functional model, inputs [latent, image] and outputs
 * [generated image, probability that the image is real] (main/export/gan-model.ts builds it), so stock
 * tf.loadLayersModel loads it; model.mjs cuts the generator and the discriminator out of it as models sharing its
 * layers, and train.mjs trains them adversarially as LayerLab's engine does (main/engine/modes/gan-step.ts).
 */
export function tfjsGanCode(plan: EmitPlan): TfjsResult {
  const doc = plan.doc;
  const t = doc.training;
  const check = planGanGraph(doc, plan.analysis);
  if (!check.ok)
    return { ok: false, errors: check.issues.length > 0 ? check.issues.map((i) => i.message) : ['The GAN cannot be exported: fix the graph first.'] };
  const { generator, discriminator, activation } = check.plan;
  const range = activation === 'tanh' ? '−1…1 (tanh)' : '0…1 (sigmoid)';
  const model = [
    ...loaderCode(doc),
    `/** The generator's latent vector and the image it makes, which the discriminator reads; pixels ${range}. */`,
    `export const LATENT_SHAPE = ${js(generator.inputShape)};`,
    `export const IMAGE_SHAPE = ${js(discriminator.inputShape)};`,
    '',
    'const parts = new WeakMap();',
    '',
    '/** The two networks of the loaded model as models of their own, sharing its layers and weights (made once per model). */',
    'function networks(tf, model) {',
    '  if (!parts.has(model)) {',
    '    parts.set(model, {',
    '      generator: tf.model({ inputs: model.inputs[0], outputs: model.outputs[0] }),',
    '      discriminator: tf.model({ inputs: model.inputs[1], outputs: model.outputs[1] }),',
    '    });',
    '  }',
    '  return parts.get(model);',
    '}',
    '',
    "/** The generator: latent vectors [n, ...LATENT_SHAPE] in, images [n, ...IMAGE_SHAPE] out; its weights are the loaded model's. */",
    'export function generator(tf, model) {',
    '  return networks(tf, model).generator;',
    '}',
    '',
    '/** The discriminator: images in, the probability that each is real ([n, 1]) out. */',
    'export function discriminator(tf, model) {',
    '  return networks(tf, model).discriminator;',
    '}',
    '',
    '/** `n` new images from standard-normal latent vectors (as LayerLab trains), pixels 0…1, shaped [n, ...IMAGE_SHAPE]. */',
    'export function sample(tf, model, n = 16) {',
    '  const g = generator(tf, model);',
    '  return tf.tidy(() => {',
    '    const images = g.predict(tf.randomNormal([n, ...LATENT_SHAPE]));',
    activation === 'tanh' ? '    return images.add(1).div(2);' : '    return images;',
    '  });',
    '}',
    '',
  ].join('\n');
  const realScale = activation === 'tanh' ? 'scaled to −1…1 (2 · pixel − 1 for pixels 0…1)' : 'with pixels 0…1';
  const train = [
    `// Trains ${doc.name} adversarially with LayerLab's settings: ${t.optimizer} at ${t.learningRate}${t.optimizer === 'adam' ? ' (β1 = 0.5)' : ''}, batch ${t.batchSize}, ${t.epochs} epochs.`,
    "import { discriminator, generator, loadModel, LATENT_SHAPE } from './model.mjs';",
    '',
    '/** realLabel: one-sided label smoothing, real images are labelled 0.9 so the discriminator cannot grow over-confident. */',
    `export const SETTINGS = ${js({ epochs: t.epochs, batchSize: t.batchSize, realLabel: 0.9 })};`,
    '',
    '/**',
    ` * images: real images, one tensor [n, ...IMAGE_SHAPE], ${realScale}.`,
    ' * Per batch the discriminator learns real images against generated ones (labelled 0), then the generator learns to',
    ' * make it say real (1); each network has its own optimizer and updates only its own weights.',
    ' * options overrides SETTINGS (e.g. { epochs: 1 } for a quick check); onEpoch gets { d_loss, g_loss }.',
    ' */',
    'export async function train(tf, source, images, onEpoch = () => {}, options = {}) {',
    '  const s = { ...SETTINGS, ...options };',
    '  const model = await loadModel(tf, source);',
    '  const g = generator(tf, model);',
    '  const d = discriminator(tf, model);',
    '  const variables = (m) => m.trainableWeights.map((w) => w.read());',
    '  const [gVars, dVars] = [variables(g), variables(d)];',
    `  const [gOptimizer, dOptimizer] = [${tfjsOptimizer(t, 0.5)}, ${tfjsOptimizer(t, 0.5)}];`,
    '  const bce = (labels, p) => tf.mean(tf.metrics.binaryCrossentropy(labels, p));',
    '  // A network with every layer frozen only judges or only draws: its step is its loss, with nothing updated.',
    '  const step = (optimizer, vars, loss) => (vars.length > 0 ? optimizer.minimize(loss, true, vars) : loss());',
    '  const count = images.shape[0];',
    '  for (let epoch = 0; epoch < s.epochs; epoch++) {',
    '    const order = tf.util.createShuffledIndices(count);',
    '    const sums = { d: 0, g: 0, batches: 0 };',
    '    for (let start = 0; start < count; start += s.batchSize) {',
    '      const [dLoss, gLoss] = tf.tidy(() => {',
    "        const real = tf.gather(images, tf.tensor1d(Int32Array.from(order.subarray(start, start + s.batchSize)), 'int32'));",
    '        const n = real.shape[0];',
    '        const labels = tf.concat([tf.fill([n, 1], s.realLabel), tf.zeros([n, 1])]);',
    '        const zD = tf.randomNormal([n, ...LATENT_SHAPE]);',
    '        const zG = tf.randomNormal([n, ...LATENT_SHAPE]);',
    '        const dl = step(dOptimizer, dVars, () => bce(labels, d.apply(tf.concat([real, g.apply(zD, { training: true })]), { training: true })));',
    '        const gl = step(gOptimizer, gVars, () => bce(tf.ones([n, 1]), d.apply(g.apply(zG, { training: true }), { training: true })));',
    '        return [dl, gl];',
    '      });',
    '      sums.d += (await dLoss.data())[0];',
    '      sums.g += (await gLoss.data())[0];',
    '      sums.batches += 1;',
    '      tf.dispose([dLoss, gLoss]);',
    '    }',
    '    await onEpoch(epoch, { d_loss: sums.d / sums.batches, g_loss: sums.g / sums.batches });',
    '  }',
    '  gOptimizer.dispose();',
    '  dOptimizer.dispose();',
    '  return model;',
    '}',
    '',
  ].join('\n');
  return { ok: true, model, train };
}
