import type { CustomLayerClass } from './tf-types';
import type { BuiltinActivation } from '../activations';
import type { Tf } from '../types';
import { addMhaWeights, attend, attentionWeights, type AttentionMap, type MhaVars } from './attention-math';
import { perTf } from './memo';
import { activate, addDense, addLayerNorm, applyDense, dropout, initializer, layerNorm, type DenseVars, type NormVars } from './ops';
import { isShapeList, type AddWeight, type ConfigDict, type Kwargs, type LayerArgs, type LayerShape, type Tensor } from './tf-types';

export interface TransformerArgs extends LayerArgs {
  intermediateDim: number;
  numHeads: number;
  dropout: number;
  activation: BuiltinActivation;
  layerNormEpsilon: number;
  normalizeFirst: boolean;
}

interface FeedForward {
  readonly intermediate: DenseVars;
  readonly output: DenseVars;
}

const lastOf = (shape: LayerShape) => shape[shape.length - 1]!;

/**
 * What KerasHub's encoder and decoder share: the config, weight creation, and the sub-block pattern
 * "(norm) → body → dropout → + residual → (norm)", where normalize_first picks which of the two norms runs.
 */
const transformerBlockClass = perTf((tf: Tf) => {
  abstract class TransformerBlock extends tf.layers.Layer {
    protected readonly cfg: TransformerArgs;

    constructor(args: TransformerArgs) {
      super(args);
      this.cfg = { ...args };
    }

    protected weightMaker(): AddWeight {
      return (name, shape, init) => this.addWeight(name, shape, 'float32', initializer(tf, init));
    }

    protected attention(add: AddWeight, scope: string, hidden: number, source: number): MhaVars {
      const size = Math.floor(hidden / this.cfg.numHeads);
      return addMhaWeights(
        add,
        scope,
        { heads: this.cfg.numHeads, keyDim: size, valueDim: size, useBias: true },
        { query: hidden, key: source, value: source, out: hidden },
      );
    }

    protected feedForward(add: AddWeight, hidden: number): FeedForward {
      const i = this.cfg.intermediateDim;
      return {
        intermediate: addDense(add, 'feedforward_intermediate_dense', [hidden, i], [i]),
        output: addDense(add, 'feedforward_output_dense', [i, hidden], [hidden]),
      };
    }

    protected subBlock(x: Tensor, norm: NormVars, training: boolean, body: (y: Tensor) => Tensor): Tensor {
      const { normalizeFirst, layerNormEpsilon, dropout: rate } = this.cfg;
      const y = normalizeFirst ? layerNorm(tf, norm, x, layerNormEpsilon) : x;
      const out = tf.add(dropout(tf, body(y), rate, training), x);
      return normalizeFirst ? out : layerNorm(tf, norm, out, layerNormEpsilon);
    }

    protected runFeedForward(w: FeedForward, x: Tensor): Tensor {
      return applyDense(tf, w.output, activate(tf, this.cfg.activation, applyDense(tf, w.intermediate, x)));
    }

    override computeOutputShape(inputShape: LayerShape | LayerShape[]): LayerShape {
      return isShapeList(inputShape) ? inputShape[0]! : inputShape;
    }

    override getConfig(): ConfigDict {
      const { intermediateDim, numHeads, dropout: rate, activation, layerNormEpsilon, normalizeFirst } = this.cfg;
      return { ...super.getConfig(), intermediateDim, numHeads, dropout: rate, activation, layerNormEpsilon, normalizeFirst };
    }
  }
  return TransformerBlock;
});

