import type { Tf } from '../types';
import { applyActivation, FROM_OUTPUT, type SequenceActivation } from './gru-sequence';
import type { Tensor } from './tf-types';

export interface SimpleRnnWeights {
  /** [D, u]. */
  readonly kernel: Tensor;
  /** [u, u]. */
  readonly recurrentKernel: Tensor;
  /** [u]. */
  readonly bias: Tensor;
}

/**
 * A SimpleRNN (h' = f(x·W + h·U + b)) over a whole sequence as one differentiable op with its
 * gradient written out, as `gruSequence` and `lstmSequence`: the input projections of all steps
 * are one product before the loop, a step is a product, an add and the activation forward, one
 * product and two elementwise kernels back, and each weight gradient is one product over all
 * steps. x is [B, T, D] (already reversed for go_backwards), h0 [B, u]; returns every state, [B, T, u].
 */
export function simpleRnnSequence(tf: Tf, activation: SequenceActivation, x: Tensor, h0: Tensor, w: SimpleRnnWeights): Tensor {
  const [batch, steps, inputDim] = x.shape as [number, number, number];
  const units = w.recurrentKernel.shape[0];
  const op = tf.customGrad((...args: (Tensor | ((saved: Tensor[]) => void))[]) => {
    const [xs, h, kernel, recurrent, bias] = args as Tensor[];
    const save = args[5] as (saved: Tensor[]) => void;
    const rows = tf.reshape(xs!, [batch * steps, inputDim]);
    const projected = tf.unstack(tf.transpose(tf.reshape(tf.add(tf.matMul(rows, kernel!), bias!), [batch, steps, units]), [1, 0, 2]));
    const states: Tensor[] = [];
    let state = h!;
    for (let t = 0; t < steps; t++) {
      // Not a fused product with the projection as its bias: wasm's fused kernel takes rank-1 biases only.
      state = applyActivation(tf, activation, tf.add(projected[t]!, tf.matMul(state, recurrent!)));
      states.push(state);
    }
    save([xs!, h!, kernel!, recurrent!, ...states]);
    return {
      value: tf.stack(states, 1),
      gradFunc: (dy: Tensor | Tensor[], saved: Tensor[]) => {
        const [xSaved, hSaved, kernelSaved, recurrentSaved, ...kept] = saved;
        const dStates = tf.unstack(Array.isArray(dy) ? dy[0]! : dy, 1);
        const slope = FROM_OUTPUT[activation];
        const recurrentT = tf.transpose(recurrentSaved!);
        const dPre: Tensor[] = [];
        let dH: Tensor | null = null;
        for (let t = steps - 1; t >= 0; t--) {
          const g: Tensor = dH ? tf.add(dStates[t]!, dH) : dStates[t]!;
          const da = slope ? tf.mul(g, slope(tf, kept[t]!)) : g;
          dPre.push(da);
          dH = tf.matMul(da, recurrentT);
        }
        // Collected last step first; time-major rows [T·B, u].
        const da = tf.reshape(tf.stack(dPre.reverse()), [steps * batch, units]);
        const previous = tf.reshape(tf.stack([hSaved!, ...kept.slice(0, steps - 1)]), [steps * batch, units]);
        const dRecurrent = tf.matMul(previous, da, true, false);
        const daBatchMajor = tf.reshape(tf.transpose(tf.reshape(da, [steps, batch, units]), [1, 0, 2]), [batch * steps, units]);
        const xRows = tf.reshape(xSaved!, [batch * steps, inputDim]);
        const ones = tf.ones([batch * steps, 1]);
        const [dKernel, dBias] = tf.split(tf.matMul(tf.concat([xRows, ones], 1), daBatchMajor, true, false), [inputDim, 1], 0);
        const dx = tf.reshape(tf.matMul(daBatchMajor, kernelSaved!, false, true), [batch, steps, inputDim]);
        return [dx, dH!, dKernel!, dRecurrent, tf.reshape(dBias!, [units])];
      },
    };
  });
  return op(x, h0, w.kernel, w.recurrentKernel, w.bias);
}
