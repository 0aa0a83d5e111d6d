import type * as tfjs from '@tensorflow/tfjs';
import type { Analysis } from '../../../app/analysis/types';
import type { ProjectDoc } from '../../../app/document/schema';
import type { Tf } from '../../../app/layers/types';
import type { GanPlan } from '../../../app/training/gan';
import { buildSubModel } from '../build-model';
import { flatAdam } from '../flat-adam';
import { makeOptimizer } from '../optimizer';

/**
 * One-sided label smoothing (Salimans et al. 2016): real images are labelled 0.9, not 1, so the
 * discriminator cannot grow over-confident and starve the generator of gradient. Fakes stay 0.
 */
export const REAL_LABEL = 0.9;

export interface GanNets {
  readonly generator: tfjs.LayersModel;
  readonly discriminator: tfjs.LayersModel;
  /** D(G(z)) as one model: what a checkpoint saves, so both networks' weights travel together. */
  readonly combined: tfjs.LayersModel;
  readonly gOptimizer: tfjs.Optimizer;
  readonly dOptimizer: tfjs.Optimizer;
  dispose(): void;
}

/** Adam with β1 = 0.5, the DCGAN setting: the default 0.9 carries so much momentum that the two-player game oscillates. */
function ganOptimizer(tf: Tf, doc: ProjectDoc): tfjs.Optimizer {
  const t = doc.training;
  return t.optimizer === 'adam' ? flatAdam(tf, t.learningRate, 0.5) : makeOptimizer(tf, t);
}

/** Two models built from the two halves of the graph, the combined one, and an optimizer each. */
export function buildGanNets(tf: Tf, doc: ProjectDoc, analysis: Analysis, plan: GanPlan): GanNets {
  const generator = buildSubModel(tf, doc, analysis, plan.generator.nodeIds, 'generator');
  const discriminator = buildSubModel(tf, doc, analysis, plan.discriminator.nodeIds, 'discriminator');
  const judged = discriminator.apply(generator.outputs[0]!) as tfjs.SymbolicTensor;
  const combined = tf.model({ name: doc.name.replace(/[^A-Za-z0-9_.-]+/g, '_') || 'gan', inputs: generator.inputs, outputs: judged });
  const gOptimizer = ganOptimizer(tf, doc);
  const dOptimizer = ganOptimizer(tf, doc);
  return {
    generator,
    discriminator,
    combined,
    gOptimizer,
    dOptimizer,
    dispose: () => {
      gOptimizer.dispose();
      dOptimizer.dispose();
      combined.dispose();
      for (const m of [generator, discriminator]) {
        // The combined model may already have released the layers it shares with these two.
        try {
          m.dispose();
        } catch {
          /* already disposed through `combined` */
        }
      }
    },
  };
}

const variablesOf = (m: tfjs.LayersModel) => m.trainableWeights.map((w) => w.read() as tfjs.Variable);

const bce = (tf: Tf, labels: tfjs.Tensor, p: tfjs.Tensor) => tf.mean<tfjs.Scalar>(tf.metrics.binaryCrossentropy(labels, p));

function labelsFor(tf: Tf, real: number, fake: number, realLabel: number): tfjs.Tensor {
  return tf.concat([tf.fill([real, 1], realLabel), tf.zeros([fake, 1])]);
}

/** Share of images the discriminator puts on the right side of 0.5. */
function accuracy(tf: Tf, labels: tfjs.Tensor, p: tfjs.Tensor): tfjs.Scalar {
  return tf.mean<tfjs.Scalar>(tf.cast(tf.equal(tf.greater(labels, 0.5), tf.greater(p, 0.5)), 'float32'));
}

export interface StepResult {
  readonly dLoss: number;
  readonly gLoss: number;
  readonly dAccuracy: number;
}

/**
 * One adversarial step. D learns on real (labelled REAL_LABEL) and generated (0) images, updating
 * only D's weights; then G learns through D with the label 1 ("make D say real"), updating only
 * G's weights: D is frozen for that half by leaving its variables out of the update, which is what
 * Keras's combined model with `discriminator.trainable = False` does. `zD` and `zG` are fresh
 * latent batches, so G's step is judged on samples D has not just trained on.
 */
export async function ganStep(tf: Tf, nets: GanNets, real: tfjs.Tensor, zD: tfjs.Tensor, zG: tfjs.Tensor, realLabel = REAL_LABEL): Promise<StepResult> {
  const n = real.shape[0];
  const m = zD.shape[0];
  const dVars = variablesOf(nets.discriminator);
  const gVars = variablesOf(nets.generator);
  let dAccuracy: tfjs.Scalar | null = null;
  const dLoss = tf.tidy(() => {
    const labels = labelsFor(tf, n, m, realLabel);
    const loss = () => {
      const fake = nets.generator.apply(zD, { training: true }) as tfjs.Tensor;
      const p = nets.discriminator.apply(tf.concat([real, fake]), { training: true }) as tfjs.Tensor;
      dAccuracy = tf.keep(accuracy(tf, labels, p));
      return bce(tf, labels, p);
    };
    return dVars.length > 0 ? nets.dOptimizer.minimize(loss, true, dVars)! : loss();
  });
  const gLoss = tf.tidy(() => {
    const ones = tf.ones([zG.shape[0], 1]);
    const loss = () => bce(tf, ones, nets.discriminator.apply(nets.generator.apply(zG, { training: true }), { training: true }) as tfjs.Tensor);
    return gVars.length > 0 ? nets.gOptimizer.minimize(loss, true, gVars)! : loss();
  });
  const acc = dAccuracy as tfjs.Scalar | null;
  try {
    const [d, g, a] = await Promise.all([dLoss.data(), gLoss.data(), acc ? acc.data() : Promise.resolve(Float32Array.of(NaN))]);
    return { dLoss: d[0]!, gLoss: g[0]!, dAccuracy: a[0]! };
  } finally {
    tf.dispose([dLoss, gLoss, ...(acc ? [acc] : [])]);
  }
}

/**
 * End-of-epoch figures with dropout off. val_loss is G's loss on a held-out latent batch, so it
 * pairs with `loss` (G's mean loss over the epoch); with held-out real images, val_d_loss and
 * val_d_accuracy say whether D still tells images it never trained on from fakes.
 */
export async function ganEvaluate(tf: Tf, nets: GanNets, z: tfjs.Tensor, real: tfjs.Tensor | null, realLabel = REAL_LABEL): Promise<Record<string, number>> {
  const out = tf.tidy(() => {
    const fake = nets.generator.predict(z) as tfjs.Tensor;
    const pFake = nets.discriminator.predict(fake) as tfjs.Tensor;
    const gLoss = bce(tf, tf.onesLike(pFake), pFake);
    if (!real) return [gLoss];
    const p = tf.concat([nets.discriminator.predict(real) as tfjs.Tensor, pFake]);
    const labels = labelsFor(tf, real.shape[0], pFake.shape[0], realLabel);
    return [gLoss, bce(tf, labels, p), accuracy(tf, labels, p)];
  });
  try {
    const [gLoss, dLoss, dAccuracy] = await Promise.all(out.map(async (t) => (await t.data())[0]!));
    return { val_loss: gLoss!, val_g_loss: gLoss!, ...(dLoss !== undefined ? { val_d_loss: dLoss, val_d_accuracy: dAccuracy! } : {}) };
  } finally {
    tf.dispose(out);
  }
}
