import type { WeightMap } from '../emit-types';

/**
 * Keras's EinsumDense kernels to Linear weights: query/key/value (d, heads, size) → (heads·size, d), their biases
 * (heads, size) → (heads·size), the output kernel (heads, size, d_out) → (d_out, heads·size).
 */
export function mhaWeights(
  torch: string,
  keras: string,
  dims: { query: number; key: number; value: number; heads: number; keyDim: number; valueDim: number; out: number },
  useBias = true,
): WeightMap[] {
  const projection = (name: string, inDim: number, size: number): WeightMap[] => [
    {
      torch: `${torch}.${name}.weight`,
      keras: `${keras}${name}/kernel`,
      ops: [
        { op: 'reshape', shape: [inDim, dims.heads * size] },
        { op: 'permute', axes: [1, 0] },
      ],
    },
    ...(useBias ? [{ torch: `${torch}.${name}.bias`, keras: `${keras}${name}/bias`, ops: [{ op: 'reshape', shape: [dims.heads * size] }] } as const] : []),
  ];
  return [
    ...projection('query', dims.query, dims.keyDim),
    ...projection('key', dims.key, dims.keyDim),
    ...projection('value', dims.value, dims.valueDim),
    {
      torch: `${torch}.attention_output.weight`,
      keras: `${keras}attention_output/kernel`,
      ops: [
        { op: 'reshape', shape: [dims.heads * dims.valueDim, dims.out] },
        { op: 'permute', axes: [1, 0] },
      ],
    },
    ...(useBias ? [{ torch: `${torch}.attention_output.bias`, keras: `${keras}attention_output/bias`, ops: [] }] : []),
  ];
}

/** nn.LayerNorm's weight and bias from Keras's gamma and beta. */
export function layerNormWeights(torch: string, keras: string): WeightMap[] {
  return [
    { torch: `${torch}.weight`, keras: `${keras}/gamma`, ops: [] },
    { torch: `${torch}.bias`, keras: `${keras}/beta`, ops: [] },
  ];
}

export function linearWeights(torch: string, keras: string): WeightMap[] {
  return [
    { torch: `${torch}.weight`, keras: `${keras}/kernel`, ops: [{ op: 'permute', axes: [1, 0] }] },
    { torch: `${torch}.bias`, keras: `${keras}/bias`, ops: [] },
  ];
}
