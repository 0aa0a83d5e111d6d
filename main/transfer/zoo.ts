import { createHash } from 'node:crypto';
import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { ZOO, type ZooEntry } from '../../app/transfer/zoo';
import type { ZooId } from '../../app/transfer/sources';
import { DownloadError, ensureDownloaded, type DownloadOptions } from '../downloads/download';
import { UserError } from '../user-error';
import { checkShards, readModelJson } from './read-model';

/**
 * Tests (and people with a mirror) point the zoo elsewhere: LAYERLAB_ZOO_URL replaces the storage base, so
 * `<base>/<folder>/model.json` is fetched from there. Tests never reach the network.
 */
function baseUrl(entry: ZooEntry): string {
  const override = process.env.LAYERLAB_ZOO_URL;
  return override ? `${override.replace(/\/$/, '')}/${entry.folder}/` : entry.url.replace(/model\.json$/, '');
}

async function sha256(path: string): Promise<string> {
  return createHash('sha256')
    .update(await readFile(path))
    .digest('hex');
}

/**
 * The cached model.json of a zoo model, downloading it and its shards first: each file resumable, with
 * progress; the shards are checked against the sizes the manifest declares, and against sha256 digests
 * where the entry records them (no official digests are published for these models).
 */
export async function ensureZooModel(id: ZooId, cacheDir: string, opts: DownloadOptions = {}): Promise<string> {
  const entry = ZOO[id];
  const dir = join(cacheDir, id);
  const base = baseUrl(entry);
  const file = (name: string) => ({
    url: base + name,
    file: name,
    label: `${entry.label} (${name})`,
    ...(entry.sha256?.[name] ? { checksum: { algorithm: 'sha256' as const, digest: entry.sha256[name] } } : {}),
  });
  const jsonPath = await ensureDownloaded(file('model.json'), dir, opts);
  const model = await readModelJson(jsonPath).catch(async (e: unknown) => {
    await rm(jsonPath, { force: true });
    throw new DownloadError(`The downloaded model.json of ${entry.label} is not a TF.js layers model (${(e as Error).message}); it was removed, try again.`);
  });
  const shards = model.weightsManifest.flatMap((g) => g.paths);
  for (const name of shards) await ensureDownloaded(file(name), dir, opts);
  try {
    await checkShards(dir, model);
  } catch (e) {
    for (const name of shards) await rm(join(dir, name), { force: true });
    throw new DownloadError(`The download of ${entry.label} is damaged: ${(e as UserError).message} Its weights were removed; try again.`);
  }
  for (const [name, digest] of Object.entries(entry.sha256 ?? {})) {
    if ((await sha256(join(dir, name))) !== digest)
      throw new DownloadError(`${entry.label}: ${name} in ${dir} does not match its checksum; delete the folder and try again.`);
  }
  return jsonPath;
}

/** Where zoo models are cached: a folder per model under the data folder's downloads. */
export function zooCacheDir(downloads: string): string {
  return join(downloads, 'models');
}

/** Whether a zoo model is downloaded whole (model.json and every shard it lists, at their declared sizes). */
export async function zooCached(id: ZooId, cacheDir: string): Promise<boolean> {
  const dir = join(cacheDir, id);
  try {
    await checkShards(dir, await readModelJson(join(dir, 'model.json')));
    return true;
  } catch {
    return false;
  }
}
