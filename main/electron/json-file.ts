import { readFileSync } from 'node:fs';
import type { z } from 'zod';
import { writeFileAtomicSync } from '../service/files';

/** The shell's small state files hold a few kilobytes; anything bigger is not ours. */
const MAX_BYTES = 1024 * 1024;

/** A small JSON file of the shell's, validated: missing, oversized, unreadable or invalid reads as null. */
export function readJsonFile<T extends z.ZodType>(path: string, schema: T): z.output<T> | null {
  try {
    const text = readFileSync(path, 'utf8');
    if (text.length > MAX_BYTES) return null;
    const parsed = schema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** Written atomically; a failure to write is logged, never fatal: it is only remembered state. */
export function writeJsonFile(path: string, value: unknown): void {
  try {
    writeFileAtomicSync(path, `${JSON.stringify(value, null, 2)}\n`);
  } catch (e) {
    console.warn(`LayerLab: could not write ${path}:`, e);
  }
}
