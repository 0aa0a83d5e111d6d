import type * as tfjs from '@tensorflow/tfjs';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import type { Tf } from '../../app/layers/types';
import { adamInHeap } from './kernels/simd/adam';

type Tensor = tfjs.Tensor;
type Gradients = tfjs.NamedTensorMap | { name: string; tensor: Tensor }[];

interface Slot {
  readonly name: string;
  readonly shape: number[];
  readonly size: number;
}

/**
 * tfjs's Adam, computed once over all weights laid end to end instead of once per weight. tfjs
 * runs ~14 small kernels per weight per step, each paying tfjs's per-op bookkeeping (2 ms a step
 * for LeNet's 10 weights on wasm, about 10% of the step); here the gradients are joined, the same
 * arithmetic runs once on the joined vector, in the same order (so every weight gets exactly the
 * value tfjs's Adam gives it), and the update is split back. The moments live in two flat
 * variables; when the set of weights with a gradient changes, each weight's moments move with it
 * (weights without a gradient keep theirs untouched, as tfjs's Adam leaves them).
 */
export function flatAdam(tf: Tf, learningRate: number, beta1 = 0.9, beta2 = 0.999): tfjs.Optimizer {
  class FlatAdam extends tf.AdamOptimizer {
    private slots: Slot[] = [];
    /** β1^t and β2^t, kept as tfjs's Adam keeps them (float32 products, step by step). */
    private readonly powers = tf.tidy(() => [tf.scalar(beta1).variable(false), tf.scalar(beta2).variable(false)] as const);
    private first: tfjs.Variable | null = null;
    private second: tfjs.Variable | null = null;
    /** Moments of weights that had no gradient in the latest step. */
    private readonly parked = new Map<string, { first: Tensor; second: Tensor }>();

    override applyGradients(gradients: Gradients): void {
      const entries: [string, Tensor | null][] = Array.isArray(gradients) ? gradients.map((g) => [g.name, g.tensor]) : Object.entries(gradients);
      const present = entries.filter((e): e is [string, Tensor] => e[1] != null);
      if (present.length === 0) return;
      this.arrange(present.map(([name, g]) => ({ name, shape: g.shape, size: g.size })));
      const first = this.first!;
      const second = this.second!;
      if (tf.getBackend() === 'wasm' && this.stepInHeap(present, first, second)) {
        this.incrementIterations();
        return;
      }
      tf.tidy(() => {
        const g = tf.concat(present.map(([, t]) => tf.reshape(t, [-1])));
        const [power1, power2] = this.powers;
        const oneMinusAccBeta1 = tf.sub(1, power1);
        const oneMinusAccBeta2 = tf.sub(1, power2);
        const newFirst = tf.add(tf.mul(first, this.beta1), tf.mul(g, 1 - this.beta1));
        const newSecond = tf.add(tf.mul(second, this.beta2), tf.mul(tf.square(g), 1 - this.beta2));
        const correctedFirst = tf.div(newFirst, oneMinusAccBeta1);
        const correctedSecond = tf.div(newSecond, oneMinusAccBeta2);
        first.assign(newFirst);
        second.assign(newSecond);
        const step = tf.mul(tf.div(correctedFirst, tf.add(tf.sqrt(correctedSecond), this.epsilon)), -this.learningRate);
        const parts = tf.split(
          step,
          this.slots.map((s) => s.size),
        );
        this.slots.forEach((s, i) => {
          const value = tf.engine().registeredVariables[s.name]!;
          value.assign(tf.add(tf.reshape(parts[i]!, s.shape), value));
        });
        power1.assign(tf.mul(power1, this.beta1));
        power2.assign(tf.mul(power2, this.beta2));
      });
      this.incrementIterations();
    }

    /**
     * On wasm, the whole step as one generated kernel (the same float32 operations in the same
     * order, so the same weights): about 20 + 2 per weight kernels become one pass. False where
     * that kernel cannot run, and the step above runs instead.
     */
    private stepInHeap(present: [string, Tensor][], first: tfjs.Variable, second: tfjs.Variable): boolean {
      const [power1, power2] = this.powers;
      const values = this.slots.map((s) => tf.engine().registeredVariables[s.name]!);
      const done = adamInHeap(
        tf.backend() as BackendWasm,
        present.map(([, g]) => g),
        values,
        first,
        second,
        {
          beta1: this.beta1,
          beta2: this.beta2,
          oneMinusPower1: 1 - power1.dataSync()[0]!,
          oneMinusPower2: 1 - power2.dataSync()[0]!,
          epsilon: this.epsilon,
          learningRate: this.learningRate,
        },
      );
      if (!done) return false;
      tf.tidy(() => {
        const tensor = (info: tfjs.TensorInfo) => tf.engine().makeTensorFromTensorInfo(info);
        first.assign(tensor(done.first));
        second.assign(tensor(done.second));
        values.forEach((value, i) => value.assign(tensor(done.values[i]!)));
        power1.assign(tf.mul(power1, this.beta1));
        power2.assign(tf.mul(power2, this.beta2));
      });
      return true;
    }

    /** Lays the moments out for these weights, in this order, carrying each weight's moments over. */
    private arrange(slots: Slot[]): void {
      const same = slots.length === this.slots.length && slots.every((s, i) => s.name === this.slots[i]!.name);
      if (same) return;
      if (this.first && this.second) {
        const firsts = tf.split(
          this.first,
          this.slots.map((s) => s.size),
        );
        const seconds = tf.split(
          this.second,
          this.slots.map((s) => s.size),
        );
        this.slots.forEach((s, i) => this.parked.set(s.name, { first: tf.keep(firsts[i]!), second: tf.keep(seconds[i]!) }));
        this.first.dispose();
        this.second.dispose();
      }
      const take = (which: 'first' | 'second') => {
        const joined = tf.tidy(() => tf.concat(slots.map((s) => this.parked.get(s.name)?.[which] ?? tf.zeros([s.size]))));
        const moments = tf.variable(joined, false);
        joined.dispose();
        return moments;
      };
      this.first = take('first');
      this.second = take('second');
      for (const s of slots) {
        const kept = this.parked.get(s.name);
        if (kept) tf.dispose([kept.first, kept.second]);
        this.parked.delete(s.name);
      }
      this.slots = slots;
    }

    override dispose(): void {
      super.dispose();
      tf.dispose([...this.powers, ...[this.first, this.second].filter((v): v is tfjs.Variable => v !== null)]);
      for (const kept of this.parked.values()) tf.dispose([kept.first, kept.second]);
      this.parked.clear();
    }
  }
  return new FlatAdam(learningRate, beta1, beta2);
}
