import type * as tfjs from '@tensorflow/tfjs';
import type { BuiltinActivation } from '../activations';
import type { Tf } from '../types';
import { hasSequenceGradient } from './gru-sequence';
import { perTf } from './memo';
import { simpleRnnSequence } from './simple-rnn-sequence';
import type { CustomLayerClass, Kwargs, LayerVariable, Tensor } from './tf-types';

/** The parts of tfjs's SimpleRNNCell the sequence op reads. */
interface SimpleRnnCellView {
  readonly units: number;
  readonly activation: { getClassName(): string };
  readonly useBias: boolean;
  readonly dropout: number;
  readonly recurrentDropout: number;
  readonly kernel: LayerVariable;
  readonly recurrentKernel: LayerVariable;
  readonly bias: LayerVariable;
}

type SimpleRnnArgs = Parameters<Tf['layers']['simpleRNN']>[0];

/**
 * tfjs's SimpleRNN with whole sequences run as one op (`simpleRnnSequence`), under tfjs's class
 * name so configs, saved models and Bidirectional copies are unchanged; masked, stateful or
 * dropout runs step through tfjs's cell.
 */
export const fastSimpleRnnClass = perTf((tf: Tf): CustomLayerClass<SimpleRnnArgs, tfjs.RNN> => {
  const Base = tf.layers.simpleRNN({ units: 1 }).constructor as new (args: SimpleRnnArgs) => tfjs.RNN;
  class SimpleRNN extends Base {
    static className = 'SimpleRNN';

    override call(inputs: Tensor | Tensor[], kwargs: Kwargs): Tensor | Tensor[] {
      const cell = this.cell as unknown as SimpleRnnCellView;
      const activation = cell.activation.getClassName() as BuiltinActivation;
      const plain = cell.useBias && cell.dropout === 0 && cell.recurrentDropout === 0;
      if (kwargs.mask != null || this.stateful || !plain || !hasSequenceGradient(activation)) return super.call(inputs, kwargs);
      const initialState = kwargs.initialState as Tensor[] | undefined;
      return tf.tidy(() => {
        const x = Array.isArray(inputs) ? inputs[0]! : inputs;
        const h0 = initialState?.[0] ?? tf.zeros([x.shape[0], cell.units]);
        const ordered = this.goBackwards ? tf.reverse(x, 1) : x;
        const weights = { kernel: cell.kernel.read(), recurrentKernel: cell.recurrentKernel.read(), bias: cell.bias.read() };
        const states = simpleRnnSequence(tf, activation, ordered, h0, weights);
        const last = tf.squeeze(tf.slice(states, [0, x.shape[1]! - 1, 0], [-1, 1, -1]), [1]);
        const output = this.returnSequences ? states : last;
        return this.returnState ? [output, last] : output;
      });
    }
  }
  // tfjs's SimpleRNN brings its static fromConfig; the constructor type above only hides it.
  tf.serialization.registerClass(SimpleRNN as unknown as tfjs.serialization.SerializableConstructor<tfjs.RNN>);
  return SimpleRNN;
});
