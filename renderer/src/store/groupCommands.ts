import { groupOf, MAX_GROUP_NAME, type GroupDoc } from '../../../app/document/groups';
import type { ProjectDoc } from '../../../app/document/schema';

/** Edits to the document's blocks; each is one named undo step like every other command. */
export type GroupCommand =
  | { type: 'group'; id: string; name: string; nodeIds: readonly string[] }
  | { type: 'ungroup'; groupId: string }
  | { type: 'setGroupCollapsed'; groupId: string; collapsed: boolean }
  | { type: 'renameGroup'; groupId: string; name: string };

/** Why these layers cannot become one block, or null when they can. The UI says it; the command refuses it. */
export function groupProblem(doc: ProjectDoc, nodeIds: readonly string[]): string | null {
  if (nodeIds.length === 0) return 'Select the layers to put in a block first.';
  for (const id of nodeIds) {
    if (!doc.graph.nodes.some((n) => n.id === id)) return `There is no layer "${id}".`;
    const g = groupOf(doc.groups, id);
    if (g) return `${id} is already in the block "${g.name}". Ungroup it first.`;
  }
  return null;
}

/** Why a block cannot have this name, or null when it can. */
export function groupNameProblem(name: string): string | null {
  if (!name.trim()) return 'A block needs a name.';
  if (/\p{Cc}/u.test(name)) return 'A block name cannot hold line breaks or other control characters.';
  if (name.trim().length > MAX_GROUP_NAME) return `Keep a block's name under ${MAX_GROUP_NAME} characters.`;
  return null;
}

const mapGroup = (doc: ProjectDoc, id: string, f: (g: GroupDoc) => GroupDoc): ProjectDoc => {
  const groups = doc.groups.map((g) => (g.id === id ? f(g) : g));
  return groups.some((g, i) => g !== doc.groups[i]) ? { ...doc, groups } : doc;
};

export function groupLabel(doc: ProjectDoc, cmd: GroupCommand): string {
  const name = cmd.type === 'group' ? cmd.name : (doc.groups.find((g) => g.id === cmd.groupId)?.name ?? cmd.groupId);
  switch (cmd.type) {
    case 'group':
      return `Group ${cmd.nodeIds.length} layer${cmd.nodeIds.length === 1 ? '' : 's'} as ${name}`;
    case 'ungroup':
      return `Ungroup ${name}`;
    case 'setGroupCollapsed':
      return `${cmd.collapsed ? 'Collapse' : 'Expand'} ${name}`;
    case 'renameGroup':
      return `Rename block to ${cmd.name.trim()}`;
  }
}

/** Applies a block edit; returns the same object when nothing changes or the edit does not hold. */
export function applyGroupCommand(doc: ProjectDoc, cmd: GroupCommand): ProjectDoc {
  switch (cmd.type) {
    case 'group': {
      const ids = [...new Set(cmd.nodeIds)];
      if (groupProblem(doc, ids) || groupNameProblem(cmd.name) || doc.groups.some((g) => g.id === cmd.id)) return doc;
      // Members in graph order, so the same selection made in any order gives the same document.
      const members = doc.graph.nodes.filter((n) => ids.includes(n.id)).map((n) => n.id);
      return { ...doc, groups: [...doc.groups, { id: cmd.id, name: cmd.name.trim(), nodes: members, collapsed: false }] };
    }
    case 'ungroup': {
      const groups = doc.groups.filter((g) => g.id !== cmd.groupId);
      return groups.length === doc.groups.length ? doc : { ...doc, groups };
    }
    case 'setGroupCollapsed':
      return mapGroup(doc, cmd.groupId, (g) => (g.collapsed === cmd.collapsed ? g : { ...g, collapsed: cmd.collapsed }));
    case 'renameGroup':
      if (groupNameProblem(cmd.name)) return doc;
      return mapGroup(doc, cmd.groupId, (g) => (g.name === cmd.name.trim() ? g : { ...g, name: cmd.name.trim() }));
  }
}
