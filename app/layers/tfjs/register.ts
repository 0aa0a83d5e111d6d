import type { Tf } from '../types';
import { gruResetAfterClass } from './gru-reset-after';
import { multiHeadAttentionClass } from './multi-head-attention';
import { registerFastOrthogonal } from './orthogonal';
import { positionEmbeddingClass, sinePositionEncodingClass, tokenAndPositionEmbeddingClass } from './position';
import { rbmClass } from './rbm';
import { transformerDecoderClass, transformerEncoderClass } from './transformer';

/**
 * Registers every custom tfjs class of the sequence layers. Building a layer registers its own class, but
 * `tf.loadLayersModel` on a saved model needs them all registered first: call this before loading.
 */
export function registerSequenceLayerClasses(tf: Tf): readonly string[] {
  const classes = [
    registerFastOrthogonal(tf),
    gruResetAfterClass(tf),
    multiHeadAttentionClass(tf),
    positionEmbeddingClass(tf),
    sinePositionEncodingClass(tf),
    tokenAndPositionEmbeddingClass(tf),
    transformerEncoderClass(tf),
    transformerDecoderClass(tf),
    rbmClass(tf),
  ];
  return classes.map((c) => c.className);
}
