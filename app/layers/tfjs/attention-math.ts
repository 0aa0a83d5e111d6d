import type { Tf } from '../types';
import { addDense, applyDense, dropout, type DenseVars } from './ops';
import type { AddWeight, Tensor } from './tf-types';

export interface MhaShape {
  readonly heads: number;
  readonly keyDim: number;
  readonly valueDim: number;
  readonly useBias: boolean;
}

export interface MhaVars extends MhaShape {
  readonly query: DenseVars;
  readonly key: DenseVars;
  readonly value: DenseVars;
  readonly output: DenseVars;
}

/**
 * Keras MultiHeadAttention's four EinsumDense projections, with Keras's weight shapes and names (`query/kernel` is
 * (d_q, heads, key_dim), `attention_output/kernel` is (heads, value_dim, d_out)), so weights map one-to-one.
 */
export function addMhaWeights(add: AddWeight, scope: string, s: MhaShape, dims: { query: number; key: number; value: number; out: number }): MhaVars {
  const bias = (shape: number[]) => (s.useBias ? shape : null);
  return {
    ...s,
    query: addDense(add, `${scope}query`, [dims.query, s.heads, s.keyDim], bias([s.heads, s.keyDim])),
    key: addDense(add, `${scope}key`, [dims.key, s.heads, s.keyDim], bias([s.heads, s.keyDim])),
    value: addDense(add, `${scope}value`, [dims.value, s.heads, s.valueDim], bias([s.heads, s.valueDim])),
    output: addDense(add, `${scope}attention_output`, [s.heads, s.valueDim, dims.out], bias([dims.out])),
  };
}

export interface AttendOptions {
  readonly causal: boolean;
  readonly dropout: number;
  readonly training: boolean;
}

/** Keras's masked softmax adds this to scores where the mask is 0. */
const MASKED = -1e9;

/** A projection to (batch, heads, positions, size), every axis between batch and features flattened into positions. */
function splitHeads(tf: Tf, batch: number, x: Tensor, dense: DenseVars, heads: number, size: number): Tensor {
  const flat = tf.reshape(x, [batch, -1, x.shape[x.shape.length - 1]!]);
  return tf.transpose(tf.reshape(applyDense(tf, dense, flat), [batch, -1, heads, size]), [0, 2, 1, 3]);
}

/**
 * softmax(Q·Kᵀ/√d_k) per head, shaped (batch, heads, query positions, key positions): each row sums to 1
 * over the keys. What attention looks at; the attention views read it without running the value path.
 */
export function attentionWeights(tf: Tf, w: MhaVars, query: Tensor, key: Tensor, causal: boolean): Tensor {
  const batch = query.shape[0];
  const q = tf.mul(splitHeads(tf, batch, query, w.query, w.heads, w.keyDim), 1 / Math.sqrt(w.keyDim));
  const k = splitHeads(tf, batch, key, w.key, w.heads, w.keyDim);
  let scores = tf.matMul(q, k, false, true);
  if (causal) {
    const [tq, tv] = scores.shape.slice(2) as [number, number];
    const allowed = tf.linalg.bandPart(tf.ones([tq, tv]), -1, 0);
    scores = tf.add(scores, tf.mul(tf.sub(1, allowed), MASKED));
  }
  return tf.softmax(scores);
}

/** One attention map a layer can show: self-attention, or cross-attention (queries from the decoder, keys from the encoder). */
export interface AttentionMap {
  readonly label: 'self-attention' | 'cross-attention';
  /** (batch, heads, query positions, key positions). */
  readonly weights: Tensor;
}

/**
 * softmax(Q·Kᵀ/√d_k)·V for every head, then the output projection. Keras attends over every axis between batch and
 * features at once; flattening those axes into one sequence is the same computation, so any rank works here.
 */
export function attend(tf: Tf, w: MhaVars, query: Tensor, value: Tensor, key: Tensor, o: AttendOptions): Tensor {
  const batch = query.shape[0];
  const v = splitHeads(tf, batch, value, w.value, w.heads, w.valueDim);
  const weights = dropout(tf, attentionWeights(tf, w, query, key, o.causal), o.dropout, o.training);
  const context = tf.reshape(tf.transpose(tf.matMul(weights, v), [0, 2, 1, 3]), [batch, -1, w.heads * w.valueDim]);
  const out = applyDense(tf, w.output, context);
  return tf.reshape(out, [...query.shape.slice(0, -1), out.shape[out.shape.length - 1]!]);
}
