import type { Tf } from '../types';
import { perTf } from './memo';
import { initializer } from './ops';
import type { ConfigDict, CustomLayerClass, Kwargs, LayerArgs, LayerShape, LayerVariable, Tensor } from './tf-types';

function single(shape: LayerShape | LayerShape[]): LayerShape {
  return (Array.isArray(shape[0]) ? shape[0] : shape) as LayerShape;
}

function one(inputs: Tensor | Tensor[]): Tensor {
  const x = Array.isArray(inputs) ? inputs[0] : inputs;
  if (!x) throw new Error('position layer called without input');
  return x;
}

/** The first `length` rows of a (sequence_length, d) table; a longer sequence than the table is a user error worth naming. */
function firstRows(tf: Tf, table: LayerVariable, length: number, layer: string): Tensor {
  const [rows, dim] = table.shape as [number, number];
  if (length > rows) throw new Error(`${layer}: the sequence has ${length} steps but sequenceLength is ${rows}.`);
  return tf.slice(table.read(), [0, 0], [length, dim]);
}

export interface PositionEmbeddingArgs extends LayerArgs {
  sequenceLength: number;
}

/** KerasHub's PositionEmbedding: outputs (not adds) one learned vector per position, shaped like its input. */
export const positionEmbeddingClass = perTf((tf: Tf): CustomLayerClass<PositionEmbeddingArgs> => {
  class PositionEmbedding extends tf.layers.Layer {
    static className = 'PositionEmbedding';
    readonly sequenceLength: number;
    private embeddings!: LayerVariable;

    constructor(args: PositionEmbeddingArgs) {
      super(args);
      this.sequenceLength = args.sequenceLength;
    }

    override build(inputShape: LayerShape | LayerShape[]): void {
      const shape = single(inputShape);
      this.embeddings = this.addWeight('embeddings', [this.sequenceLength, shape[shape.length - 1]!], 'float32', initializer(tf, 'glorotUniform'));
      this.built = true;
    }

    override computeOutputShape(inputShape: LayerShape | LayerShape[]): LayerShape {
      return single(inputShape);
    }

    override call(inputs: Tensor | Tensor[], _kwargs: Kwargs): Tensor {
      return tf.tidy(() => {
        const x = one(inputs);
        return tf.broadcastTo(firstRows(tf, this.embeddings, x.shape[x.shape.length - 2]!, this.name), x.shape);
      });
    }

    override getConfig(): ConfigDict {
      return { ...super.getConfig(), sequenceLength: this.sequenceLength };
    }
  }
  tf.serialization.registerClass(PositionEmbedding);
  return PositionEmbedding;
});

/** The fixed encoding of "Attention is all you need": sin on even features, cos on odd ones, wavelengths up to max_wavelength. */
export function sineTable(length: number, dim: number, maxWavelength: number): Float32Array {
  const table = new Float32Array(length * dim);
  for (let t = 0; t < length; t++) {
    for (let i = 0; i < dim; i++) {
      const angle = t * Math.pow(1 / maxWavelength, (2 * Math.floor(i / 2)) / dim);
      table[t * dim + i] = i % 2 === 0 ? Math.sin(angle) : Math.cos(angle);
    }
  }
  return table;
}

export interface SinePositionEncodingArgs extends LayerArgs {
  maxWavelength: number;
}

/** KerasHub's SinePositionEncoding: no weights; outputs the encoding shaped like its input. */
export const sinePositionEncodingClass = perTf((tf: Tf): CustomLayerClass<SinePositionEncodingArgs> => {
  class SinePositionEncoding extends tf.layers.Layer {
    static className = 'SinePositionEncoding';
    readonly maxWavelength: number;

    constructor(args: SinePositionEncodingArgs) {
      super(args);
      this.maxWavelength = args.maxWavelength;
    }

    override computeOutputShape(inputShape: LayerShape | LayerShape[]): LayerShape {
      return single(inputShape);
    }

    override call(inputs: Tensor | Tensor[], _kwargs: Kwargs): Tensor {
      return tf.tidy(() => {
        const x = one(inputs);
        const [length, dim] = x.shape.slice(-2) as [number, number];
        return tf.broadcastTo(tf.tensor2d(sineTable(length, dim, this.maxWavelength), [length, dim]), x.shape);
      });
    }

    override getConfig(): ConfigDict {
      return { ...super.getConfig(), maxWavelength: this.maxWavelength };
    }
  }
  tf.serialization.registerClass(SinePositionEncoding);
  return SinePositionEncoding;
});

export interface TokenAndPositionEmbeddingArgs extends LayerArgs {
  vocabularySize: number;
  sequenceLength: number;
  embeddingDim: number;
}

/** KerasHub's TokenAndPositionEmbedding: token vectors plus learned position vectors, both drawn from U(-0.05, 0.05) at first. */
export const tokenAndPositionEmbeddingClass = perTf((tf: Tf): CustomLayerClass<TokenAndPositionEmbeddingArgs> => {
  class TokenAndPositionEmbedding extends tf.layers.Layer {
    static className = 'TokenAndPositionEmbedding';
    private readonly args: TokenAndPositionEmbeddingArgs;
    private tokens!: LayerVariable;
    private positions!: LayerVariable;

    constructor(args: TokenAndPositionEmbeddingArgs) {
      super(args);
      this.args = { ...args };
    }

    override build(): void {
      const { vocabularySize, sequenceLength, embeddingDim } = this.args;
      this.tokens = this.addWeight('token_embedding/embeddings', [vocabularySize, embeddingDim], 'float32', initializer(tf, 'uniform'));
      this.positions = this.addWeight('position_embedding/embeddings', [sequenceLength, embeddingDim], 'float32', initializer(tf, 'uniform'));
      this.built = true;
    }

    override computeOutputShape(inputShape: LayerShape | LayerShape[]): LayerShape {
      return [...single(inputShape), this.args.embeddingDim];
    }

    override call(inputs: Tensor | Tensor[], _kwargs: Kwargs): Tensor {
      return tf.tidy(() => {
        const ids = tf.cast(one(inputs), 'int32');
        const embedded = tf.gather(this.tokens.read(), ids);
        return tf.add(embedded, firstRows(tf, this.positions, ids.shape[ids.shape.length - 1]!, this.name));
      });
    }

    override getConfig(): ConfigDict {
      const { vocabularySize, sequenceLength, embeddingDim } = this.args;
      return { ...super.getConfig(), vocabularySize, sequenceLength, embeddingDim };
    }
  }
  tf.serialization.registerClass(TokenAndPositionEmbedding);
  return TokenAndPositionEmbedding;
});
