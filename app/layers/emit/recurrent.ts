import type { BuiltinActivation } from '../activations';
import type { EmitNode, PytorchLayer, WeightMap } from '../emit-types';
import type { RecurrentKind } from '../recurrent-rules';
import { kwargs, lastDim } from './python';

interface RecurrentParams {
  readonly units: number;
  readonly activation: BuiltinActivation;
  readonly returnSequences: boolean;
  readonly returnState?: boolean;
  readonly resetAfter?: boolean;
}

const CLASS: Record<RecurrentKind, string> = { SimpleRNN: 'KerasSimpleRNN', LSTM: 'KerasLSTM', GRU: 'KerasGRU' };

/** The constructor of the exported cell class, with only the arguments that differ from its defaults. */
export function recurrentModule(kind: RecurrentKind, inputSize: number, p: RecurrentParams, goBackwards = false): string {
  const args = kwargs({
    activation: p.activation === 'tanh' ? undefined : p.activation,
    return_sequences: p.returnSequences || undefined,
    return_state: p.returnState === true ? true : undefined,
    go_backwards: goBackwards || undefined,
    reset_after: kind === 'GRU' && p.resetAfter === false ? false : undefined,
  });
  return `${CLASS[kind]}(${inputSize}, ${p.units}${args ? `, ${args}` : ''})`;
}

/** Keras kernels (inputs, gates·units) become (gates·units, inputs); the GRU's (2, 3u) bias splits into input and recurrent. */
export function recurrentWeights(kind: RecurrentKind, torch: string, keras: string, resetAfter: boolean): WeightMap[] {
  const transpose = [{ op: 'permute', axes: [1, 0] }] as const;
  const biases: WeightMap[] =
    kind === 'GRU' && resetAfter
      ? [
          { torch: `${torch}.bias_ih`, keras: `${keras}bias`, ops: [{ op: 'take', index: 0 }] },
          { torch: `${torch}.bias_hh`, keras: `${keras}bias`, ops: [{ op: 'take', index: 1 }] },
        ]
      : [{ torch: `${torch}.bias`, keras: `${keras}bias`, ops: [] }];
  return [
    { torch: `${torch}.weight_ih`, keras: `${keras}kernel`, ops: transpose },
    { torch: `${torch}.weight_hh`, keras: `${keras}recurrent_kernel`, ops: transpose },
    ...biases,
  ];
}

/** SimpleRNN, LSTM and GRU: the sequence first, then the initial states (Keras's `initial_state=`). */
export function recurrentEmitter(kind: RecurrentKind, node: EmitNode<RecurrentParams>): PytorchLayer {
  const { id, params: p, inputShapes } = node;
  return {
    init: [`self.${id} = ${recurrentModule(kind, lastDim(inputShapes[0]), p)}`],
    forward: ([x = 'x', ...states], out) => {
      const call = `self.${id}(${x}${states.length > 0 ? `, [${states.join(', ')}]` : ''})`;
      return [`${out.join(', ')} = ${call}`];
    },
    helpers: ['recurrent'],
    weights: recurrentWeights(kind, id, '', p.resetAfter ?? true),
  };
}

/** Keras 3's layer; tfjs (and so LayerLab) starts the LSTM forget bias at 0, so unit_forget_bias is turned off to match. */
export function kerasRecurrent(kind: RecurrentKind, p: RecurrentParams, name?: string): string {
  const args = kwargs({
    activation: p.activation === 'tanh' ? undefined : p.activation,
    return_sequences: p.returnSequences || undefined,
    return_state: p.returnState === true ? true : undefined,
    reset_after: kind === 'GRU' && p.resetAfter === false ? false : undefined,
    unit_forget_bias: kind === 'LSTM' ? false : undefined,
    name,
  });
  return `layers.${kind}(${p.units}${args ? `, ${args}` : ''})`;
}

/** Keras's call with initial states. */
export function kerasRecurrentCall(layer: string, [x = 'x', ...states]: readonly string[]): string {
  return states.length > 0 ? `${layer}(${x}, initial_state=[${states.join(', ')}])` : `${layer}(${x})`;
}
