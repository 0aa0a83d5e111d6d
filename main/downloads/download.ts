import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, open, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { UserError } from '../user-error';

/** One file to fetch once and keep: where it comes from and what it must hash to. */
export interface DownloadSpec {
  readonly url: string;
  /** The file's name in the cache folder. */
  readonly file: string;
  /** Absent only where no checksum is published (the model zoo): the caller then checks the file itself. */
  readonly checksum?: { readonly algorithm: 'md5' | 'sha256'; readonly digest: string };
  /** Expected size in bytes, for progress before the server says. */
  readonly bytes?: number;
  /** What the user sees in messages ("CIFAR-10 (163 MB)"). */
  readonly label: string;
}

export interface DownloadProgress {
  readonly file: string;
  readonly received: number;
  readonly total: number | null;
}

export interface DownloadOptions {
  readonly onProgress?: (p: DownloadProgress) => void;
  readonly signal?: AbortSignal;
  /** Attempts after a transfer that ends early; each resumes where the last one stopped. */
  readonly retries?: number;
}

/** A download that cannot finish: offline, not found, wrong checksum. The message says what to do. */
export class DownloadError extends UserError {}

const PART = '.part';

async function sizeOf(path: string): Promise<number> {
  return (await stat(path).catch(() => null))?.size ?? 0;
}

async function digestOf(path: string, algorithm: NonNullable<DownloadSpec['checksum']>['algorithm']): Promise<string> {
  const hash = createHash(algorithm);
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

const mb = (bytes: number) => `${(bytes / 1e6).toFixed(1)} MB`;

function offline(spec: DownloadSpec, dir: string, cause: unknown): DownloadError {
  const why = cause instanceof Error ? ((cause.cause as Error | undefined)?.message ?? cause.message) : String(cause);
  return new DownloadError(
    `Could not download ${spec.label}: ${new URL(spec.url).host} cannot be reached (${why}). ` +
      `Connect to the internet and try again, or download ${spec.url} yourself and put it in ${dir} as ${spec.file}.`,
    { cause },
  );
}

/** One request from `from` bytes on; appends to the partial file. Resolves when the body ends, early or not. */
async function transfer(spec: DownloadSpec, part: string, from: number, opts: DownloadOptions, dir: string): Promise<number | null> {
  let res: Response;
  try {
    res = await fetch(spec.url, { headers: from > 0 ? { range: `bytes=${from}-` } : {}, ...(opts.signal ? { signal: opts.signal } : {}) });
  } catch (e) {
    if (opts.signal?.aborted) throw e;
    throw offline(spec, dir, e);
  }
  if (res.status === 416 && from > 0) return null;
  if (!res.ok) {
    await res.body?.cancel();
    throw new DownloadError(`Could not download ${spec.label}: ${spec.url} answered HTTP ${res.status}${res.statusText ? ` (${res.statusText})` : ''}.`);
  }
  // A server that ignores the range sends the whole file: start the partial file over.
  const resumed = from > 0 && res.status === 206;
  const offset = resumed ? from : 0;
  const length = Number(res.headers.get('content-length') ?? NaN);
  const total = Number.isFinite(length) ? offset + length : (spec.bytes ?? null);
  const out = await open(part, resumed ? 'a' : 'w');
  let received = offset;
  try {
    if (!res.body) return total;
    for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
      await out.write(chunk);
      received += chunk.byteLength;
      opts.onProgress?.({ file: spec.file, received, total });
    }
  } catch (e) {
    if (opts.signal?.aborted) throw e;
    // The connection dropped: what arrived stays in the partial file for the next attempt.
  } finally {
    await out.close();
  }
  return total;
}

/**
 * Returns the cached copy of `spec` in `dir`, downloading it first if needed: resumable (a partial file
 * is continued with a Range request, also after the process was interrupted), checked against its
 * checksum before it is moved into place, and reported as it arrives.
 */
export async function ensureDownloaded(spec: DownloadSpec, dir: string, opts: DownloadOptions = {}): Promise<string> {
  const target = join(dir, spec.file);
  if ((await sizeOf(target)) > 0) return target;
  await mkdir(dir, { recursive: true });
  const part = target + PART;
  const attempts = 1 + (opts.retries ?? 3);
  for (let attempt = 0; attempt < attempts; attempt++) {
    const have = await sizeOf(part);
    const total = await transfer(spec, part, have, opts, dir);
    const now = await sizeOf(part);
    if (total !== null && now < total) {
      if (now === have && attempt > 0) break;
      continue;
    }
    const digest = spec.checksum ? await digestOf(part, spec.checksum.algorithm) : null;
    if (spec.checksum && digest !== spec.checksum.digest) {
      await rm(part, { force: true });
      throw new DownloadError(
        `The download of ${spec.label} is damaged: its ${spec.checksum.algorithm} is ${digest}, not ${spec.checksum.digest}. ` +
          'The file was removed; try again, and if it happens again the server may be sending a different file.',
      );
    }
    await rename(part, target);
    return target;
  }
  const got = await sizeOf(part);
  throw new DownloadError(
    `The download of ${spec.label} kept stopping early (${mb(got)} arrived${spec.bytes ? ` of ${mb(spec.bytes)}` : ''}). ` +
      'What arrived is kept and the next attempt continues from there.',
  );
}
