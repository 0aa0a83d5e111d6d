import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, open, type FileHandle } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { Readable, Transform, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createInflateRaw, crc32 } from 'node:zlib';

/** What one archive may unpack to: a class-folder dataset for a lesson fits easily; a zip bomb does not. */
export const ZIP_LIMITS = { entries: 50_000, totalBytes: 2 * 1024 ** 3, entryBytes: 512 * 1024 ** 2, nameLength: 240, depth: 8 } as const;

export class ZipError extends Error {}

interface Entry {
  readonly name: string;
  readonly method: number;
  readonly crc: number;
  readonly compressed: number;
  readonly size: number;
  readonly localOffset: number;
}

/** Parts of an entry name that could land outside the target or mean something to the OS. */
function safeParts(raw: string): string[] | null {
  const parts = raw
    .replace(/\\/g, '/')
    .split('/')
    .filter((p) => p !== '' && p !== '.');
  if (raw.startsWith('/') || raw.startsWith('\\') || /^[A-Za-z]:/.test(raw)) return null;
  if (parts.some((p) => p === '..' || p.includes('\0') || p.includes(':'))) return null;
  return parts;
}

/** Folders a Mac or Windows adds to a zip that are not data. */
const junk = (parts: readonly string[]) => parts[0] === '__MACOSX' || parts.some((p) => p === '.DS_Store' || p === 'Thumbs.db' || p.startsWith('._'));

async function readAt(fh: FileHandle, position: number, length: number): Promise<Buffer> {
  const buf = Buffer.alloc(length);
  const { bytesRead } = await fh.read(buf, 0, length, position);
  if (bytesRead !== length) throw new ZipError('The zip file is cut short.');
  return buf;
}

