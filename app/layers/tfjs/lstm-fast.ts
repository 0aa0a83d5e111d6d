import type * as tfjs from '@tensorflow/tfjs';
import type { BuiltinActivation } from '../activations';
import type { Tf } from '../types';
import { hasSequenceGradient } from './gru-sequence';
import { lstmSequence } from './lstm-sequence';
import { perTf } from './memo';
import type { CustomLayerClass, Kwargs, LayerVariable, Tensor } from './tf-types';

/** The parts of tfjs's LSTMCell the sequence op reads. */
interface LstmCellView {
  readonly units: number;
  readonly activation: { getClassName(): string };
  readonly recurrentActivation: { getClassName(): string };
  readonly useBias: boolean;
  readonly dropout: number;
  readonly recurrentDropout: number;
  readonly kernel: LayerVariable;
  readonly recurrentKernel: LayerVariable;
  readonly bias: LayerVariable;
}

type LstmArgs = Parameters<Tf['layers']['lstm']>[0];

/**
 * tfjs's LSTM with whole sequences run as one op with a written-out gradient (`lstmSequence`).
 * It keeps the class name "LSTM" and replaces tfjs's entry in the serialization map, so the
 * copies Bidirectional makes from config, and saved models, are plain tfjs/Keras LSTMs that take
 * the fast path. Masked, stateful or dropout runs, and activations without a gradient read from
 * their output, step through tfjs's cell as before.
 */
export const fastLstmClass = perTf((tf: Tf): CustomLayerClass<LstmArgs, tfjs.RNN> => {
  const Base = tf.layers.lstm({ units: 1 }).constructor as new (args: LstmArgs) => tfjs.RNN;
  class LSTM extends Base {
    static className = 'LSTM';

    override call(inputs: Tensor | Tensor[], kwargs: Kwargs): Tensor | Tensor[] {
      const cell = this.cell as unknown as LstmCellView;
      const activation = cell.activation.getClassName() as BuiltinActivation;
      const plain = cell.recurrentActivation.getClassName() === 'sigmoid' && cell.useBias && cell.dropout === 0 && cell.recurrentDropout === 0;
      if (kwargs.mask != null || this.stateful || !plain || !hasSequenceGradient(activation)) return super.call(inputs, kwargs);
      const initialState = kwargs.initialState as Tensor[] | undefined;
      return tf.tidy(() => {
        const x = Array.isArray(inputs) ? inputs[0]! : inputs;
        const h0 = initialState?.[0] ?? tf.zeros([x.shape[0], cell.units]);
        const c0 = initialState?.[1] ?? tf.zeros([x.shape[0], cell.units]);
        const ordered = this.goBackwards ? tf.reverse(x, 1) : x;
        const weights = { kernel: cell.kernel.read(), recurrentKernel: cell.recurrentKernel.read(), bias: cell.bias.read() };
        const packed = lstmSequence(tf, activation, ordered, h0, c0, weights);
        const steps = x.shape[1]!;
        const states = tf.slice(packed, [0, 0, 0], [-1, steps, -1]);
        const lastH = tf.squeeze(tf.slice(packed, [0, steps - 1, 0], [-1, 1, -1]), [1]);
        const lastC = tf.squeeze(tf.slice(packed, [0, steps, 0], [-1, 1, -1]), [1]);
        const output = this.returnSequences ? states : lastH;
        return this.returnState ? [output, lastH, lastC] : output;
      });
    }
  }
  // tfjs's LSTM brings its static fromConfig; the constructor type above only hides it.
  tf.serialization.registerClass(LSTM as unknown as tfjs.serialization.SerializableConstructor<tfjs.RNN>);
  return LSTM;
});
