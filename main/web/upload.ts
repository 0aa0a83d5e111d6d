import { randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, readdir, rename, rm, stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join } from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Workspace } from '../service/workspace';
import { unzipInto, ZipError } from './unzip';

/** One upload at most this big; a class's dataset is far smaller, and the disk is shared. */
export const MAX_UPLOAD_BYTES = 1024 ** 3;
/** Uploads in progress at once on one host. */
export const MAX_UPLOADS = 4;
export const UPLOADS_DIR = 'uploads';
const KINDS = new Set(['.csv', '.tsv', '.txt', '.zip']);

export interface UploadReply {
  /** Relative to the workspace: what the Data panel's path field takes. */
  readonly path: string;
  readonly kind: 'file' | 'folder';
  readonly bytes: number;
  readonly files: number;
}

class UploadError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/** A file name safe on every OS: letters, digits and a few marks; the extension says what it is. */
export function safeName(raw: string | null): string {
  const name = (raw ?? '').split(/[\\/]/).pop() ?? '';
  const ext = extname(name).toLowerCase();
  if (!KINDS.has(ext)) throw new UploadError(415, 'Upload a .csv, .tsv or .txt file, or a .zip of class folders.');
  const stem =
    name
      .slice(0, -ext.length)
      .replace(/[^A-Za-z0-9._ -]/g, '_')
      .replace(/^[.\s]+/, '')
      .slice(0, 80)
      .trim() || 'upload';
  return `${stem}${ext}`;
}

/** A name in `dir` nobody has taken: data uploaded twice never overwrites the first copy. */
async function freeName(dir: string, name: string): Promise<string> {
  const ext = extname(name);
  const stem = name.slice(0, name.length - ext.length);
  for (let i = 1; i < 1000; i++) {
    const candidate = i === 1 ? name : `${stem}-${i}${ext}`;
    if (!(await stat(join(dir, candidate)).catch(() => null))) return candidate;
  }
  throw new UploadError(409, 'Too many uploads with this name; rename the file.');
}

function cap(limit: number): Transform {
  let seen = 0;
  return new Transform({
    transform(chunk: Buffer, _enc, done) {
      seen += chunk.length;
      if (seen > limit) {
        done(new UploadError(413, `The upload is over ${limit / 1024 ** 2} MB.`));
        return;
      }
      done(null, chunk);
    },
  });
}

/** Receives one file, streaming it to disk beside its final place, then moves or unpacks it there. */
async function receive(ws: Workspace, req: IncomingMessage, rawName: string | null): Promise<UploadReply> {
  const name = safeName(rawName);
  const declared = Number(req.headers['content-length'] ?? NaN);
  if (Number.isFinite(declared) && declared > MAX_UPLOAD_BYTES) throw new UploadError(413, `The upload is over ${MAX_UPLOAD_BYTES / 1024 ** 2} MB.`);
  const dir = ws.resolve(UPLOADS_DIR);
  await mkdir(dir, { recursive: true });
  // The folder may be a link someone made to leave the workspace: check it again now that it exists.
  ws.resolve(UPLOADS_DIR);
  const partial = join(dir, `.partial-${randomBytes(8).toString('hex')}`);
  try {
    await pipeline(req, cap(MAX_UPLOAD_BYTES), createWriteStream(partial, { flags: 'wx' }));
    const bytes = (await stat(partial)).size;
    if (bytes === 0) throw new UploadError(400, 'The upload is empty.');
    if (extname(name) === '.zip') {
      const folder = await freeName(dir, name.slice(0, -4));
      const target = join(dir, folder);
      await mkdir(target);
      try {
        const { files } = await unzipInto(partial, target);
        // "Compress folder" wraps everything in one top folder: point at the class folders inside it.
        const top = await readdir(target, { withFileTypes: true });
        const inner = top.length === 1 && top[0]!.isDirectory() ? `/${top[0]!.name}` : '';
        return { path: `${UPLOADS_DIR}/${folder}${inner}`, kind: 'folder', bytes, files };
      } catch (e) {
        await rm(target, { recursive: true, force: true });
        throw e instanceof ZipError ? new UploadError(422, e.message) : e;
      }
    }
    const final = await freeName(dir, name);
    await rename(partial, join(dir, final));
    return { path: `${UPLOADS_DIR}/${final}`, kind: 'file', bytes, files: 1 };
  } finally {
    await rm(partial, { force: true });
  }
}

/** POST /upload?name=FILE: the body is the file. The caller has checked the token and Origin. */
export function uploadHandler(ws: Workspace) {
  let active = 0;
  return async (req: IncomingMessage, res: ServerResponse, name: string | null): Promise<void> => {
    const answer = (status: number, body: unknown) => {
      if (res.headersSent) return void res.destroy();
      // Close rather than drain a refused body: a client sending a gigabyte should not keep the host reading.
      res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store', ...(status >= 400 ? { connection: 'close' } : {}) });
      res.end(JSON.stringify(body));
    };
    if (active >= MAX_UPLOADS) {
      answer(429, { error: 'Other uploads are in progress; try again when they finish.' });
      return;
    }
    active++;
    try {
      answer(200, await receive(ws, req, name));
    } catch (e) {
      const status = e instanceof UploadError ? e.status : 500;
      answer(status, { error: e instanceof UploadError ? e.message : `The upload failed: ${(e as Error).message.slice(0, 200)}` });
      req.resume();
    } finally {
      active--;
    }
  };
}
