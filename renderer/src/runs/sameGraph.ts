import type { GraphDoc } from '../../../app/document/schema';

/** JSON with sorted keys, so two equal param objects read the same whatever their key order. */
const stable = (v: unknown): string =>
  Array.isArray(v)
    ? `[${v.map(stable).join(',')}]`
    : v && typeof v === 'object'
      ? `{${Object.keys(v)
          .sort()
          .map((k) => `${JSON.stringify(k)}:${stable((v as Record<string, unknown>)[k])}`)
          .join(',')}}`
      : // JSON.stringify gives undefined for undefined (lib.d.ts says string).
        // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition
        (JSON.stringify(v) ?? 'null');

const nodeKey = (n: GraphDoc['nodes'][number]) => stable([n.id, n.type, n.params, n.trainable, n.role]);
const edgeKey = (e: GraphDoc['edges'][number]) => `${e.source}.${e.sourceHandle}>${e.target}.${e.targetHandle}`;

/** Whether two graphs build the same network; where the cards sit and what they are called does not matter. */
export function sameNetwork(a: GraphDoc, b: GraphDoc): boolean {
  if (a.nodes.length !== b.nodes.length || a.edges.length !== b.edges.length) return false;
  const nodes = new Set(a.nodes.map(nodeKey));
  const edges = new Set(a.edges.map(edgeKey));
  return b.nodes.every((n) => nodes.has(nodeKey(n))) && b.edges.every((e) => edges.has(edgeKey(e)));
}
