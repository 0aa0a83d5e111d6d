import { createReadStream } from 'node:fs';

/**
 * Streams the objects of a top-level JSON array one by one, so a large file is never held
 * as one nested structure. Objects must not contain arrays of objects (true of flat records).
 */
export async function* jsonArrayRecords(path: string): AsyncGenerator {
  let depth = 0;
  let inString = false;
  let escaped = false;
  let current = '';
  let started = false;
  for await (const chunk of createReadStream(path, { encoding: 'utf8', highWaterMark: 1 << 20 })) {
    const text = chunk as string;
    let from = -1;
    for (let i = 0; i < text.length; i++) {
      const c = text[i];
      if (inString) {
        if (escaped) escaped = false;
        else if (c === '\\') escaped = true;
        else if (c === '"') inString = false;
        continue;
      }
      if (c === '"') inString = true;
      else if (c === '[' && !started) started = true;
      else if (c === '{') {
        if (depth === 0) from = i;
        depth++;
      } else if (c === '}') {
        depth--;
        if (depth === 0) {
          current += text.slice(from < 0 ? 0 : from, i + 1);
          from = -1;
          yield JSON.parse(current);
          current = '';
        }
      }
    }
    if (depth > 0) current += text.slice(from < 0 ? 0 : from);
  }
  if (!started) throw new Error(`${path}: expected a JSON array`);
}
