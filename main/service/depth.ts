/** How deep a request or document may nest; a project is a handful of levels, and deeper breaks recursive code (JSON, clone, hashing). */
export const MAX_DEPTH = 64;

/** True when `value` nests deeper than `max`; iterative, so depth cannot blow the stack. */
export function tooDeep(value: unknown, max = MAX_DEPTH): boolean {
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length > 0) {
    const [v, d] = stack.pop()!;
    if (v === null || typeof v !== 'object') continue;
    if (d >= max) return true;
    for (const child of Object.values(v)) if (child !== null && typeof child === 'object') stack.push([child, d + 1]);
  }
  return false;
}
