import type * as tfjs from '@tensorflow/tfjs';
import { broadcast } from '../merge';
import type { Tf } from '../types';

type LayerShape = (number | null)[];
type LayerClass = new (args: { name: string }) => tfjs.layers.Layer;

const classes = new WeakMap<Tf, LayerClass>();

/**
 * tfjs-layers has no Subtract, so this defines one that behaves like Keras's (same broadcasting, the
 * lower-rank input expanded after the batch axis) and serialises under Keras's class name. It is
 * registered with tfjs so a saved model loads again; call this before loading one without building.
 */
export function registerSubtract(tf: Tf): LayerClass {
  const known = classes.get(tf);
  if (known) return known;
  class Subtract extends tf.layers.Layer {
    static readonly className = 'Subtract';

    override computeOutputShape(inputShape: LayerShape | LayerShape[]): LayerShape {
      const [a = [], b = []] = inputShape as LayerShape[];
      const r = broadcast(a.slice(1), b.slice(1));
      if (!r.ok) throw new Error(`Subtract: shapes ${JSON.stringify(a)} and ${JSON.stringify(b)} differ on axis ${r.axis}`);
      return [a[0] ?? b[0] ?? null, ...r.shape];
    }

    override call(inputs: tfjs.Tensor | tfjs.Tensor[]): tfjs.Tensor {
      return tf.tidy(() => {
        const [a, b] = inputs as tfjs.Tensor[];
        if (!a || !b) throw new Error('Subtract needs exactly two inputs');
        const rank = Math.max(a.rank, b.rank);
        const lift = (x: tfjs.Tensor) => (x.rank < rank ? tf.reshape(x, [x.shape[0], ...Array<number>(rank - x.rank).fill(1), ...x.shape.slice(1)]) : x);
        return tf.sub(lift(a), lift(b));
      });
    }
  }
  tf.serialization.registerClass(Subtract);
  classes.set(tf, Subtract);
  return Subtract;
}
