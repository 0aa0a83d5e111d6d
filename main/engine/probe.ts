import type * as tfjs from '@tensorflow/tfjs';

/** The kernel a backend lacks, from tfjs's "Kernel 'X' not registered for backend 'Y'" error. */
export function missingKernel(error: unknown): string | null {
  const m = /Kernel '([^']+)' not registered for backend/.exec(error instanceof Error ? error.message : String(error));
  return m ? m[1]! : null;
}

/** Runs one training step; returns the kernel the backend lacks, or null. Other errors propagate. */
export async function probeStep(step: () => Promise<unknown>): Promise<string | null> {
  try {
    await step();
    return null;
  } catch (e) {
    const kernel = missingKernel(e);
    if (!kernel) throw e;
    return kernel;
  }
}

/** One training step of a compiled model on (at most) its first two examples; a missing kernel throws. */
export async function trialStep(tf: typeof tfjs, model: tfjs.LayersModel, xs: tfjs.Tensor[], y: tfjs.Tensor): Promise<void> {
  const n = Math.min(2, y.shape[0]);
  const bx = xs.map((x) => x.slice(0, n));
  const by = y.slice(0, n);
  try {
    await model.trainOnBatch(bx, by);
  } finally {
    tf.dispose([...bx, by]);
  }
}

/** Runs one training step on two examples; returns the missing kernel if the backend cannot train this model. */
export function probeTraining(tf: typeof tfjs, model: tfjs.LayersModel, xs: tfjs.Tensor[], y: tfjs.Tensor): Promise<string | null> {
  return probeStep(() => trialStep(tf, model, xs, y));
}
