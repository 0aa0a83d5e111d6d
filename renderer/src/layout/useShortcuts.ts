import { useEffect } from 'react';
import { fileMode, openProject, saveProject } from '../actions/files';
import { rememberCopied } from '../actions/clipboard';
import { layoutProject } from '../actions/layout';
import { startTraining, stepTraining, stopTraining, togglePause } from '../actions/training';
import { noSelection, useProjectStore } from '../store/project';
import { isActive, useRun } from '../store/run';
import { useView } from '../store/view';
import type { EditActions } from '../canvas/useEditActions';
import { groupSelection, ungroupSelection } from '../canvas/groupActions';
import { isEditable } from '../ui/platform';

/** Keys that act on whatever has focus: form controls, and buttons whose own Space or Enter must win. */
const ownsKeys = (t: EventTarget | null) =>
  isEditable(t) || (t instanceof HTMLElement && t.closest('button, a[href], [role="button"], [role="menuitem"], summary') !== null);

/** Single keys for the view, outside fields and buttons: layout, panels, minimap. */
function viewKey(e: KeyboardEvent): void {
  const view = useView.getState();
  const actions: Record<string, () => void> = {
    l: () => void layoutProject(),
    L: () => void layoutProject(view.direction === 'TB' ? 'LR' : 'TB'),
    '[': () => view.set({ paletteOpen: !view.paletteOpen }),
    ']': () => view.set({ sidebarOpen: !view.sidebarOpen }),
    m: () => view.set({ minimap: !view.minimap }),
  };
  const act = actions[e.key];
  if (!act) return;
  e.preventDefault();
  act();
}

/**
 * Window-wide keys. Undo and Delete leave text fields alone; Save, Open, Train, Step and
 * Stop with a modifier work everywhere; Space, S and Esc act on the run only outside fields.
 */
export function useShortcuts(edit: EditActions): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const mod = e.ctrlKey || e.metaKey;
      const key = e.key.toLowerCase();
      const editing = isEditable(e.target);
      const store = useProjectStore.getState();
      const run = useRun.getState();
      if (mod && key === 's') {
        e.preventDefault();
        void saveProject(e.shiftKey && fileMode() === 'native');
      } else if (mod && key === 'o') {
        e.preventDefault();
        void openProject();
      } else if (mod && e.key === 'Enter') {
        e.preventDefault();
        if (e.shiftKey) void stepTraining();
        else void startTraining();
      } else if (mod && e.key === '.') {
        e.preventDefault();
        void stopTraining();
      } else if (e.key === 'Escape') {
        if (editing) return;
        if (isActive(run.status)) void stopTraining();
        else store.select(noSelection);
      } else if (editing || e.altKey) {
        return;
      } else if (e.key === ' ' && !mod && !ownsKeys(e.target) && (run.status === 'training' || run.status === 'paused')) {
        e.preventDefault();
        if (!e.repeat) togglePause();
      } else if (key === 's' && !mod && !e.shiftKey && run.status === 'paused') {
        e.preventDefault();
        void stepTraining();
      } else if (mod && key === 'a') {
        e.preventDefault();
        edit.selectAll();
      } else if (mod && key === 'g') {
        e.preventDefault();
        if (e.shiftKey) ungroupSelection();
        else groupSelection();
      } else if (mod && key === 'd') {
        e.preventDefault();
        edit.duplicate();
      } else if ((mod && key === 'k') || (!mod && e.key === '/')) {
        e.preventDefault();
        useView.getState().setOverlay('quickAdd');
      } else if (!mod && e.key === '?') {
        e.preventDefault();
        useView.getState().setOverlay('shortcuts');
      } else if (mod && key === 'z') {
        e.preventDefault();
        if (e.shiftKey) store.redo();
        else store.undo();
      } else if (mod && key === 'y') {
        e.preventDefault();
        store.redo();
      } else if (!mod && (e.key === 'Delete' || e.key === 'Backspace')) {
        e.preventDefault();
        store.deleteSelection();
      } else if (!mod && !ownsKeys(e.target)) {
        viewKey(e);
      }
    };
    // Copy, cut and paste come as clipboard events, which carry the clipboard without asking for permission.
    const ours = (e: ClipboardEvent) => !isEditable(e.target) && (window.getSelection()?.isCollapsed ?? true);
    const onCopy = (e: ClipboardEvent) => {
      const text = ours(e) ? edit.copyText() : null;
      if (!text || !e.clipboardData) return;
      e.preventDefault();
      e.clipboardData.setData('text/plain', text);
      if (e.type === 'cut') edit.cut();
      else rememberCopied(text);
    };
    const onPaste = (e: ClipboardEvent) => {
      const text = e.clipboardData?.getData('text/plain');
      if (!ours(e) || !text) return;
      e.preventDefault();
      edit.pasteText(text);
    };
    window.addEventListener('keydown', onKey);
    document.addEventListener('copy', onCopy);
    document.addEventListener('cut', onCopy);
    document.addEventListener('paste', onPaste);
    return () => {
      window.removeEventListener('keydown', onKey);
      document.removeEventListener('copy', onCopy);
      document.removeEventListener('cut', onCopy);
      document.removeEventListener('paste', onPaste);
    };
  }, [edit]);
}
