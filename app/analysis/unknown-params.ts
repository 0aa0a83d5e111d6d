import type { NodeDoc } from '../document/schema';
import type { LayerDef } from '../layers/types';
import type { GraphIssue } from './types';

/** "kernel_size", "Kernel-Size" and "kernelsize" all compare equal to "kernelSize". */
const normalized = (key: string) => key.toLowerCase().replace(/[^a-z0-9]/g, '');

/** Levenshtein distance, two rows at a time; keys are short. */
function distance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) row.push(Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1)));
    prev = row;
  }
  return prev[b.length]!;
}

/** The known key a misspelling most likely meant, if any is close enough to suggest. */
export function closestKey(key: string, known: readonly string[]): string | undefined {
  const target = normalized(key);
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const k of known) {
    const d = distance(target, normalized(k));
    if (d < bestDistance) [best, bestDistance] = [k, d];
  }
  // Beyond a third of the word, a "did you mean" guesses more than it helps.
  return bestDistance <= Math.max(1, Math.floor(target.length / 3)) ? best : undefined;
}

/**
 * Params the layer does not have. The build never sees them (the layer's schema strips them),
 * so a misspelled `kernel_size` would silently fall back to the default: say so on the node.
 */
export function unknownParamIssues(node: NodeDoc, def: LayerDef): GraphIssue[] {
  const known = Object.keys(def.params.shape);
  const issues: GraphIssue[] = [];
  for (const key of Object.keys(node.params)) {
    if (Object.hasOwn(def.params.shape, key)) continue;
    const guess = closestKey(key, known);
    issues.push({
      severity: 'warning',
      nodeId: node.id,
      message: `${node.name} has no param "${key}"${guess ? ` (did you mean ${guess}?)` : ''}; it is ignored.`,
      fix: guess ? `Rename "${key}" to "${guess}" in the project file.` : `Remove "${key}"; ${def.type} takes ${known.join(', ') || 'no params'}.`,
    });
  }
  return issues;
}
