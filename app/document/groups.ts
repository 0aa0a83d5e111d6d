import { z } from 'zod';

/** At most this many blocks in one document, and this many layers in one block: bounds for hostile files. */
export const MAX_GROUPS = 200;
export const MAX_GROUP_NODES = 2000;
export const MAX_GROUP_NAME = 60;

/**
 * A named block of layers ("Encoder"). The graph stays flat: a group only says which layers
 * belong together and whether the canvas draws them as one card, so analysis, training and
 * export see the same layers with or without it.
 */
export const groupSchema = z.object({
  id: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/),
  // No control characters: the name reaches exported code as a comment, where a newline would end it.
  name: z
    .string()
    .trim()
    .min(1)
    .max(MAX_GROUP_NAME)
    .regex(/^[^\p{Cc}]*$/u, 'a block name cannot hold control characters such as line breaks'),
  /** Member layer ids, in the order they were grouped. */
  nodes: z.array(z.string().min(1)).min(1).max(MAX_GROUP_NODES),
  /** Drawn as one card on the canvas. */
  collapsed: z.boolean().default(false),
});
export type GroupDoc = z.output<typeof groupSchema>;

export const groupsSchema = z.array(groupSchema).max(MAX_GROUPS);

/** What is wrong with a document's groups, each with where; empty when they are sound. */
export function groupProblems(groups: readonly GroupDoc[], nodeIds: ReadonlySet<string>): { path: (string | number)[]; message: string }[] {
  const problems: { path: (string | number)[]; message: string }[] = [];
  const ids = new Set<string>();
  const owner = new Map<string, string>();
  groups.forEach((g, i) => {
    if (ids.has(g.id)) problems.push({ path: [i, 'id'], message: `a second block has the id "${g.id}"` });
    ids.add(g.id);
    g.nodes.forEach((n, j) => {
      if (!nodeIds.has(n)) problems.push({ path: [i, 'nodes', j], message: `block "${g.name}" names a layer "${n}" that is not in the graph` });
      const first = owner.get(n);
      if (first !== undefined) problems.push({ path: [i, 'nodes', j], message: `layer "${n}" is in block "${first}" and in block "${g.name}"` });
      else owner.set(n, g.name);
    });
  });
  return problems;
}

/** The group a layer belongs to, if any. */
export function groupOf(groups: readonly GroupDoc[], nodeId: string): GroupDoc | undefined {
  return groups.find((g) => g.nodes.includes(nodeId));
}

/** The next free id in the style of layer ids: `group_3`. */
export function nextGroupId(groups: readonly Pick<GroupDoc, 'id'>[]): string {
  const taken = new Set(groups.map((g) => g.id));
  let n = groups.length + 1;
  while (taken.has(`group_${n}`)) n++;
  return `group_${n}`;
}

/** A name no other block has: "Block", "Block 2", … */
export function freeGroupName(groups: readonly Pick<GroupDoc, 'name'>[], wanted: string): string {
  const base = wanted.trim().slice(0, MAX_GROUP_NAME - 4) || 'Block';
  const taken = new Set(groups.map((g) => g.name));
  if (!taken.has(base)) return base;
  let n = 2;
  while (taken.has(`${base} ${n}`)) n++;
  return `${base} ${n}`;
}

/**
 * Groups after layers were removed: members that are gone leave, and a group left empty goes.
 * Returns the same array when nothing changed, so a document that did not change stays the same object.
 */
export function pruneGroups(groups: GroupDoc[], nodeIds: ReadonlySet<string>): GroupDoc[] {
  if (groups.every((g) => g.nodes.every((n) => nodeIds.has(n)))) return groups;
  return groups.flatMap((g) => {
    const nodes = g.nodes.filter((n) => nodeIds.has(n));
    if (nodes.length === 0) return [];
    return [nodes.length === g.nodes.length ? g : { ...g, nodes }];
  });
}
