import { LAYERS } from '../../../app/layers/registry';
import type { LayerDef } from '../../../app/layers/types';
import { displayType } from '../ui/category';

/** Layers matching what was typed, best first: exact name, name prefix, name contains, then the summary or category. */
export function searchLayers(query: string, limit = 8): LayerDef[] {
  const q = query.trim().toLowerCase();
  if (!q) return LAYERS.slice(0, limit);
  const score = (l: LayerDef): number => {
    const names = [l.type.toLowerCase(), displayType(l.type).toLowerCase()];
    if (names.includes(q)) return 0;
    if (names.some((n) => n.startsWith(q))) return 1;
    if (names.some((n) => n.includes(q))) return 2;
    if (`${l.summary} ${l.category}`.toLowerCase().includes(q)) return 3;
    return -1;
  };
  return LAYERS.map((l) => ({ l, s: score(l) }))
    .filter((x) => x.s >= 0)
    .sort((a, b) => a.s - b.s || a.l.type.length - b.l.type.length)
    .slice(0, limit)
    .map((x) => x.l);
}
