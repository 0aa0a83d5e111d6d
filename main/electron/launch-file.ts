import { statSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';

/**
 * The project file a launch names: the first argument after the executable (and the app folder
 * in development) that is an existing file ending in .json. Chromium's switches and anything
 * else are ignored; a second instance passes its argv and cwd here.
 */
export function projectArgument(argv: readonly string[], cwd: string): string | null {
  for (const arg of argv.slice(1)) {
    if (arg.startsWith('-') || !arg.toLowerCase().endsWith('.json')) continue;
    const path = isAbsolute(arg) ? arg : resolve(cwd, arg);
    try {
      if (statSync(path).isFile()) return path;
    } catch {
      // not there: keep looking
    }
  }
  return null;
}
