import type * as tfjs from '@tensorflow/tfjs';
import type { Tf } from '../types';
import { perTf } from './memo';

/**
 * An orthogonal (rows × cols) matrix from an (m × n) normal sample, m ≥ n: Gram–Schmidt on its columns is QR with R's
 * diagonal made positive, which is exactly Keras's "Q · sign(diag(R))"; when rows < cols the result is Qᵀ.
 */
export function orthogonalize(sample: ArrayLike<number>, rows: number, cols: number, gain: number): Float32Array {
  const m = Math.max(rows, cols);
  const n = Math.min(rows, cols);
  const q = Array.from({ length: n }, (_, j) => Float64Array.from({ length: m }, (_, i) => sample[i * n + j]!));
  for (const [j, v] of q.entries()) {
    // Twice is enough: one re-orthogonalisation pass keeps float error at machine precision.
    for (let pass = 0; pass < 2; pass++) {
      for (const u of q.slice(0, j)) {
        let dot = 0;
        for (let k = 0; k < m; k++) dot += u[k]! * v[k]!;
        for (let k = 0; k < m; k++) v[k] = v[k]! - dot * u[k]!;
      }
    }
    let norm = 0;
    for (let k = 0; k < m; k++) norm += v[k]! * v[k]!;
    norm = Math.sqrt(norm);
    for (let k = 0; k < m; k++) v[k] = v[k]! / norm;
  }
  const out = new Float32Array(rows * cols);
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) out[r * cols + c] = gain * (rows >= cols ? q[c]![r]! : q[r]![c]!);
  }
  return out;
}

/** Standard normal values from Math.random (which the engine seeds per run), by Box–Muller. */
function normalSample(n: number): Float64Array {
  const out = new Float64Array(n);
  for (let i = 0; i < n; i += 2) {
    const r = Math.sqrt(-2 * Math.log(1 - Math.random()));
    const angle = 2 * Math.PI * Math.random();
    out[i] = r * Math.cos(angle);
    if (i + 1 < n) out[i + 1] = r * Math.sin(angle);
  }
  return out;
}

/**
 * tfjs's Orthogonal initializer runs QR as hundreds of small tensor ops: an LSTM(128)'s recurrent kernel takes about
 * 18 s on the cpu backend. This subclass computes the same distribution in plain JS in milliseconds. It keeps the
 * class name "Orthogonal" and replaces tfjs's entry in the serialization map, so tfjs's own recurrent layers (and the
 * copies Bidirectional makes of them from their config) pick it up, and saved models stay plain tfjs/Keras configs.
 */
export const registerFastOrthogonal = perTf((tf: Tf) => {
  type Initializer = ReturnType<typeof tf.initializers.orthogonal>;
  const Base = tf.initializers.orthogonal({}).constructor as new (args: { gain?: number; seed?: number }) => Initializer & { gain: number };
  class Orthogonal extends Base {
    static className = 'Orthogonal';
    static fromConfig<T extends tfjs.serialization.Serializable>(cls: tfjs.serialization.SerializableConstructor<T>, config: tfjs.serialization.ConfigDict): T {
      return new cls(config);
    }

    override apply(shape: (number | null)[], dtype?: tfjs.DataType): tfjs.Tensor {
      const dims = shape as number[];
      const cols = dims[dims.length - 1]!;
      const rows = dims.slice(0, -1).reduce((a, d) => a * d, 1);
      const n = Math.max(rows, cols) * Math.min(rows, cols);
      // WebGPU in Node cannot read a tensor synchronously (and an initializer is synchronous), so
      // there the sample is drawn here; elsewhere tfjs draws it, as it always has.
      const sample = tf.getBackend() === 'webgpu' ? normalSample(n) : tf.tidy(() => tf.randomNormal([n]).dataSync());
      return tf.tensor(orthogonalize(sample, rows, cols, this.gain), dims, dtype === 'int32' ? 'int32' : 'float32');
    }
  }
  tf.serialization.registerClass(Orthogonal);
  return Orthogonal;
});
