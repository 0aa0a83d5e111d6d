import { createHash } from 'node:crypto';
import { open, readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { FileFingerprint, Fingerprint } from '../../app/data/source';

const MB = 1024 * 1024;

async function headHash(path: string): Promise<string> {
  const handle = await open(path, 'r');
  try {
    const buf = Buffer.alloc(MB);
    const { bytesRead } = await handle.read(buf, 0, MB, 0);
    return createHash('sha256').update(buf.subarray(0, bytesRead)).digest('hex');
  } finally {
    await handle.close();
  }
}

/** A class folder in one entry: total size, newest change, and a hash of its sorted listing (names, sizes, times). */
async function folderEntry(dir: string, rel: string): Promise<FileFingerprint> {
  const names = (await readdir(join(dir, rel))).filter((n) => !n.startsWith('.')).sort();
  const hash = createHash('sha256');
  let size = 0;
  let mtimeMs = 0;
  let files = 0;
  for (const name of names) {
    const info = await stat(join(dir, rel, name));
    if (!info.isFile()) continue;
    files++;
    size += info.size;
    mtimeMs = Math.max(mtimeMs, info.mtimeMs);
    hash.update(`${name}\t${info.size}\t${Math.round(info.mtimeMs)}\n`);
  }
  return { path: rel, size, mtimeMs, sha256First1MB: hash.digest('hex'), count: files };
}

/**
 * What the data's files are now. A file: its size, time and a hash of its first MiB. A folder:
 * one entry per class folder (thousands of images would otherwise bloat the project file).
 */
export async function fingerprint(path: string): Promise<Fingerprint> {
  const info = await stat(path);
  if (info.isFile()) return { files: [{ path: '', size: info.size, mtimeMs: info.mtimeMs, sha256First1MB: await headHash(path) }] };
  const entries = (await readdir(path, { withFileTypes: true })).filter((e) => !e.name.startsWith('.')).sort((a, b) => (a.name < b.name ? -1 : 1));
  const files: FileFingerprint[] = [];
  for (const e of entries) {
    if (e.isDirectory()) files.push(await folderEntry(path, e.name));
    else if (e.isFile()) {
      const s = await stat(join(path, e.name));
      files.push({ path: e.name, size: s.size, mtimeMs: s.mtimeMs, sha256First1MB: await headHash(join(path, e.name)) });
    }
  }
  return { files };
}

export type FingerprintStatus =
  | { readonly state: 'same' }
  | { readonly state: 'gone'; readonly message: string }
  | { readonly state: 'changed'; readonly message: string; readonly details: string[] };

export const goneMessage = (display: string) => `The data at ${display} is gone — was it moved? Choose its new location.`;

/** Compares the recorded fingerprint with the files now there. Touched-but-identical files count as the same. */
export async function checkFingerprint(path: string, display: string, recorded: Fingerprint | undefined): Promise<FingerprintStatus> {
  const exists = await stat(path).then(
    () => true,
    () => false,
  );
  if (!exists) return { state: 'gone', message: goneMessage(display) };
  if (!recorded) return { state: 'same' };
  const now = await fingerprint(path);
  const byPath = new Map(now.files.map((f) => [f.path, f]));
  const details: string[] = [];
  for (const f of recorded.files) {
    const name = f.path ? `${display}/${f.path}` : display;
    const cur = byPath.get(f.path);
    byPath.delete(f.path);
    if (!cur) details.push(`${name} is gone`);
    else if (cur.sha256First1MB !== f.sha256First1MB || cur.size !== f.size) {
      details.push(f.count !== undefined ? `${name} now holds ${cur.count} files (was ${f.count})` : `${name} changed (${cur.size} bytes, was ${f.size})`);
    }
  }
  for (const extra of byPath.keys()) details.push(`${display}/${extra} is new`);
  if (details.length === 0) return { state: 'same' };
  return {
    state: 'changed',
    details,
    message: `The data at ${display} changed since it was imported: ${details.slice(0, 3).join('; ')}${details.length > 3 ? `; and ${details.length - 3} more` : ''}. Import it again to update its settings.`,
  };
}
