import { CORE_LAYERS } from './catalog-core';
import { SEQUENCE_LAYERS } from './catalog-sequence';
import { VISION_LAYERS } from './catalog-vision';
import type { LayerCategory, LayerDef } from './types';

/** Every layer LayerLab knows. Adding a layer: write its file, list it in its family's catalog. */
export const LAYERS: readonly LayerDef[] = [...CORE_LAYERS, ...VISION_LAYERS, ...SEQUENCE_LAYERS];

export const CATEGORY_ORDER: readonly LayerCategory[] = [
  'Input',
  'Core',
  'Activation',
  'Convolution',
  'Pooling',
  'Normalization',
  'Regularization',
  'Reshape',
  'Merge',
  'Recurrent',
  'Attention',
];

const byType = new Map(LAYERS.map((l) => [l.type, l]));

export function getLayer(type: string): LayerDef | undefined {
  return byType.get(type);
}

/** Categories in palette order, leaving out the empty ones. */
export function layersByCategory(): { category: LayerCategory; layers: LayerDef[] }[] {
  return CATEGORY_ORDER.map((category) => ({ category, layers: LAYERS.filter((l) => l.category === category) })).filter((g) => g.layers.length > 0);
}

/** The params a new node of this type starts with. */
export function defaultParams(type: string): Record<string, unknown> {
  const def = getLayer(type);
  return def ? def.params.parse({}) : {};
}
