import { useState, type KeyboardEvent } from 'react';
import { useProjectStore } from '../store/project';
import { useView } from '../store/view';
import { categoryStyle, displayType } from '../ui/category';
import { searchLayers } from './layerSearch';
import type { EditActions } from './useEditActions';

/** The box `/` or Ctrl/Cmd+K opens: type a layer's name, Enter adds it after the selected layer, wired in. */
export function QuickAdd({ edit }: { readonly edit: EditActions }) {
  const open = useView((s) => s.overlay === 'quickAdd');
  return open ? <QuickAddBox edit={edit} /> : null;
}

function QuickAddBox({ edit }: { readonly edit: EditActions }) {
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const anchor = useProjectStore((s) => (s.selection.nodes.length === 1 ? s.selection.nodes[0] : null));
  const matches = searchLayers(query);
  const close = () => useView.getState().setOverlay(null);
  const choose = (type: string) => {
    close();
    edit.insert(type);
  };
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Escape') {
      e.stopPropagation();
      close();
    } else if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      const n = Math.max(matches.length, 1);
      setActive((a) => (a + (e.key === 'ArrowDown' ? 1 : n - 1)) % n);
    } else if (e.key === 'Enter') {
      e.preventDefault();
      const pick = matches[Math.min(active, matches.length - 1)];
      if (pick) choose(pick.type);
    }
  };
  return (
    <div className="fixed inset-0 z-50 flex justify-center bg-slate-900/10 pt-[14vh]" onPointerDown={(e) => e.target === e.currentTarget && close()}>
      <div
        role="dialog"
        aria-label="Add a layer"
        data-testid="quick-add"
        className="h-fit w-[420px] overflow-hidden rounded-xl border border-slate-200 bg-white shadow-2xl"
      >
        <input
          // The box exists to be typed into the moment it opens.
          autoFocus
          data-testid="quick-add-input"
          aria-label="Layer to add"
          placeholder={anchor ? `Add a layer after ${anchor}…` : 'Add a layer…'}
          value={query}
          onChange={(e) => {
            setQuery(e.target.value);
            setActive(0);
          }}
          onKeyDown={onKeyDown}
          className="h-11 w-full border-b border-slate-200 px-4 text-[14px] outline-none placeholder:text-slate-400"
        />
        <ul role="listbox" aria-label="Matching layers" className="max-h-80 overflow-y-auto py-1">
          {matches.length === 0 && <li className="px-4 py-3 text-[13px] text-slate-500">No layer matches “{query}”.</li>}
          {matches.map((l, i) => (
            <li
              key={l.type}
              role="option"
              aria-selected={i === active}
              data-testid={`quick-add-option-${l.type}`}
              className={`flex cursor-pointer items-start gap-2 px-4 py-1.5 ${i === active ? 'bg-indigo-50' : 'hover:bg-slate-50'}`}
              onPointerEnter={() => setActive(i)}
              onClick={() => choose(l.type)}
            >
              <span className={`mt-[6px] size-2 shrink-0 rounded-full ${categoryStyle(l.category).dot}`} aria-hidden />
              <span className="min-w-0">
                <span className="block text-[13px] font-medium text-slate-800">{displayType(l.type)}</span>
                <span className="block truncate text-[12px] text-slate-500">{l.summary}</span>
              </span>
            </li>
          ))}
        </ul>
        <p className="border-t border-slate-100 px-4 py-1.5 text-[11.5px] text-slate-400">
          ↑↓ to choose · Enter to add{anchor ? `, wired after ${anchor}` : ''} · Esc to close
        </p>
      </div>
    </div>
  );
}
