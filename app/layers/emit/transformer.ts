import type { BuiltinActivation } from '../activations';
import type { WeightMap } from '../emit-types';
import { headDim } from '../transformer-rules';
import { layerNormWeights, linearWeights, mhaWeights } from './attention';
import { kwargs } from './python';

interface TransformerParams {
  readonly intermediateDim: number;
  readonly numHeads: number;
  readonly dropout: number;
  readonly activation: BuiltinActivation;
  readonly layerNormEpsilon: number;
  readonly normalizeFirst: boolean;
}

/** The keyword arguments that differ from KerasHub's defaults (the exported PyTorch classes share them). */
export function transformerKwargs(p: TransformerParams): string {
  const args = kwargs({
    dropout: p.dropout || undefined,
    activation: p.activation === 'relu' ? undefined : p.activation,
    layer_norm_epsilon: p.layerNormEpsilon === 1e-5 ? undefined : p.layerNormEpsilon,
    normalize_first: p.normalizeFirst || undefined,
  });
  return args ? `, ${args}` : '';
}

/** KerasHub's sublayer names are kept as the PyTorch attribute names, so each weight maps by name. */
export function transformerWeights(id: string, p: TransformerParams, hidden: number, contextDim: number | null, kind: 'encoder' | 'decoder'): WeightMap[] {
  const size = headDim(hidden, p.numHeads);
  const attention = (scope: string, source: number) =>
    mhaWeights(`${id}.${scope}`, `${scope}/`, { query: hidden, key: source, value: source, heads: p.numHeads, keyDim: size, valueDim: size, out: hidden });
  const ffn = [
    ...linearWeights(`${id}.feedforward_intermediate_dense`, 'feedforward_intermediate_dense'),
    ...linearWeights(`${id}.feedforward_output_dense`, 'feedforward_output_dense'),
  ];
  const norm = (name: string) => layerNormWeights(`${id}.${name}`, name);
  if (kind === 'encoder') {
    return [...attention('self_attention_layer', hidden), ...norm('self_attention_layer_norm'), ...norm('feedforward_layer_norm'), ...ffn];
  }
  const cross = contextDim === null ? [] : [...attention('cross_attention', contextDim), ...norm('cross_attention_layer_norm')];
  return [...attention('self_attention', hidden), ...norm('self_attention_layer_norm'), ...cross, ...ffn, ...norm('feedforward_layer_norm')];
}
