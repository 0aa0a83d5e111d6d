import type * as tfjs from '@tensorflow/tfjs';
import type { AttentionMap } from '../../../app/layers/tfjs/attention-math';
import type { Tf } from '../../../app/layers/types';
import type { AttentionView } from '../../../app/protocol/playground';
import { UserError } from '../../user-error';

/** Tokens shown on each axis: a readable heatmap, not a 200 × 200 smear. */
export const MAX_TOKENS = 40;

interface WithAttention {
  attentionMaps(inputs: tfjs.Tensor[]): AttentionMap[];
}

const hasAttention = (l: tfjs.layers.Layer): l is tfjs.layers.Layer & WithAttention => typeof (l as Partial<WithAttention>).attentionMaps === 'function';

/**
 * The attention weights of a MultiHeadAttention layer (or the blocks inside a Transformer encoder/decoder)
 * for one input: per head, the last MAX_TOKENS real tokens as queries × keys. `hidden` says how much of the
 * attention went to padding or to tokens cut off, so nothing shown misleads.
 */
export async function attentionView(
  tf: Tf,
  model: tfjs.LayersModel,
  input: { x: tfjs.Tensor; tokens: readonly string[] },
  layerName?: string,
): Promise<AttentionView> {
  const layers = model.layers.filter(hasAttention);
  if (layers.length === 0) {
    input.x.dispose();
    throw new UserError('This model has no MultiHeadAttention or Transformer layer, so it has no attention to show.');
  }
  const layer = layers.find((l) => l.name === layerName) ?? layers[0]!;
  let maps: AttentionMap[] = [];
  try {
    // The tidy keeps the weights it returns; everything else it made is freed.
    tf.tidy(() => {
      const feed = tf.model({ inputs: model.inputs, outputs: layer.input });
      const got = feed.predict(input.x);
      maps = layer.attentionMaps(Array.isArray(got) ? got : [got]);
      return maps.map((m) => m.weights);
    });
    const shown = input.tokens.flatMap((t, i) => (t === '·' ? [] : [i])).slice(-MAX_TOKENS);
    const labels = shown.map((i) => input.tokens[i]!);
    const views = [];
    for (const m of maps) {
      const [, heads = 1, tq = 1, tk = 1] = m.weights.shape;
      // Read asynchronously: a synchronous read throws on the webgpu backend.
      const w = await m.weights.data();
      let kept = 0;
      const weights = Array.from({ length: heads }, (_, h) =>
        shown.map((q) =>
          shown.map((k) => {
            const v = q < tq && k < tk ? w[(h * tq + q) * tk + k]! : 0;
            kept += v;
            return Number(v.toPrecision(4));
          }),
        ),
      );
      const rows = Math.max(1, heads * shown.length);
      views.push({ label: m.label, queries: labels, keys: labels, weights, hidden: Math.min(1, Math.max(0, 1 - kept / rows)) });
    }
    return { layers: layers.map((l) => l.name), layer: layer.name, maps: views };
  } finally {
    for (const m of maps) m.weights.dispose();
    input.x.dispose();
  }
}
