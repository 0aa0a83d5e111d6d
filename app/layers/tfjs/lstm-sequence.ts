import type { Tf } from '../types';
import { applyActivation, FROM_OUTPUT, type SequenceActivation } from './gru-sequence';
import type { Tensor } from './tf-types';

/** What the forward pass keeps per step for the backward one, in this order. */
const KEPT = ['previousH', 'previousC', 'i', 'f', 'candidate', 'o', 'squashedC'] as const;

export interface LstmWeights {
  /** [D, 4u]: input, forget, cell and output columns, as Keras and tfjs lay them out. */
  readonly kernel: Tensor;
  /** [u, 4u]. */
  readonly recurrentKernel: Tensor;
  /** [4u]. */
  readonly bias: Tensor;
}

/**
 * An LSTM (sigmoid gates, `activation` for the candidate and the cell output, as Keras 3) over a
 * whole sequence as one differentiable op with its gradient written out (backpropagation
 * through time). tfjs's RNN loop records every step's ~30 kernels on the tape, and its gradient
 * replays them with tfjs's bookkeeping for each; here the input projections of all steps are one
 * product before the loop, a step forward is one product and ~12 elementwise kernels that are
 * not taped, a step back one product and ~16, and each weight gradient is one product over all
 * steps. x is [B, T, D] (already reversed for go_backwards), h0 and c0 [B, u]. Returns
 * [B, T + 1, u]: every step's h, then the final c (a custom op has one output, so the cell state
 * rides along as one more step).
 */
export function lstmSequence(tf: Tf, activation: SequenceActivation, x: Tensor, h0: Tensor, c0: Tensor, w: LstmWeights): Tensor {
  const [batch, steps, inputDim] = x.shape as [number, number, number];
  const units = w.recurrentKernel.shape[0];
  const op = tf.customGrad((...args: (Tensor | ((saved: Tensor[]) => void))[]) => {
    const [xs, h, c, kernel, recurrent, bias] = args as Tensor[];
    const save = args[6] as (saved: Tensor[]) => void;
    const rows = tf.reshape(xs!, [batch * steps, inputDim]);
    // Input projections for every step at once, time-major so that each step is contiguous.
    const projected = tf.unstack(tf.transpose(tf.reshape(tf.add(tf.matMul(rows, kernel!), bias!), [batch, steps, 4 * units]), [1, 0, 2]));
    const kept: Tensor[] = [];
    const states: Tensor[] = [];
    let [hState, cState] = [h!, c!];
    for (let t = 0; t < steps; t++) {
      const z = tf.add(projected[t]!, tf.matMul(hState, recurrent!));
      const [zi, zf, zc, zo] = tf.split(z, 4, 1) as [Tensor, Tensor, Tensor, Tensor];
      const i = tf.sigmoid(zi);
      const f = tf.sigmoid(zf);
      const candidate = applyActivation(tf, activation, zc);
      const o = tf.sigmoid(zo);
      const nextC = tf.add(tf.mul(f, cState), tf.mul(i, candidate));
      const squashedC = applyActivation(tf, activation, nextC);
      const nextH = tf.mul(o, squashedC);
      kept.push(hState, cState, i, f, candidate, o, squashedC);
      states.push(nextH);
      [hState, cState] = [nextH, nextC];
    }
    save([xs!, kernel!, recurrent!, ...kept]);
    return {
      value: tf.concat([tf.stack(states, 1), tf.expandDims(cState, 1)], 1),
      gradFunc: (dy: Tensor | Tensor[], saved: Tensor[]) => {
        const [xSaved, kernelSaved, recurrentSaved, ...perStep] = saved;
        const dAll = tf.unstack(Array.isArray(dy) ? dy[0]! : dy, 1);
        const slope = FROM_OUTPUT[activation];
        const recurrentT = tf.transpose(recurrentSaved!);
        const dPre: Tensor[] = [];
        let dH: Tensor | null = null;
        // The last "step" of the output is the final cell state: its gradient starts dC.
        let dC: Tensor = dAll[steps]!;
        for (let t = steps - 1; t >= 0; t--) {
          const [, previousC, i, f, candidate, o, squashedC] = perStep.slice(t * KEPT.length, (t + 1) * KEPT.length);
          const g: Tensor = dH ? tf.add(dAll[t]!, dH) : dAll[t]!;
          const dO = tf.mul(g, squashedC!);
          const fromH = tf.mul(g, o!);
          const dCell: Tensor = tf.add(dC, slope ? tf.mul(fromH, slope(tf, squashedC!)) : fromH);
          const dI = tf.mul(dCell, candidate!);
          const dF = tf.mul(dCell, previousC!);
          const dCandidate = tf.mul(dCell, i!);
          const gateSlope = (s: Tensor) => tf.sub(s, tf.square(s));
          const dz = tf.concat(
            [tf.mul(dI, gateSlope(i!)), tf.mul(dF, gateSlope(f!)), slope ? tf.mul(dCandidate, slope(tf, candidate!)) : dCandidate, tf.mul(dO, gateSlope(o!))],
            1,
          );
          dPre.push(dz);
          dC = tf.mul(dCell, f!);
          dH = tf.matMul(dz, recurrentT);
        }
        // Collected last step first. A column of ones beside the inputs gives the bias gradient
        // (the column sums of dz) in the same product as the kernel's.
        const dz = tf.reshape(tf.stack(dPre.reverse()), [steps * batch, 4 * units]);
        const previousAll = tf.reshape(tf.stack(perStep.filter((_, k) => k % KEPT.length === 0)), [steps * batch, units]);
        const dRecurrent = tf.matMul(previousAll, dz, true, false);
        const dzBatchMajor = tf.reshape(tf.transpose(tf.reshape(dz, [steps, batch, 4 * units]), [1, 0, 2]), [batch * steps, 4 * units]);
        const xRows = tf.reshape(xSaved!, [batch * steps, inputDim]);
        const ones = tf.ones([batch * steps, 1]);
        const [dKernel, dBias] = tf.split(tf.matMul(tf.concat([xRows, ones], 1), dzBatchMajor, true, false), [inputDim, 1], 0);
        const dx = tf.reshape(tf.matMul(dzBatchMajor, kernelSaved!, false, true), [batch, steps, inputDim]);
        return [dx, dH!, dC, dKernel!, dRecurrent, tf.reshape(dBias!, [4 * units])];
      },
    };
  });
  return op(x, h0, c0, w.kernel, w.recurrentKernel, w.bias);
}
