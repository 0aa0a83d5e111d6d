import { createReadStream } from 'node:fs';
import { mkdir, open, rename, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import { createGunzip } from 'node:zlib';

const BLOCK = 512;

function field(header: Buffer, start: number, length: number): string {
  const raw = header.subarray(start, start + length);
  const end = raw.indexOf(0);
  return raw.subarray(0, end < 0 ? length : end).toString('utf8');
}

function entryOf(header: Buffer): { name: string; size: number; type: string } | null {
  if (header.every((b) => b === 0)) return null;
  const size = parseInt(field(header, 124, 12).trim() || '0', 8);
  if (!Number.isFinite(size) || size < 0) throw new Error('The archive is damaged: an entry has no valid size.');
  const prefix = field(header, 345, 155);
  const name = field(header, 0, 100);
  return { name: prefix ? `${prefix}/${name}` : name, size, type: field(header, 156, 1) || '0' };
}

/**
 * Extracts chosen regular files of a .tar.gz into `dest`, streaming (the archive is never held in
 * memory). `pick` maps an entry's path to the plain file name to write, or null to skip it, so no
 * entry can write outside `dest` whatever its path says. Each file is written under a temporary
 * name and renamed when complete. Returns the names written.
 */
export async function extractTarGz(archive: string, dest: string, pick: (path: string) => string | null): Promise<string[]> {
  await mkdir(dest, { recursive: true });
  const written: string[] = [];
  let pending: Buffer = Buffer.alloc(0);
  let current: { name: string | null; left: number; pad: number; out: FileHandle | null } | null = null;
  let ended = false;

  const finishEntry = async () => {
    if (current?.out && current.name) {
      await current.out.close();
      await rename(join(dest, `${current.name}.part`), join(dest, current.name));
      written.push(current.name);
    }
    current = null;
  };

  for await (const chunk of createReadStream(archive).pipe(createGunzip())) {
    pending = pending.length ? Buffer.concat([pending, chunk as Buffer]) : (chunk as Buffer);
    while (!ended) {
      if (current) {
        const entry: { name: string | null; left: number; pad: number; out: FileHandle | null } = current;
        if (entry.left > 0) {
          if (pending.length === 0) break;
          const take = Math.min(entry.left, pending.length);
          if (entry.out) await entry.out.write(pending.subarray(0, take));
          entry.left -= take;
          pending = pending.subarray(take);
          continue;
        }
        if (pending.length < entry.pad) break;
        pending = pending.subarray(entry.pad);
        await finishEntry();
        continue;
      }
      if (pending.length < BLOCK) break;
      const header = entryOf(pending.subarray(0, BLOCK));
      pending = pending.subarray(BLOCK);
      if (!header) {
        ended = true;
        break;
      }
      const name = header.type === '0' ? pick(header.name) : null;
      if (name !== null && (name.includes('/') || name.includes('\\') || name.startsWith('.')))
        throw new Error(`Refusing to extract "${name}": not a plain file name.`);
      const out = name ? await open(join(dest, `${name}.part`), 'w') : null;
      current = { name, left: header.size, pad: (BLOCK - (header.size % BLOCK)) % BLOCK, out };
    }
  }
  if (current) throw new Error('The archive ends in the middle of a file: it is truncated.');
  return written;
}
