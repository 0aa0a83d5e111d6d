import { z } from 'zod';
import { BUILTIN_ACTIVATIONS } from './activations';
import { formatDims, MAIN_OUTPUT, type InputHandle, type Shape, type ShapeResult } from './types';

/** The recurrent layers LayerLab builds; Bidirectional wraps one of them. */
export const RECURRENT_KINDS = ['SimpleRNN', 'LSTM', 'GRU'] as const;
export type RecurrentKind = (typeof RECURRENT_KINDS)[number];

/** Handles of every recurrent layer: the sequence, then the states to start from (Keras's `initial_state=`). */
export const RECURRENT_INPUTS: readonly InputHandle[] = [
  { name: 'input', label: 'input' },
  { name: 'initial_state', label: 'initial state', optional: true, multiple: true },
];

/** An LSTM carries two states (h and c); SimpleRNN and GRU carry only h. */
export function stateNames(kind: RecurrentKind): readonly string[] {
  return kind === 'LSTM' ? ['state_h', 'state_c'] : ['state_h'];
}

export function recurrentOutputs(kind: RecurrentKind, returnState: boolean): readonly string[] {
  return returnState ? [MAIN_OUTPUT, ...stateNames(kind)] : [MAIN_OUTPUT];
}

/**
 * Keras's weight count for one direction. Each gate has a kernel (d×u), a recurrent kernel (u×u) and a bias (u):
 * SimpleRNN has 1 such block, LSTM 4 (input, forget, cell, output) and GRU 3 (update, reset, candidate). A GRU with
 * reset_after=True (the Keras 3 default) keeps separate input and recurrent biases, so it has 2u biases per block.
 */
export function recurrentParamCount(kind: RecurrentKind, units: number, inputDim: number, resetAfter = true): number {
  const block = units * (inputDim + units) + units;
  switch (kind) {
    case 'SimpleRNN':
      return block;
    case 'LSTM':
      return 4 * block;
    case 'GRU':
      return 3 * (block + (resetAfter ? units : 0));
  }
}

/** The params every recurrent layer shares, with Keras defaults. */
export const recurrentFields = {
  units: z.int().min(1).max(4096).default(32).meta({ title: 'Units', description: 'Size of the hidden state h (and of the output).' }),
  activation: z
    .enum(BUILTIN_ACTIVATIONS)
    .default('tanh')
    .meta({ title: 'Activation', description: 'Squashes the new hidden state; tanh keeps it in (-1, 1), as Keras does by default.' }),
  returnSequences: z.boolean().default(false).meta({
    title: 'Return sequences',
    description: 'Output h at every time step (timesteps, units) instead of only the last one (units,). Needed to stack recurrent layers.',
  }),
};

export const returnStateField = z
  .boolean()
  .default(false)
  .meta({ title: 'Return state', description: 'Also output the final state(s) on extra handles, to start a decoder from them.' });

type SequenceCheck = { ok: true; timesteps: number | null; features: number } | { ok: false; message: string; fix: string; handle: string };

/** Checks that the input is a sequence of vectors (timesteps, features), the only input an RNN reads. */
export function checkSequence(layer: string, shape: Shape | undefined): SequenceCheck {
  const handle = 'input';
  if (!shape) return { ok: false, message: `${layer} needs a sequence as input.`, fix: 'Connect a layer that outputs (timesteps, features).', handle };
  if (shape.length === 1) {
    const n = shape[0] ?? null;
    const side = n === null ? 0 : Math.round(Math.sqrt(n));
    const image = side > 1 && side * side === n ? ` (or (${side}, ${side}) to read a ${side}×${side} image row by row)` : '';
    return {
      ok: false,
      handle,
      message: `${layer} needs a sequence (timesteps, features) per example, but gets ${formatDims(shape)}: one flat vector.`,
      fix: `Add a Reshape to ${n === null ? '(-1, 1)' : `(${n}, 1)`} to read it one value per step${image}, or an Embedding to turn token ids into vectors.`,
    };
  }
  if (shape.length > 2) {
    const rest = shape.slice(1);
    const flat = rest.every((d) => d !== null) ? rest.reduce((a, d) => a * d, 1) : null;
    return {
      ok: false,
      handle,
      message: `${layer} needs a sequence (timesteps, features) per example, but gets ${formatDims(shape)}.`,
      fix:
        flat === null
          ? 'Reshape it to (timesteps, features).'
          : `Add a Reshape to (${shape[0] ?? -1}, ${flat}) so each of the ${shape[0] ?? 'None'} steps is one vector.`,
    };
  }
  const [timesteps, features] = shape as [number | null, number | null];
  if (features === null) {
    return {
      ok: false,
      handle,
      message: `${layer} needs a known feature size (the last dimension of ${formatDims(shape)}) to size its weights.`,
      fix: 'Give the Input a fixed last dimension.',
    };
  }
  return { ok: true, timesteps, features };
}

interface RecurrentShapeParams {
  readonly units: number;
  readonly returnSequences: boolean;
  readonly returnState?: boolean;
}

/** Keras's output shapes for SimpleRNN/LSTM/GRU, including the states fed to `initial_state` and returned by `return_state`. */
export function recurrentShape(kind: RecurrentKind, p: RecurrentShapeParams, inputs: readonly Shape[]): ShapeResult {
  const seq = checkSequence(kind, inputs[0]);
  if (!seq.ok) return seq;
  const states = inputs.slice(1);
  const names = stateNames(kind);
  if (states.length > 0) {
    if (states.length !== names.length) {
      return {
        ok: false,
        handle: 'initial_state',
        message: `${kind} starts from ${names.length} state${names.length > 1 ? 's' : ''} (${names.join(', ')}), but ${states.length} ${states.length === 1 ? 'is' : 'are'} connected to "initial state".`,
        fix: kind === 'LSTM' ? "Connect the encoder LSTM's state_h, then its state_c." : "Connect only the encoder's state_h.",
      };
    }
    for (const [i, s] of states.entries()) {
      if (s.length !== 1 || (s[0] !== null && s[0] !== p.units)) {
        return {
          ok: false,
          handle: 'initial_state',
          message: `Initial state ${names[i]} must be (${p.units},) to match units = ${p.units}, but is ${formatDims(s)}.`,
          fix: `Give both recurrent layers the same number of units, or connect a state output (return state on).`,
        };
      }
    }
  }
  const output: Shape = p.returnSequences ? [seq.timesteps, p.units] : [p.units];
  return p.returnState ? { ok: true, shape: output, extra: names.map(() => [p.units]) } : { ok: true, shape: output };
}

/** The input feature size, once `recurrentShape` has accepted the inputs. */
export function featureSize(inputs: readonly Shape[]): number {
  const last = inputs[0]?.[inputs[0].length - 1];
  return typeof last === 'number' ? last : 0;
}
