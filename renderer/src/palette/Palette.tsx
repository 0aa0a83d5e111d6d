import { useMemo, useState } from 'react';
import { layersByCategory } from '../../../app/layers/registry';
import type { LayerCategory } from '../../../app/layers/types';
import { useEditActions } from '../canvas/useEditActions';
import { displayType } from '../ui/category';
import { MyBlocks } from './MyBlocks';
import { PaletteItem } from './PaletteItem';

const groups = layersByCategory().filter((g) => g.layers.length > 0);

/** Every layer in the catalog, grouped by category, with a filter; drag one onto the canvas, or double-click / Enter to add it after the selected layer. */
export function Palette() {
  const { insert, insertBlock } = useEditActions();
  const [query, setQuery] = useState('');
  const [closed, setClosed] = useState<ReadonlySet<LayerCategory>>(new Set());
  const q = query.trim().toLowerCase();
  const shown = useMemo(
    () =>
      groups
        .map((g) => ({
          ...g,
          layers: q ? g.layers.filter((l) => `${displayType(l.type)} ${l.type} ${l.summary} ${g.category}`.toLowerCase().includes(q)) : g.layers,
        }))
        .filter((g) => g.layers.length > 0),
    [q],
  );
  const toggle = (c: LayerCategory) => setClosed((prev) => (prev.has(c) ? new Set([...prev].filter((x) => x !== c)) : new Set([...prev, c])));

  return (
    <nav aria-label="Layers" className="flex h-full flex-col">
      <div className="space-y-2 border-b border-slate-200 px-3 py-2.5">
        <div className="flex items-baseline justify-between">
          <h2 className="text-[12px] font-semibold tracking-wide text-slate-700 uppercase">Layers</h2>
          <span className="text-[11px] text-slate-400">drag or double-click</span>
        </div>
        <input
          type="search"
          data-testid="palette-search"
          placeholder="Filter layers…"
          aria-label="Filter layers"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          onKeyDown={(e) => e.key === 'Escape' && setQuery('')}
          className="h-7 w-full rounded-md border border-slate-300 bg-white px-2 text-[13px] outline-none placeholder:text-slate-400 focus:border-indigo-500 focus:ring-2 focus:ring-indigo-500/20"
        />
      </div>
      <div className="min-h-0 flex-1 space-y-2 overflow-y-auto px-2 py-2">
        <MyBlocks query={query} onAdd={(id) => insertBlock(id)} />
        {shown.length === 0 && <p className="px-2 py-4 text-center text-[12.5px] text-slate-500">No layer matches “{query}”.</p>}
        {shown.map(({ category, layers }) => {
          const open = q !== '' || !closed.has(category);
          return (
            <div key={category}>
              <button
                type="button"
                className="flex w-full items-center gap-1 rounded px-1.5 py-0.5 text-left text-[11px] font-medium tracking-wide text-slate-400 uppercase hover:text-slate-600"
                aria-expanded={open}
                onClick={() => toggle(category)}
              >
                <svg viewBox="0 0 12 12" className={`size-2.5 transition-transform ${open ? 'rotate-90' : ''}`} aria-hidden>
                  <path d="M4 2.5 7.5 6 4 9.5" fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" strokeLinejoin="round" />
                </svg>
                {category}
                <span className="ml-auto font-normal tracking-normal normal-case">{layers.length}</span>
              </button>
              {open && (
                <ul className="mt-0.5 space-y-px">
                  {layers.map((def) => (
                    <PaletteItem key={def.type} def={def} onAdd={() => insert(def.type)} />
                  ))}
                </ul>
              )}
            </div>
          );
        })}
      </div>
    </nav>
  );
}