/** KerasHub's TransformerEncoder: self-attention and feed-forward sub-blocks, weights created in Keras's order. */
export const transformerEncoderClass = perTf((tf: Tf): CustomLayerClass<TransformerArgs> => {
  class TransformerEncoder extends transformerBlockClass(tf) {
    static className = 'TransformerEncoder';
    private w!: { attention: MhaVars; attentionNorm: NormVars; ffnNorm: NormVars; ffn: FeedForward };

    override build(inputShape: LayerShape | LayerShape[]): void {
      const hidden = lastOf(isShapeList(inputShape) ? inputShape[0]! : inputShape);
      const add = this.weightMaker();
      const attention = this.attention(add, 'self_attention_layer/', hidden, hidden);
      const attentionNorm = addLayerNorm(add, 'self_attention_layer_norm', hidden);
      const ffnNorm = addLayerNorm(add, 'feedforward_layer_norm', hidden);
      this.w = { attention, attentionNorm, ffnNorm, ffn: this.feedForward(add, hidden) };
      this.built = true;
    }

    override call(inputs: Tensor | Tensor[], kwargs: Kwargs): Tensor {
      return tf.tidy(() => {
        const x = Array.isArray(inputs) ? inputs[0]! : inputs;
        const training = kwargs.training === true;
        const opts = { causal: false, dropout: this.cfg.dropout, training };
        const attended = this.subBlock(x, this.w.attentionNorm, training, (y) => attend(tf, this.w.attention, y, y, y, opts));
        return this.subBlock(attended, this.w.ffnNorm, training, (y) => this.runFeedForward(this.w.ffn, y));
      });
    }

    /** The self-attention weights `call` would use, for the attention views. */
    attentionMaps(inputs: Tensor[]): AttentionMap[] {
      const x = inputs[0]!;
      const y = this.cfg.normalizeFirst ? layerNorm(tf, this.w.attentionNorm, x, this.cfg.layerNormEpsilon) : x;
      return [{ label: 'self-attention', weights: attentionWeights(tf, this.w.attention, y, y, false) }];
    }
  }
  tf.serialization.registerClass(TransformerEncoder);
  return TransformerEncoder;
});

/**
 * KerasHub's TransformerDecoder: causal self-attention, then cross-attention over the encoder sequence when it is
 * called with one ([decoder, encoder]; without, a decoder-only block as in GPT-2), then feed-forward.
 */
export const transformerDecoderClass = perTf((tf: Tf): CustomLayerClass<TransformerArgs> => {
  class TransformerDecoder extends transformerBlockClass(tf) {
    static className = 'TransformerDecoder';
    private w!: { self: MhaVars; selfNorm: NormVars; cross: { attention: MhaVars; norm: NormVars } | null; ffn: FeedForward; ffnNorm: NormVars };

    override build(inputShape: LayerShape | LayerShape[]): void {
      const [decoder, encoder] = isShapeList(inputShape) ? inputShape : [inputShape];
      const hidden = lastOf(decoder!);
      const add = this.weightMaker();
      const self = this.attention(add, 'self_attention/', hidden, hidden);
      const selfNorm = addLayerNorm(add, 'self_attention_layer_norm', hidden);
      const cross = encoder
        ? { attention: this.attention(add, 'cross_attention/', hidden, lastOf(encoder)), norm: addLayerNorm(add, 'cross_attention_layer_norm', hidden) }
        : null;
      const ffn = this.feedForward(add, hidden);
      this.w = { self, selfNorm, cross, ffn, ffnNorm: addLayerNorm(add, 'feedforward_layer_norm', hidden) };
      this.built = true;
    }

    override call(inputs: Tensor | Tensor[], kwargs: Kwargs): Tensor {
      return tf.tidy(() => {
        const [x, context] = Array.isArray(inputs) ? inputs : [inputs];
        const { w } = this;
        const training = kwargs.training === true;
        const opts = { dropout: this.cfg.dropout, training };
        let h = this.subBlock(x!, w.selfNorm, training, (y) => attend(tf, w.self, y, y, y, { ...opts, causal: true }));
        if (w.cross && context) {
          const cross = w.cross;
          h = this.subBlock(h, cross.norm, training, (y) => attend(tf, cross.attention, y, context, context, { ...opts, causal: false }));
        }
        return this.subBlock(h, w.ffnNorm, training, (y) => this.runFeedForward(w.ffn, y));
      });
    }

    /** Causal self-attention, and cross-attention (target × source) when called with an encoder sequence. */
    attentionMaps(inputs: Tensor[]): AttentionMap[] {
      const [x, context] = inputs;
      const { w } = this;
      const norm = (n: NormVars, t: Tensor) => (this.cfg.normalizeFirst ? layerNorm(tf, n, t, this.cfg.layerNormEpsilon) : t);
      const maps: AttentionMap[] = [{ label: 'self-attention', weights: attentionWeights(tf, w.self, norm(w.selfNorm, x!), norm(w.selfNorm, x!), true) }];
      if (w.cross && context) {
        const h = this.subBlock(x!, w.selfNorm, false, (y) => attend(tf, w.self, y, y, y, { dropout: 0, training: false, causal: true }));
        const q = norm(w.cross.norm, h);
        maps.push({ label: 'cross-attention', weights: attentionWeights(tf, w.cross.attention, q, context, false) });
      }
      return maps;
    }
  }
  tf.serialization.registerClass(TransformerDecoder);
  return TransformerDecoder;
});
