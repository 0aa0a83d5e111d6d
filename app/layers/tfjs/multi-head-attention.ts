import type { CustomLayerClass } from './tf-types';
import type { Tf } from '../types';
import { addMhaWeights, attend, attentionWeights, type AttentionMap, type MhaVars } from './attention-math';
import { perTf } from './memo';
import { initializer } from './ops';
import { isShapeList, type AddWeight, type ConfigDict, type Kwargs, type LayerArgs, type LayerShape, type Tensor } from './tf-types';

export interface MultiHeadAttentionArgs extends LayerArgs {
  numHeads: number;
  keyDim: number;
  /** 0 means "same as keyDim", as Keras's value_dim=None. */
  valueDim: number;
  dropout: number;
  useBias: boolean;
  useCausalMask: boolean;
}

/**
 * Keras's MultiHeadAttention, called on [query, value] or [query, value, key]. tfjs-layers 4.22 has one in
 * dist/layers/nlp, but neither exports nor registers it, and its ESM files cannot be imported from Node.
 */
export const multiHeadAttentionClass = perTf((tf: Tf): CustomLayerClass<MultiHeadAttentionArgs> => {
  class MultiHeadAttention extends tf.layers.Layer {
    static className = 'MultiHeadAttention';
    private readonly args: MultiHeadAttentionArgs;
    private vars!: MhaVars;

    constructor(args: MultiHeadAttentionArgs) {
      super(args);
      this.args = { ...args };
    }

    override build(inputShape: LayerShape | LayerShape[]): void {
      const [query, value, key = value] = isShapeList(inputShape) ? inputShape : [inputShape, inputShape];
      const last = (s: LayerShape | undefined) => s![s!.length - 1]!;
      const add: AddWeight = (name, shape, init) => this.addWeight(name, shape, 'float32', initializer(tf, init));
      const { numHeads, keyDim, valueDim, useBias } = this.args;
      this.vars = addMhaWeights(
        add,
        '',
        { heads: numHeads, keyDim, valueDim: valueDim || keyDim, useBias },
        {
          query: last(query),
          key: last(key),
          value: last(value),
          out: last(query),
        },
      );
      this.built = true;
    }

    override computeOutputShape(inputShape: LayerShape | LayerShape[]): LayerShape {
      return isShapeList(inputShape) ? inputShape[0]! : inputShape;
    }

    override call(inputs: Tensor | Tensor[], kwargs: Kwargs): Tensor {
      return tf.tidy(() => {
        const [query, value, key = value] = Array.isArray(inputs) ? inputs : [inputs, inputs];
        return attend(tf, this.vars, query!, value!, key!, {
          causal: this.args.useCausalMask,
          dropout: this.args.dropout,
          training: kwargs.training === true,
        });
      });
    }

    /** The weights `call` would attend with, for the attention views (no dropout). */
    attentionMaps(inputs: Tensor[]): AttentionMap[] {
      const [query, value, key = value] = inputs;
      return [{ label: 'self-attention', weights: attentionWeights(tf, this.vars, query!, key!, this.args.useCausalMask) }];
    }

    override getConfig(): ConfigDict {
      const { numHeads, keyDim, valueDim, dropout, useBias, useCausalMask } = this.args;
      return { ...super.getConfig(), numHeads, keyDim, valueDim, dropout, useBias, useCausalMask };
    }
  }
  tf.serialization.registerClass(MultiHeadAttention);
  return MultiHeadAttention;
});
