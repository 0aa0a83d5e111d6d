import { freeGroupName, groupOf, nextGroupId } from '../../../app/document/groups';
import { say } from '../actions/notify';
import { groupProblem } from '../store/groupCommands';
import { useProjectStore } from '../store/project';
import { renameWhenShown } from './BlockName';

/** Makes the selected layers one block, then puts the cursor in its name so it can be called "Encoder" at once. */
export function groupSelection(): void {
  const { doc, selection, run } = useProjectStore.getState();
  const problem = groupProblem(doc, selection.nodes);
  if (problem) {
    say('warning', 'Cannot make a block', [problem]);
    return;
  }
  const id = nextGroupId(doc.groups);
  renameWhenShown(id);
  run({ type: 'group', id, name: freeGroupName(doc.groups, 'Block'), nodeIds: selection.nodes });
}

/** The blocks the selected layers are in. */
export function selectedGroupIds(): string[] {
  const { doc, selection } = useProjectStore.getState();
  return [...new Set(selection.nodes.flatMap((id) => groupOf(doc.groups, id)?.id ?? []))];
}

/** Dissolves the blocks of the selected layers; the layers stay as they are. */
export function ungroupSelection(): void {
  const ids = selectedGroupIds();
  if (ids.length === 0) {
    say('info', 'Nothing to ungroup', ['Select a layer that is in a block first.']);
    return;
  }
  for (const groupId of ids) useProjectStore.getState().run({ type: 'ungroup', groupId });
}

export function setCollapsed(groupId: string, collapsed: boolean): void {
  useProjectStore.getState().run({ type: 'setGroupCollapsed', groupId, collapsed });
}
