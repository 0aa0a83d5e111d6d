import type { WeightMap, WeightOp } from '../layers/emit-types';

/** A weight as raw float32 values with its shape, e.g. one entry of a TF.js checkpoint. */
export interface NamedTensor {
  readonly name: string;
  readonly shape: readonly number[];
  readonly data: Float32Array;
}

const size = (shape: readonly number[]) => shape.reduce((a, d) => a * d, 1);

function strides(shape: readonly number[]): number[] {
  const out = new Array<number>(shape.length).fill(1);
  for (let i = shape.length - 2; i >= 0; i--) out[i] = out[i + 1]! * shape[i + 1]!;
  return out;
}

/** Reorders the axes of a row-major tensor: output axis i is input axis axes[i]. */
export function permute(t: NamedTensor, axes: readonly number[]): NamedTensor {
  if (axes.length !== t.shape.length) throw new Error(`${t.name}: cannot permute ${t.shape.length} axes with [${axes.join(', ')}]`);
  const shape = axes.map((a) => t.shape[a]!);
  const inStrides = strides(t.shape);
  const step = axes.map((a) => inStrides[a]!);
  const out = new Float32Array(t.data.length);
  const index = new Array<number>(shape.length).fill(0);
  for (let o = 0; o < out.length; o++) {
    let src = 0;
    for (let i = 0; i < index.length; i++) src += index[i]! * step[i]!;
    out[o] = t.data[src]!;
    for (let i = index.length - 1; i >= 0; i--) {
      if (++index[i]! < shape[i]!) break;
      index[i] = 0;
    }
  }
  return { name: t.name, shape, data: out };
}

/** Reorders equal blocks along `axis`: block i of the output is block order[i] of the input. */
function gates(t: NamedTensor, axis: number, order: readonly number[]): NamedTensor {
  const moved = permute(t, [axis, ...t.shape.map((_, i) => i).filter((i) => i !== axis)]);
  const block = moved.data.length / order.length;
  const out = new Float32Array(moved.data.length);
  order.forEach((from, i) => out.set(moved.data.subarray(from * block, (from + 1) * block), i * block));
  const back = [...t.shape.keys()].map((i) => (i === axis ? 0 : i < axis ? i + 1 : i));
  return permute({ ...moved, data: out }, back);
}

export function applyOp(t: NamedTensor, op: WeightOp): NamedTensor {
  switch (op.op) {
    case 'permute':
      return permute(t, op.axes);
    case 'reshape':
      if (size(op.shape) !== t.data.length) throw new Error(`${t.name}: cannot reshape [${t.shape.join(', ')}] to [${op.shape.join(', ')}]`);
      return { ...t, shape: op.shape };
    case 'gates':
      return gates(t, op.axis, op.order);
    case 'take': {
      const row = t.data.length / (t.shape[0] ?? 1);
      if (op.index >= (t.shape[0] ?? 0)) throw new Error(`${t.name}: no row ${op.index} in shape [${t.shape.join(', ')}]`);
      return { name: t.name, shape: t.shape.slice(1), data: t.data.slice(op.index * row, (op.index + 1) * row) };
    }
  }
}

/** `forward_*\/kernel` matches `forward_lstm_LSTM1/kernel`: tfjs names a wrapped layer after its class. */
export function matcher(layer: string, pattern: string): RegExp {
  const escaped = `${layer}/${pattern}`.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[^/]+');
  return new RegExp(`^${escaped}$`);
}

/**
 * The exported module's state_dict from Keras-layout weights. Every map must find exactly one weight and every
 * weight must be used: a mismatch is an error naming it, never a silently half-loaded model.
 */
export function convertWeights(maps: readonly (WeightMap & { readonly layer: string })[], weights: readonly NamedTensor[]): NamedTensor[] {
  const used = new Set<string>();
  const out = maps.map((m) => {
    const re = matcher(m.layer, m.keras);
    const found = weights.filter((w) => re.test(w.name));
    if (found.length !== 1)
      throw new Error(
        `${m.torch}: expected one weight named ${m.layer}/${m.keras}, found ${found.length === 0 ? 'none' : found.map((w) => w.name).join(', ')}`,
      );
    const source = found[0]!;
    used.add(source.name);
    const converted = m.ops.reduce(applyOp, source);
    return { name: m.torch, shape: converted.shape, data: converted.data };
  });
  const left = weights.filter((w) => !used.has(w.name));
  if (left.length > 0) throw new Error(`weights with no place in the PyTorch module: ${left.map((w) => w.name).join(', ')}`);
  return out;
}
