import type { BuiltinActivation } from '../activations';
import type { EmitNode, PytorchLayer, WeightMap, WeightOp } from '../emit-types';
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

/**
 * Whether PyTorch's fused module computes this layer exactly: nn.LSTM is Keras's LSTM with tanh, nn.GRU Keras's
 * reset-after GRU with tanh. Other settings (another activation, the original GRU) keep the written-out cell.
 */
export function fusedRecurrent(kind: RecurrentKind, p: Pick<RecurrentParams, 'activation' | 'resetAfter'>): boolean {
  switch (kind) {
    case 'LSTM':
      return p.activation === 'tanh';
    case 'GRU':
      return p.activation === 'tanh' && p.resetAfter !== false;
    case 'SimpleRNN':
      return false;
  }
}

/** The constructor of the exported module, with only the arguments that differ from its defaults. */
export function recurrentModule(kind: RecurrentKind, inputSize: number, p: RecurrentParams, goBackwards = false): string {
  const fused = fusedRecurrent(kind, p);
  const args = kwargs({
    activation: p.activation === 'tanh' ? undefined : p.activation,
    return_sequences: p.returnSequences || undefined,
    return_state: p.returnState === true ? true : undefined,
    go_backwards: goBackwards || undefined,
    reset_after: kind === 'GRU' && p.resetAfter === false ? false : undefined,
  });
  return `${fused ? `Fused${kind}` : CLASS[kind]}(${inputSize}, ${p.units}${args ? `, ${args}` : ''})`;
}

/**
 * Keras kernels (inputs, gates·units) become (gates·units, inputs); the GRU's (2, 3u) bias splits into input and
 * recurrent. For nn.GRU the gate blocks go from Keras's z, r, h to PyTorch's r, z, n; nn.LSTM's order is Keras's.
 */
export function recurrentWeights(kind: RecurrentKind, torch: string, keras: string, p: Pick<RecurrentParams, 'activation' | 'resetAfter'>): WeightMap[] {
  const resetAfter = p.resetAfter ?? true;
  if (fusedRecurrent(kind, p)) {
    const reorder: readonly WeightOp[] = kind === 'GRU' ? [{ op: 'gates', axis: 0, order: [1, 0, 2] }] : [];
    const transpose: readonly WeightOp[] = [{ op: 'permute', axes: [1, 0] }, ...reorder];
    return [
      { torch: `${torch}.weight_ih_l0`, keras: `${keras}kernel`, ops: transpose },
      { torch: `${torch}.weight_hh_l0`, keras: `${keras}recurrent_kernel`, ops: transpose },
      ...(kind === 'GRU'
        ? [
            { torch: `${torch}.bias_ih_l0`, keras: `${keras}bias`, ops: [{ op: 'take', index: 0 } as const, ...reorder] },
            { torch: `${torch}.bias_hh_l0`, keras: `${keras}bias`, ops: [{ op: 'take', index: 1 } as const, ...reorder] },
          ]
        : [{ torch: `${torch}.bias_ih_l0`, keras: `${keras}bias`, ops: [] }]),
    ];
  }
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
    weights: recurrentWeights(kind, id, '', p),
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