/** The central directory: the zip's own table of contents, read from its end. */
async function entries(fh: FileHandle, fileSize: number): Promise<Entry[]> {
  const tailLength = Math.min(fileSize, 22 + 0xffff);
  const tail = await readAt(fh, fileSize - tailLength, tailLength);
  let eocd = -1;
  for (let i = tail.length - 22; i >= 0; i--)
    if (tail.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  if (eocd < 0) throw new ZipError('This is not a zip file (no central directory).');
  const count = tail.readUInt16LE(eocd + 10);
  const cdSize = tail.readUInt32LE(eocd + 12);
  const cdOffset = tail.readUInt32LE(eocd + 16);
  if (count === 0xffff || cdOffset === 0xffffffff) throw new ZipError('Zip64 archives (over 4 GB or 65,535 files) are not supported.');
  if (count > ZIP_LIMITS.entries) throw new ZipError(`The zip holds ${count} entries; at most ${ZIP_LIMITS.entries} are unpacked.`);
  if (cdOffset + cdSize > fileSize) throw new ZipError('The zip file is cut short.');
  const cd = await readAt(fh, cdOffset, cdSize);
  const out: Entry[] = [];
  let p = 0;
  for (let i = 0; i < count; i++) {
    if (p + 46 > cd.length || cd.readUInt32LE(p) !== 0x02014b50) throw new ZipError('The zip file is damaged (bad central directory).');
    const flags = cd.readUInt16LE(p + 8);
    const nameLength = cd.readUInt16LE(p + 28);
    const next = p + 46 + nameLength + cd.readUInt16LE(p + 30) + cd.readUInt16LE(p + 32);
    if (next > cd.length) throw new ZipError('The zip file is damaged (bad central directory).');
    const name = cd.toString('utf8', p + 46, p + 46 + nameLength);
    if (flags & 1) throw new ZipError(`"${name.slice(0, 80)}" is encrypted; unpack the zip without a password.`);
    const mode = cd.readUInt32LE(p + 38) >>> 16;
    if ((mode & 0o170000) === 0o120000) throw new ZipError(`"${name.slice(0, 80)}" is a symbolic link; links are not unpacked.`);
    out.push({
      name,
      method: cd.readUInt16LE(p + 10),
      crc: cd.readUInt32LE(p + 16),
      compressed: cd.readUInt32LE(p + 20),
      size: cd.readUInt32LE(p + 24),
      localOffset: cd.readUInt32LE(p + 42),
    });
    p = next;
  }
  return out;
}

/** Counts and checksums what inflates, and stops at the declared size: a lying header cannot fill the disk. */
function guard(entry: Entry): Transform {
  let seen = 0;
  let crc = 0;
  return new Transform({
    transform(chunk: Buffer, _enc, done) {
      seen += chunk.length;
      if (seen > entry.size) {
        done(new ZipError(`"${entry.name.slice(0, 80)}" unpacks to more than its header says.`));
        return;
      }
      crc = crc32(chunk, crc);
      done(null, chunk);
    },
    flush(done) {
      if (seen !== entry.size || crc >>> 0 !== entry.crc) {
        done(new ZipError(`"${entry.name.slice(0, 80)}" is damaged (size or checksum mismatch).`));
        return;
      }
      done();
    },
  });
}

/**
 * Unpacks `zipPath` into `target` (a new, empty folder this host made). Names are checked before a byte is
 * written (no absolute paths, no "..", no links), sizes are capped, and files are created exclusively.
 */
export async function unzipInto(zipPath: string, target: string): Promise<{ files: number; bytes: number }> {
  const fh = await open(zipPath, 'r');
  let list: Entry[];
  try {
    list = await entries(fh, (await fh.stat()).size);
    for (const e of list) {
      // Where the data starts depends on the local header's own name and extra lengths.
      const local = await readAt(fh, e.localOffset, 30);
      if (local.readUInt32LE(0) !== 0x04034b50) throw new ZipError('The zip file is damaged (bad local header).');
      (e as { localOffset: number }).localOffset = e.localOffset + 30 + local.readUInt16LE(26) + local.readUInt16LE(28);
    }
  } finally {
    await fh.close();
  }
  const plan: { entry: Entry; dest: string }[] = [];
  let total = 0;
  for (const entry of list) {
    const parts = safeParts(entry.name);
    if (!parts) throw new ZipError(`"${entry.name.slice(0, 80)}" would unpack outside its folder; the zip is refused.`);
    if (entry.name.endsWith('/') || parts.length === 0 || junk(parts)) continue;
    if (entry.name.length > ZIP_LIMITS.nameLength || parts.length > ZIP_LIMITS.depth)
      throw new ZipError(`"${entry.name.slice(0, 80)}…" is nested too deeply or named too long.`);
    if (entry.method !== 0 && entry.method !== 8) throw new ZipError(`"${entry.name.slice(0, 80)}" uses a compression method other than deflate.`);
    if (entry.size > ZIP_LIMITS.entryBytes) throw new ZipError(`"${entry.name.slice(0, 80)}" is over ${ZIP_LIMITS.entryBytes / 1024 ** 2} MB unpacked.`);
    total += entry.size;
    if (total > ZIP_LIMITS.totalBytes) throw new ZipError(`The zip unpacks to over ${ZIP_LIMITS.totalBytes / 1024 ** 3} GB.`);
    plan.push({ entry, dest: join(target, ...parts) });
  }
  if (plan.length === 0) throw new ZipError('The zip holds no files.');
  for (const { entry, dest } of plan) {
    await mkdir(dirname(dest), { recursive: true });
    if (entry.compressed === 0) {
      if (entry.size !== 0) throw new ZipError(`"${entry.name.slice(0, 80)}" is damaged (no data).`);
      await (await open(dest, 'wx')).close();
      continue;
    }
    const source = createReadStream(zipPath, { start: entry.localOffset, end: entry.localOffset + entry.compressed - 1 });
    const steps = entry.method === 8 ? [source, createInflateRaw(), guard(entry)] : [source, guard(entry)];
    await pipeline([...steps, createWriteStream(dest, { flags: 'wx' })]);
  }
  return { files: plan.length, bytes: total };
}

/**
 * One file of a zip, read into memory (a .keras archive's config.json), with the same checks as unzipInto: the
 * declared size is capped before inflating and the inflated bytes must match it and its checksum. null: not there.
 */
export async function readZipEntry(zipPath: string, name: string, maxBytes: number): Promise<Buffer | null> {
  const fh = await open(zipPath, 'r');
  let entry: Entry | undefined;
  try {
    entry = (await entries(fh, (await fh.stat()).size)).find((e) => e.name === name);
    if (!entry) return null;
    if (entry.size > maxBytes) throw new ZipError(`"${name}" is over ${Math.round(maxBytes / 1024 ** 2)} MB unpacked.`);
    if (entry.method !== 0 && entry.method !== 8) throw new ZipError(`"${name}" uses a compression method other than deflate.`);
    const local = await readAt(fh, entry.localOffset, 30);
    if (local.readUInt32LE(0) !== 0x04034b50) throw new ZipError('The zip file is damaged (bad local header).');
    const start = entry.localOffset + 30 + local.readUInt16LE(26) + local.readUInt16LE(28);
    const raw = await readAt(fh, start, entry.compressed);
    const parts: Buffer[] = [];
    const sink = new Writable({
      write(chunk: Buffer, _enc, done) {
        parts.push(chunk);
        done();
      },
    });
    const check = guard(entry);
    const steps = entry.method === 8 ? [createInflateRaw(), check, sink] : [check, sink];
    await pipeline([Readable.from([raw]), ...steps]);
    return Buffer.concat(parts);
  } finally {
    await fh.close();
  }
}
