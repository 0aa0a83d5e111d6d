import { QuickAdd } from '../canvas/QuickAdd';
import { useEditActions } from '../canvas/useEditActions';
import { ConfirmDialog } from './ConfirmDialog';
import { EnginesDialog } from './EnginesDialog';
import { ShortcutSheet } from './ShortcutSheet';
import { useShortcuts } from './useShortcuts';

/** The window's keyboard, and the boxes keys open; inside the canvas provider, so edits can place layers in view. */
export function Shortcuts() {
  const edit = useEditActions();
  useShortcuts(edit);
  return (
    <>
      <QuickAdd edit={edit} />
      <ShortcutSheet />
      <EnginesDialog />
      <ConfirmDialog />
    </>
  );
}
