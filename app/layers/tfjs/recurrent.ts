import type * as tfjs from '@tensorflow/tfjs';
import type { BuiltinActivation } from '../activations';
import type { RecurrentKind } from '../recurrent-rules';
import type { SymbolicTensor, Tf } from '../types';
import { gruResetAfterClass } from './gru-reset-after';
import { fastLstmClass } from './lstm-fast';
import { fastSimpleRnnClass } from './simple-rnn-fast';
import { registerFastOrthogonal } from './orthogonal';

export interface RecurrentOptions {
  readonly units: number;
  readonly activation: BuiltinActivation;
  readonly returnSequences: boolean;
  readonly returnState: boolean;
  /** GRU only: Keras 3's default variant (true) is our own layer; tfjs's built-in GRU is the reset-before one. */
  readonly resetAfter: boolean;
  readonly name?: string;
}

/**
 * A tfjs recurrent layer configured as Keras 3 configures it. tfjs defaults the gates of LSTM and GRU to
 * hardSigmoid (Keras 2's choice); Keras 3 uses sigmoid, so we say so. Their recurrent kernels start orthogonal,
 * which tfjs computes very slowly: the fast initializer is registered first so that they use it.
 */
export function recurrentLayer(tf: Tf, kind: RecurrentKind, o: RecurrentOptions): tfjs.RNN {
  registerFastOrthogonal(tf);
  const common = {
    units: o.units,
    activation: o.activation,
    returnSequences: o.returnSequences,
    returnState: o.returnState,
    ...(o.name ? { name: o.name } : {}),
  };
  switch (kind) {
    case 'SimpleRNN': {
      const SimpleRNN = fastSimpleRnnClass(tf);
      return new SimpleRNN(common);
    }
    case 'LSTM': {
      // tfjs's LSTM with whole sequences as one op (lstm-sequence.ts); same class name, same weights.
      const LSTM = fastLstmClass(tf);
      return new LSTM({ ...common, recurrentActivation: 'sigmoid' });
    }
    case 'GRU': {
      if (!o.resetAfter) return tf.layers.gru({ ...common, recurrentActivation: 'sigmoid' });
      const GRU = gruResetAfterClass(tf);
      return new GRU(common);
    }
  }
}

/** Applies a recurrent layer; states after the sequence become its initial state, as in Keras's `layer(x, initial_state=[h, c])`. */
export function applyRecurrent(layer: tfjs.layers.Layer, inputs: readonly SymbolicTensor[]): SymbolicTensor | SymbolicTensor[] {
  const [x, ...states] = inputs;
  if (!x) throw new Error(`${layer.name} built without its input sequence`);
  return layer.apply(states.length > 0 ? [x, ...states] : x) as SymbolicTensor | SymbolicTensor[];
}
