import type { Tf } from '../types';
import { perTf } from './memo';
import type { ConfigDict, CustomLayerClass, Kwargs, LayerArgs, LayerShape, LayerVariable, Tensor } from './tf-types';

export type VisibleType = 'binary' | 'gaussian';

export interface RbmArgs extends LayerArgs {
  units: number;
  visibleType: VisibleType;
  cdSteps: number;
  persistent: boolean;
}

/** The three weights contrastive divergence updates, in checkpoint order. */
export interface RbmWeights {
  readonly kernel: LayerVariable;
  readonly visibleBias: LayerVariable;
  readonly hiddenBias: LayerVariable;
}

/** What the `rbm` training mode needs from the layer beyond a Keras forward pass. */
export interface RbmLayer {
  readonly units: number;
  readonly visibleType: VisibleType;
  readonly cdSteps: number;
  readonly persistent: boolean;
  /** The weights; only valid once the layer is built (it is, once applied in a model). */
  rbmWeights(): RbmWeights;
  /** p(h = 1 | v) = sigmoid(v·W + b_h). */
  hiddenProbs(v: Tensor): Tensor;
  /** E[v | h]: sigmoid(h·Wᵀ + b_v) for binary units, h·Wᵀ + b_v for Gaussian ones (unit variance). */
  visibleMean(h: Tensor): Tensor;
  /** One deterministic up-down pass: E[v | p(h | v)]. */
  reconstruct(v: Tensor): Tensor;
}

function single(shape: LayerShape | LayerShape[]): LayerShape {
  return (Array.isArray(shape[0]) ? shape[0] : shape) as LayerShape;
}

/**
 * A Restricted Boltzmann Machine as a Keras layer: its forward pass is the hidden probabilities, so
 * RBMs stack and feed a classifier; the visible bias is used only by reconstruction and CD training.
 */
export const rbmClass = perTf((tf: Tf): CustomLayerClass<RbmArgs, InstanceType<Tf['layers']['Layer']> & RbmLayer> => {
  class RBM extends tf.layers.Layer implements RbmLayer {
    static className = 'RBM';
    readonly units: number;
    readonly visibleType: VisibleType;
    readonly cdSteps: number;
    readonly persistent: boolean;
    private w: RbmWeights | null = null;

    constructor(args: RbmArgs) {
      super(args);
      this.units = args.units;
      this.visibleType = args.visibleType;
      this.cdSteps = args.cdSteps;
      this.persistent = args.persistent;
    }

    override build(inputShape: LayerShape | LayerShape[]): void {
      const shape = single(inputShape);
      const visible = shape[shape.length - 1]!;
      // Hinton's practical guide: small random weights (σ = 0.01), zero biases; Glorot's scale makes CD-1 slower to start.
      this.w = {
        kernel: this.addWeight('kernel', [visible, this.units], 'float32', tf.initializers.randomNormal({ mean: 0, stddev: 0.01 })),
        visibleBias: this.addWeight('visible_bias', [visible], 'float32', tf.initializers.zeros()),
        hiddenBias: this.addWeight('hidden_bias', [this.units], 'float32', tf.initializers.zeros()),
      };
      this.built = true;
    }

    rbmWeights(): RbmWeights {
      if (!this.w) throw new Error(`${this.name}: the RBM is not built yet`);
      return this.w;
    }

    hiddenProbs(v: Tensor): Tensor {
      const w = this.rbmWeights();
      return tf.tidy(() => tf.sigmoid(tf.add(tf.matMul(v, w.kernel.read()), w.hiddenBias.read())));
    }

    visibleMean(h: Tensor): Tensor {
      const w = this.rbmWeights();
      return tf.tidy(() => {
        const pre = tf.add(tf.matMul(h, w.kernel.read(), false, true), w.visibleBias.read());
        return this.visibleType === 'binary' ? tf.sigmoid(pre) : pre;
      });
    }

    reconstruct(v: Tensor): Tensor {
      return tf.tidy(() => this.visibleMean(this.hiddenProbs(v)));
    }

    override computeOutputShape(inputShape: LayerShape | LayerShape[]): LayerShape {
      const shape = single(inputShape);
      return [...shape.slice(0, -1), this.units];
    }

    override call(inputs: Tensor | Tensor[], _kwargs: Kwargs): Tensor {
      const x = Array.isArray(inputs) ? inputs[0] : inputs;
      if (!x) throw new Error('RBM called without input');
      return this.hiddenProbs(x);
    }

    override getConfig(): ConfigDict {
      return { ...super.getConfig(), units: this.units, visibleType: this.visibleType, cdSteps: this.cdSteps, persistent: this.persistent };
    }
  }
  tf.serialization.registerClass(RBM);
  return RBM;
});

/** True for a layer built by `rbmClass` (the mode finds the RBMs of a built model this way). */
export function isRbmLayer(layer: unknown): layer is RbmLayer {
  return typeof layer === 'object' && layer !== null && typeof (layer as Partial<RbmLayer>).rbmWeights === 'function';
}
