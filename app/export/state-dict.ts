import type { WeightMap, WeightOp } from '../layers/emit-types';
import { applyOp, matcher, type NamedTensor } from './weights';

/** A Keras weight as the TF.js model holds it: its name (`dense_Dense1/kernel`) and shape. */
export interface KerasSlot {
  readonly name: string;
  readonly shape: readonly number[];
}

type Mapping = WeightMap & { readonly layer: string };

const size = (shape: readonly number[]) => shape.reduce((a, d) => a * d, 1);
const same = (a: readonly number[], b: readonly number[]) => a.length === b.length && a.every((d, i) => d === b[i]);

function shapeAfter(shape: readonly number[], op: WeightOp): readonly number[] {
  switch (op.op) {
    case 'permute':
      return op.axes.map((a) => shape[a]!);
    case 'reshape':
      return op.shape;
    case 'gates':
      return shape;
    case 'take':
      return shape.slice(1);
  }
}

/** The op that undoes `op`, given the shape it was applied to. `take` has none: rows are put back by the caller. */
function inverse(op: Exclude<WeightOp, { op: 'take' }>, before: readonly number[]): WeightOp {
  switch (op.op) {
    case 'permute': {
      const axes = new Array<number>(op.axes.length);
      op.axes.forEach((a, i) => (axes[a] = i));
      return { op: 'permute', axes };
    }
    case 'reshape':
      return { op: 'reshape', shape: before };
    case 'gates': {
      const order = new Array<number>(op.order.length);
      op.order.forEach((from, i) => (order[from] = i));
      return { op: 'gates', axis: op.axis, order };
    }
  }
}

/** One state_dict tensor back in Keras layout (of the row it came from, when the map starts with `take`). */
function undo(m: Mapping, tensor: NamedTensor, slot: KerasSlot): { row: number | null; data: Float32Array } {
  const first = m.ops[0];
  const row = first?.op === 'take' ? first.index : null;
  const rest = m.ops.filter((o): o is Exclude<WeightOp, { op: 'take' }> => o.op !== 'take');
  if (rest.length !== m.ops.length - (row === null ? 0 : 1)) throw new Error(`${m.torch}: a 'take' may only be the first layout step`);
  const shapes: (readonly number[])[] = [row === null ? slot.shape : slot.shape.slice(1)];
  for (const op of rest) shapes.push(shapeAfter(shapes.at(-1)!, op));
  if (!same(tensor.shape, shapes.at(-1)!))
    throw new Error(`${m.torch}: PyTorch has shape [${tensor.shape.join(', ')}], the model expects [${shapes.at(-1)!.join(', ')}]`);
  let t = tensor;
  for (let i = rest.length - 1; i >= 0; i--) t = applyOp(t, inverse(rest[i]!, shapes[i]!));
  return { row, data: t.data };
}

/**
 * The inverse of `convertWeights`: a state_dict (as the PyTorch runner saves it) back to the TF.js model's weights, in
 * `slots` order, through the same maps the exporter writes, so a checkpoint trained in PyTorch opens in evaluation, the
 * playground and the inside views. Every slot must be filled exactly once and every tensor used: a mismatch is an error
 * naming it, never a half-loaded model.
 */
export function toKerasWeights(maps: readonly Mapping[], stateDict: readonly NamedTensor[], slots: readonly KerasSlot[]): NamedTensor[] {
  const byName = new Map<string, NamedTensor>(stateDict.map((t) => [t.name, t]));
  const used = new Set<string>();
  const out = slots.map((slot): NamedTensor => {
    const mine = maps.filter((m) => matcher(m.layer, m.keras).test(slot.name));
    if (mine.length === 0) throw new Error(`${slot.name}: no PyTorch tensor maps to this weight`);
    const data = new Float32Array(size(slot.shape));
    const rows = new Set<number>();
    for (const m of mine) {
      const tensor = byName.get(m.torch);
      if (!tensor) throw new Error(`${slot.name}: the state_dict has no ${m.torch}`);
      if (used.has(m.torch)) throw new Error(`${m.torch}: used for two weights`);
      used.add(m.torch);
      const part = undo(m, tensor, slot);
      if (part.row === null) {
        if (mine.length !== 1) throw new Error(`${slot.name}: ${mine.length} PyTorch tensors map to it`);
        data.set(part.data);
        continue;
      }
      if (rows.has(part.row) || part.row >= (slot.shape[0] ?? 0)) throw new Error(`${slot.name}: row ${part.row} given twice or out of range`);
      rows.add(part.row);
      data.set(part.data, part.row * part.data.length);
    }
    if (rows.size > 0 && rows.size !== slot.shape[0]) throw new Error(`${slot.name}: only ${rows.size} of its ${slot.shape[0]} rows are in the state_dict`);
    return { name: slot.name, shape: slot.shape, data };
  });
  const left = stateDict.filter((t) => !used.has(t.name));
  if (left.length > 0) throw new Error(`state_dict tensors with no place in the model: ${left.map((t) => t.name).join(', ')}`);
  return out;
}
