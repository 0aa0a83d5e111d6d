import type { BuiltinActivation } from '../activations';
import type { Shape } from '../types';

/** A Python literal for a JSON-like value: True/False, None, tuples for lists, repr-style strings. */
export function py(value: unknown): string {
  if (value === null || value === undefined) return 'None';
  if (typeof value === 'boolean') return value ? 'True' : 'False';
  if (typeof value === 'number') return Number.isInteger(value) ? String(value) : String(value);
  if (typeof value === 'string') return JSON.stringify(value);
  if (Array.isArray(value)) return value.length === 1 ? `(${py(value[0])},)` : `(${value.map(py).join(', ')})`;
  throw new Error(`no Python literal for ${typeof value}`);
}

/** Keyword arguments, `a=1, b=True`, leaving out undefined ones. */
export function kwargs(args: Record<string, unknown>): string {
  return Object.entries(args)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `${k}=${py(v)}`)
    .join(', ');
}

/** The PyTorch expression applying a Keras activation to `x` (softmax over the last axis, as Keras does). */
export function torchActivation(name: BuiltinActivation | 'leakyRelu', x: string): string {
  switch (name) {
    case 'linear':
      return x;
    case 'relu':
      return `torch.relu(${x})`;
    case 'sigmoid':
      return `torch.sigmoid(${x})`;
    case 'tanh':
      return `torch.tanh(${x})`;
    case 'softmax':
      return `torch.softmax(${x}, dim=-1)`;
    case 'gelu':
      return `F.gelu(${x})`;
    case 'elu':
      return `F.elu(${x})`;
    case 'selu':
      return `F.selu(${x})`;
    case 'swish':
      return `F.silu(${x})`;
    case 'leakyRelu':
      return `F.leaky_relu(${x}, 0.2)`;
  }
}

/** Keras 3's name for an activation (tfjs spells a few in camelCase). */
export function kerasActivation(name: BuiltinActivation | 'leakyRelu'): string {
  return name === 'leakyRelu' ? 'leaky_relu' : name;
}

/** The last dimension of a shape, which the analysis guarantees is known wherever weights are sized from it. */
export function lastDim(shape: Shape | undefined): number {
  const d = shape?.[shape.length - 1];
  if (typeof d !== 'number') throw new Error('emitter needs a known last dimension');
  return d;
}

/** One output: the usual case, `out = expr`. */
export function assign(outputs: readonly string[], expr: string): readonly string[] {
  return [`${outputs[0] ?? '_'} = ${expr}`];
}

/** Keras's layer call for the default case: one input as is, several as a list. */
export function kerasCall(layer: string, inputs: readonly string[]): string {
  return inputs.length === 1 ? `${layer}(${inputs[0] ?? ''})` : `${layer}([${inputs.join(', ')}])`;
}
