import type { TemplateLevel, TemplateTag } from '../../../app/document/template';
import type { TemplateSummary } from '../../../app/protocol/requests';

export interface GalleryFilter {
  readonly query: string;
  readonly tag: TemplateTag | null;
  readonly level: TemplateLevel | null;
}

export const NO_FILTER: GalleryFilter = { query: '', tag: null, level: null };

/** Every word typed must appear in the name, the summary or a tag: "cnn mnist" finds LeNet. */
export function filterTemplates(list: readonly TemplateSummary[], f: GalleryFilter): TemplateSummary[] {
  const words = f.query.toLowerCase().split(/\s+/).filter(Boolean);
  return list.filter((t) => {
    if (f.tag && !t.tags.includes(f.tag)) return false;
    if (f.level && t.level !== f.level) return false;
    const hay = `${t.name} ${t.summary} ${t.tags.join(' ')} ${t.id}`.toLowerCase();
    return words.every((w) => hay.includes(w));
  });
}

/** The tags some template carries, in the catalog's order: a chip never filters to nothing. */
export function tagsInUse(list: readonly TemplateSummary[], order: readonly TemplateTag[]): TemplateTag[] {
  const used = new Set(list.flatMap((t) => t.tags));
  return order.filter((t) => used.has(t));
}

/**
 * Arrow keys move through a grid of `columns`; Home and End jump to the ends. Up from the first
 * row and down from the last stay put; down into a shorter last row lands on its last card.
 * Returns null for keys that do not move.
 */
export function moveIndex(index: number, key: string, count: number, columns: number): number | null {
  if (count === 0) return null;
  const row = (i: number) => Math.floor(i / columns);
  switch (key) {
    case 'ArrowRight':
      return Math.min(count - 1, index + 1);
    case 'ArrowLeft':
      return Math.max(0, index - 1);
    case 'ArrowDown':
      return row(index) < row(count - 1) ? Math.min(count - 1, index + columns) : index;
    case 'ArrowUp':
      return index >= columns ? index - columns : index;
    case 'Home':
      return 0;
    case 'End':
      return count - 1;
    default:
      return null;
  }
}
