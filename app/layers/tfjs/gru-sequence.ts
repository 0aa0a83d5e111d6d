import type { BuiltinActivation } from '../activations';
import type { Tf } from '../types';
import type { Tensor } from './tf-types';

/** Candidate activations whose derivative can be read from their output, y = f(a) → f'(a). */
export const FROM_OUTPUT = {
  tanh: (tf: Tf, y: Tensor) => tf.sub(1, tf.square(y)),
  sigmoid: (tf: Tf, y: Tensor) => tf.sub(y, tf.square(y)),
  relu: (tf: Tf, y: Tensor) => tf.step(y),
  linear: null,
} as const;
export type SequenceActivation = keyof typeof FROM_OUTPUT;

export function hasSequenceGradient(activation: BuiltinActivation): activation is SequenceActivation {
  return activation in FROM_OUTPUT;
}

export function applyActivation(tf: Tf, name: SequenceActivation, a: Tensor): Tensor {
  return name === 'linear' ? a : name === 'tanh' ? tf.tanh(a) : name === 'sigmoid' ? tf.sigmoid(a) : tf.relu(a);
}

/** What the forward pass keeps per step for the backward one, in this order. */
const KEPT = ['previous', 'z', 'r', 'candidateH', 'candidate', 'towardPrevious'] as const;

export interface GruWeights {
  /** [D, 3u]: update, reset and candidate columns, as Keras lays them out. */
  readonly kernel: Tensor;
  /** [u, 3u]. */
  readonly recurrentKernel: Tensor;
  /** [2, 3u]: input biases, then recurrent biases. */
  readonly bias: Tensor;
}

/**
 * A reset-after GRU over a whole sequence as one differentiable op with its gradient written out
 * (backpropagation through time). The step-by-step cell inside tfjs's RNN records ~100 small
 * kernels per time step on the gradient tape; here the input projections of every step are
 * computed before the loop, a step forward is 13 untaped kernels and a step back 10, and
 * the weight gradients are one product each after the loop. Returns every step's state,
 * [B, T, u]; x is [B, T, D] (already reversed for go_backwards), h0 is [B, u].
 */
