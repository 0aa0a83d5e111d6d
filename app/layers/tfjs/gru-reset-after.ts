import type * as tfjs from '@tensorflow/tfjs';
import type { BuiltinActivation } from '../activations';
import type { Tf } from '../types';
import { perTf } from './memo';
import { gruSequence, hasSequenceGradient } from './gru-sequence';
import { activate, initializer } from './ops';
import type { ConfigDict, CustomLayerClass, Kwargs, LayerArgs, LayerShape, LayerVariable, Tensor } from './tf-types';

export interface GruResetAfterArgs extends LayerArgs {
  units: number;
  activation?: BuiltinActivation;
  returnSequences?: boolean;
  returnState?: boolean;
  goBackwards?: boolean;
}

/**
 * Keras 3's GRU (reset_after=True, its default, and what cuDNN runs): the reset gate scales the recurrent
 * candidate *after* its matrix product, and input and recurrent parts keep separate biases (bias shape (2, 3u)).
 * tfjs-layers 4.22 only has reset_after=False and throws on the flag, so this cell is ours.
 */
const makeCell = perTf((tf: Tf) => {
  class GRUResetAfterCell extends tf.layers.RNNCell {
    static className = 'GRUResetAfterCell';
    readonly units: number;
    readonly activation: BuiltinActivation;
    readonly stateSize: number;
    kernel!: LayerVariable;
    recurrentKernel!: LayerVariable;
    bias!: LayerVariable;

    constructor(args: GruResetAfterArgs) {
      super(args);
      this.units = args.units;
      this.activation = args.activation ?? 'tanh';
      this.stateSize = args.units;
    }

    override build(inputShape: LayerShape | LayerShape[]): void {
      const shape = (Array.isArray(inputShape[0]) ? inputShape[0] : inputShape) as LayerShape;
      const inputDim = shape[shape.length - 1]!;
      const u = this.units;
      this.kernel = this.addWeight('kernel', [inputDim, 3 * u], undefined, initializer(tf, 'glorotUniform'));
      this.recurrentKernel = this.addWeight('recurrent_kernel', [u, 3 * u], undefined, initializer(tf, 'orthogonal'));
      this.bias = this.addWeight('bias', [2, 3 * u], undefined, initializer(tf, 'zeros'));
      this.built = true;
    }

    override call(inputs: Tensor | Tensor[], _kwargs: Kwargs): Tensor[] {
      return tf.tidy(() => {
        const [x, hPrev] = inputs as Tensor[];
        const [inputBias, recurrentBias] = tf.unstack(this.bias.read());
        const fromInput = tf.add(tf.matMul(x!, this.kernel.read()), inputBias!);
        const fromState = tf.add(tf.matMul(hPrev!, this.recurrentKernel.read()), recurrentBias!);
        const [xz, xr, xh] = tf.split(fromInput, 3, -1);
        const [hz, hr, hh] = tf.split(fromState, 3, -1);
        const z = tf.sigmoid(tf.add(xz!, hz!));
        const r = tf.sigmoid(tf.add(xr!, hr!));
        const candidate = activate(tf, this.activation, tf.add(xh!, tf.mul(r, hh!)));
        const h = tf.add(tf.mul(z, hPrev!), tf.mul(tf.sub(1, z), candidate));
        return [h, h];
      });
    }

    override getConfig(): ConfigDict {
      return { ...super.getConfig(), units: this.units, activation: this.activation, resetAfter: true };
    }
  }
  tf.serialization.registerClass(GRUResetAfterCell);
  return GRUResetAfterCell;
});

/** The RNN layer around the cell; RNN.getConfig merges the cell's config in, so `fromConfig` rebuilds the cell. */
export const gruResetAfterClass = perTf((tf: Tf): CustomLayerClass<GruResetAfterArgs, tfjs.RNN> => {
  const Cell = makeCell(tf);
  class GRUResetAfter extends tf.RNN {
    static override className = 'GRUResetAfter';
    constructor(args: GruResetAfterArgs) {
      super({ ...args, cell: new Cell(args) });
    }

    /** Whole sequences run as one op with a written-out gradient (`gruSequence`); masked or stateful ones step through the cell. */
    override call(inputs: Tensor | Tensor[], kwargs: Kwargs): Tensor | Tensor[] {
      const cell = this.cell as InstanceType<typeof Cell>;
      const initialState = kwargs.initialState as Tensor[] | undefined;
      const activation = cell.activation;
      if (kwargs.mask != null || this.stateful || !hasSequenceGradient(activation)) return super.call(inputs, kwargs);
      return tf.tidy(() => {
        const x = Array.isArray(inputs) ? inputs[0]! : inputs;
        const h0 = initialState?.[0] ?? tf.zeros([x.shape[0], cell.units]);
        const ordered = this.goBackwards ? tf.reverse(x, 1) : x;
        const weights = { kernel: cell.kernel.read(), recurrentKernel: cell.recurrentKernel.read(), bias: cell.bias.read() };
        const states = gruSequence(tf, activation, ordered, h0, weights);
        const last = tf.squeeze(tf.slice(states, [0, states.shape[1]! - 1, 0], [-1, 1, -1]), [1]);
        const output = this.returnSequences ? states : last;
        return this.returnState ? [output, last] : output;
      });
    }

    static override fromConfig<T extends tfjs.serialization.Serializable>(cls: tfjs.serialization.SerializableConstructor<T>, config: ConfigDict): T {
      return new cls(config);
    }
  }
  tf.serialization.registerClass(GRUResetAfter);
  return GRUResetAfter;
});
