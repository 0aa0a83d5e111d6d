import { say } from '../actions/notify';
import { useBlocks } from '../store/blocks';
import { useProjectStore } from '../store/project';
import { MOD } from '../ui/platform';
import type { Item } from './menuItem';
import { groupSelection, selectedGroupIds, setCollapsed, ungroupSelection } from './groupActions';
import type { EditActions } from './useEditActions';

/** On a layer: make the selection a block, or dissolve the block it is in. */
export function groupSelectionItem(): Item {
  const inBlock = selectedGroupIds().length > 0;
  return inBlock
    ? { label: 'Ungroup block', keys: `${MOD}+Shift+G`, testId: 'menu-ungroup', run: ungroupSelection }
    : { label: 'Group into a block', keys: `${MOD}+G`, testId: 'menu-group', run: groupSelection };
}

/** On a block's card or frame title: the block's own actions, then the usual ones for its layers (which are selected). */
export function groupItems(groupId: string, edit: EditActions): Item[] {
  const group = useProjectStore.getState().doc.groups.find((g) => g.id === groupId);
  if (!group) return [];
  const count = group.nodes.length;
  return [
    group.collapsed
      ? { label: 'Expand block', testId: 'menu-expand', run: () => setCollapsed(groupId, false) }
      : { label: 'Collapse block', testId: 'menu-collapse', run: () => setCollapsed(groupId, true) },
    {
      label: 'Rename block…',
      testId: 'menu-rename-block',
      run: () =>
        requestAnimationFrame(() => {
          const input = document.querySelector<HTMLInputElement>(`[data-testid="block-name-${groupId}"]`);
          input?.focus();
          input?.select();
        }),
    },
    { label: 'Save to My blocks', testId: 'menu-save-block', run: () => saveBlock(groupId) },
    { label: 'Ungroup block', keys: `${MOD}+Shift+G`, testId: 'menu-ungroup', run: ungroupSelection },
    { label: `Copy ${count} layers`, keys: `${MOD}+C`, testId: 'menu-copy', run: edit.copy },
    { label: `Duplicate ${count} layers`, keys: `${MOD}+D`, testId: 'menu-duplicate', run: edit.duplicate },
    { label: `Delete block and its ${count} layers`, keys: 'Del', testId: 'menu-delete', run: edit.remove },
  ];
}

function saveBlock(groupId: string): void {
  const r = useBlocks.getState().save(useProjectStore.getState().doc, groupId);
  say(r.ok ? 'info' : 'warning', r.ok ? 'Block saved' : 'Block not saved', [r.message]);
}
