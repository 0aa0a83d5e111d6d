import { useEffect, useRef } from 'react';
import { layoutProject } from '../actions/layout';
import { useProjectStore } from '../store/project';
import { useView } from '../store/view';
import { MOD } from '../ui/platform';
import type { EditActions } from './useEditActions';
import { groupItems, groupSelectionItem } from './groupMenu';
import type { Item } from './menuItem';

export type MenuTarget = { kind: 'node'; id: string } | { kind: 'edge'; id: string } | { kind: 'group'; id: string } | { kind: 'pane' };
export interface MenuState {
  readonly x: number;
  readonly y: number;
  readonly target: MenuTarget;
}

function items(target: MenuTarget, edit: EditActions): Item[] {
  const selected = useProjectStore.getState().selection.nodes.length;
  const several = selected > 1;
  switch (target.kind) {
    case 'node':
      return [
        { label: 'Add a layer after this…', keys: '/', testId: 'menu-insert', run: () => useView.getState().setOverlay('quickAdd'), disabled: several },
        { label: 'Copy', keys: `${MOD}+C`, testId: 'menu-copy', run: edit.copy },
        { label: 'Cut', keys: `${MOD}+X`, testId: 'menu-cut', run: edit.cut },
        { label: 'Duplicate', keys: `${MOD}+D`, testId: 'menu-duplicate', run: edit.duplicate },
        groupSelectionItem(),
        { label: several ? 'Lay out selected layers' : 'Lay out graph', keys: 'L', testId: 'menu-layout', run: () => void layoutProject() },
        { label: several ? `Delete ${selected} layers` : 'Delete', keys: 'Del', testId: 'menu-delete', run: edit.remove },
      ];
    case 'group':
      return groupItems(target.id, edit);
    case 'edge':
      return [{ label: 'Delete connection', keys: 'Del', testId: 'menu-delete', run: edit.remove }];
    case 'pane':
      return [
        { label: 'Add a layer…', keys: '/', testId: 'menu-insert', run: () => useView.getState().setOverlay('quickAdd') },
        { label: 'Paste', keys: `${MOD}+V`, testId: 'menu-paste', run: edit.paste },
        { label: 'Select all', keys: `${MOD}+A`, testId: 'menu-select-all', run: edit.selectAll },
        { label: 'Lay out graph', keys: 'L', testId: 'menu-layout', run: () => void layoutProject() },
      ];
  }
}

/** Right-click menus on layers, connections and the empty canvas; every item is also a shortcut. */
export function ContextMenu({ menu, edit, onClose }: { readonly menu: MenuState; readonly edit: EditActions; readonly onClose: () => void }) {
  const root = useRef<HTMLDivElement>(null);
  useEffect(() => {
    root.current?.querySelector<HTMLButtonElement>('button:not(:disabled)')?.focus();
    const onDown = (e: PointerEvent) => {
      if (!root.current?.contains(e.target as Node)) onClose();
    };
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') {
        e.stopPropagation();
        onClose();
      }
    };
    document.addEventListener('pointerdown', onDown, true);
    document.addEventListener('keydown', onKey, true);
    return () => {
      document.removeEventListener('pointerdown', onDown, true);
      document.removeEventListener('keydown', onKey, true);
    };
  }, [onClose]);
  return (
    <div
      ref={root}
      role="menu"
      data-testid="context-menu"
      className="fixed z-50 min-w-52 rounded-lg border border-slate-200 bg-white py-1 shadow-lg"
      style={{ left: Math.min(menu.x, window.innerWidth - 230), top: Math.min(menu.y, window.innerHeight - 240) }}
    >
      {items(menu.target, edit).map((it) => (
        <button
          key={it.testId}
          type="button"
          role="menuitem"
          data-testid={it.testId}
          disabled={it.disabled}
          className="flex w-full items-center justify-between gap-6 px-3 py-1.5 text-left text-[13px] text-slate-700 hover:bg-indigo-50 focus-visible:bg-indigo-50 focus-visible:outline-none disabled:text-slate-300 disabled:hover:bg-transparent"
          onClick={() => {
            onClose();
            it.run();
          }}
        >
          {it.label}
          {it.keys && <kbd className="font-sans text-[11.5px] text-slate-400">{it.keys}</kbd>}
        </button>
      ))}
    </div>
  );
}