export function gruSequence(tf: Tf, activation: SequenceActivation, x: Tensor, h0: Tensor, w: GruWeights): Tensor {
  const [batch, steps, inputDim] = x.shape as [number, number, number];
  const units = w.recurrentKernel.shape[0];
  const op = tf.customGrad((...args: (Tensor | ((saved: Tensor[]) => void))[]) => {
    const [xs, h, kernel, recurrent, bias] = args as Tensor[];
    const save = args[5] as (saved: Tensor[]) => void;
    const [inputBias, recurrentBias] = tf.unstack(bias!);
    // Gate by gate (update z, reset r, candidate h): separate products cost less than splitting
    // one wide product's columns at every step.
    const gate = (m: Tensor, i: number) => (m.rank === 1 ? tf.slice(m, [i * units], [units]) : tf.slice(m, [0, i * units], [-1, units]));
    const rows = tf.reshape(xs!, [batch * steps, inputDim]);
    // Input projections for every step at once, laid out time-major so each step is contiguous.
    const [xz, xr, xh] = [0, 1, 2].map((i) => {
      const projected = tf.add(tf.matMul(rows, gate(kernel!, i)), gate(inputBias!, i));
      return tf.unstack(tf.transpose(tf.reshape(projected, [batch, steps, units]), [1, 0, 2]));
    }) as [Tensor[], Tensor[], Tensor[]];
    const [uz, ur, uh] = [0, 1, 2].map((i) => gate(recurrent!, i)) as [Tensor, Tensor, Tensor];
    const [bz, br, bh] = [0, 1, 2].map((i) => gate(recurrentBias!, i)) as [Tensor, Tensor, Tensor];
    const kept: Tensor[] = [];
    const states: Tensor[] = [];
    let state = h!;
    for (let t = 0; t < steps; t++) {
      const z = tf.sigmoid(tf.add(xz[t]!, tf.fused.matMul({ a: state, b: uz, bias: bz })));
      const r = tf.sigmoid(tf.add(xr[t]!, tf.fused.matMul({ a: state, b: ur, bias: br })));
      const candidateH = tf.fused.matMul({ a: state, b: uh, bias: bh });
      const candidate = applyActivation(tf, activation, tf.add(xh[t]!, tf.mul(r, candidateH)));
      const towardPrevious = tf.sub(state, candidate);
      const next = tf.add(candidate, tf.mul(z, towardPrevious));
      kept.push(state, z, r, candidateH, candidate, towardPrevious);
      states.push(next);
      state = next;
    }
    save([xs!, kernel!, recurrent!, ...kept]);
    return {
      value: tf.stack(states, 1),
      gradFunc: (dy: Tensor | Tensor[], saved: Tensor[]) => {
        const [xSaved, kernelSaved, recurrentSaved, ...perStep] = saved;
        const dStates = tf.unstack(Array.isArray(dy) ? dy[0]! : dy, 1);
        const slope = FROM_OUTPUT[activation];
        const recurrentT = tf.transpose(recurrentSaved!);
        // The per-step factors that do not depend on the incoming gradient, for all steps at once
        // (a few kernels on [T, B, u] instead of a few per step): with g the state's gradient,
        // dA = g·(1 − z)·f'(a), dz_in = g·(h − ĥ)·z(1 − z) and dr_in = dA·ĥ_h·r(1 − r).
        const column = (k: number) => tf.stack(perStep.filter((_, i) => i % KEPT.length === k));
        const [zAll, rAll, candidateHAll, candidateAll, towardAll] = [1, 2, 3, 4, 5].map(column) as [Tensor, Tensor, Tensor, Tensor, Tensor];
        const toA = tf.unstack(slope ? tf.mul(tf.sub(1, zAll), slope(tf, candidateAll)) : tf.sub(1, zAll));
        const toZ = tf.unstack(tf.mul(towardAll, tf.sub(zAll, tf.square(zAll))));
        const toR = tf.unstack(tf.mul(candidateHAll, tf.sub(rAll, tf.square(rAll))));
        const dFromStates: Tensor[] = [];
        const dProjected: Tensor[] = [];
        let dState: Tensor | null = null;
        for (let t = steps - 1; t >= 0; t--) {
          const [, z, r] = perStep.slice(t * KEPT.length, (t + 1) * KEPT.length);
          const g: Tensor = dState ? tf.add(dStates[t]!, dState) : dStates[t]!;
          const dA = tf.mul(g, toA[t]!);
          const dzIn = tf.mul(g, toZ[t]!);
          const drIn = tf.mul(dA, toR[t]!);
          const dFromState = tf.concat([dzIn, drIn, tf.mul(dA, r!)], 1);
          dFromStates.push(dFromState);
          dProjected.push(tf.concat([dzIn, drIn, dA], 1));
          dState = tf.add(tf.mul(g, z!), tf.matMul(dFromState, recurrentT));
        }
        // Gradients were collected last step first. Each weight gradient is one product over all
        // steps; a column of ones beside the inputs gives the bias gradient (its column sums) in
        // the same product.
        const ones = tf.ones([steps * batch, 1]);
        const dFromAll = tf.reshape(tf.stack(dFromStates.reverse()), [steps * batch, 3 * units]);
        const previousAll = tf.reshape(column(0), [steps * batch, units]);
        const [dRecurrent, dRecurrentBias] = tf.split(tf.matMul(tf.concat([previousAll, ones], 1), dFromAll, true, false), [units, 1], 0);
        const dInput = tf.reshape(tf.transpose(tf.stack(dProjected.reverse()), [1, 0, 2]), [batch * steps, 3 * units]);
        const xRows = tf.reshape(xSaved!, [batch * steps, inputDim]);
        const [dKernel, dInputBias] = tf.split(tf.matMul(tf.concat([xRows, ones], 1), dInput, true, false), [inputDim, 1], 0);
        const dBias = tf.concat([dInputBias!, dRecurrentBias!], 0);
        const dx = tf.reshape(tf.matMul(dInput, kernelSaved!, false, true), [batch, steps, inputDim]);
        return [dx, dState!, dKernel!, dRecurrent!, dBias];
      },
    };
  });
  return op(x, h0, w.kernel, w.recurrentKernel, w.bias);
}
