import { open, readFile, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { ImportError } from '../../app/import/errors';
import { readZipEntry, ZipError } from '../web/unzip';
import { readManifest, shardPlan, type WeightSpec } from './manifest';

/** A model's JSON is its topology only; a bigger file is not one. */
export const MAX_MODEL_JSON = 32 * 1024 * 1024;

export interface ModelFile {
  readonly json: unknown;
  /** The weights the file carries (a model.json with its shards), in tfjs's manifest order. */
  readonly weights?: { readonly specs: readonly WeightSpec[]; readonly data: ArrayBuffer };
  /** Why weights were not read although the file has some (a .keras archive's HDF5). */
  readonly weightsNote?: string;
}

function parseJson(text: string, what: string): unknown {
  try {
    // Some editors start UTF-8 files with a byte-order mark, which JSON.parse refuses.
    return JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (e) {
    throw new ImportError(`${what} is not valid JSON (${(e as Error).message.slice(0, 200)}).`);
  }
}

const PK = [0x50, 0x4b, 0x03, 0x04];

async function kerasArchive(path: string, name: string): Promise<ModelFile> {
  let config: Buffer | null;
  try {
    config = await readZipEntry(path, 'config.json', MAX_MODEL_JSON);
  } catch (e) {
    if (e instanceof ZipError) throw new ImportError(`${name} is not a readable .keras archive: ${e.message}`);
    throw e;
  }
  if (!config) throw new ImportError(`${name} is a zip without config.json, so it is not a .keras model archive.`);
  return {
    json: parseJson(config.toString('utf8'), `The config.json inside ${name}`),
    weightsNote: `${name}'s weights (model.weights.h5) are HDF5, which LayerLab does not read: the architecture is imported untrained. Convert the model to TF.js (tensorflowjs_converter) to bring its weights.`,
  };
}

/** The shards a model.json lists, from its folder, checked against the byte counts its manifest declares. */
async function shards(dir: string, name: string, json: unknown): Promise<ModelFile['weights']> {
  const manifest = readManifest(json);
  if (!manifest) return undefined;
  const parts: Buffer[] = [];
  for (const group of shardPlan(manifest)) {
    let have = 0;
    for (const p of group.paths) {
      const info = await stat(join(dir, p)).catch(() => null);
      if (!info?.isFile())
        throw new ImportError(
          `The weights file ${p} that ${name} lists is missing: put it beside ${name}, or import the model.json alone for an untrained copy.`,
        );
      have += info.size;
      if (have > group.bytes) break;
      parts.push(await readFile(join(dir, p)));
    }
    if (have !== group.bytes) {
      throw new ImportError(
        `The weights files ${group.paths.join(', ')} hold ${have} bytes but ${name} declares ${group.bytes}: they are damaged or from another model.`,
      );
    }
  }
  const data = Buffer.concat(parts);
  return { specs: manifest.flatMap((g) => g.weights), data: data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength) };
}

/**
 * Reads a model file from disk, hostile until checked: a TF.js model.json (with the weight shards beside it when its
 * manifest lists them), a Keras model JSON, or a .keras archive (its config.json). Its JSON is not interpreted here.
 */
export async function readModelFile(path: string): Promise<ModelFile> {
  const name = basename(path);
  const info = await stat(path).catch(() => null);
  if (!info?.isFile()) throw new ImportError(`${path} does not exist or is not a file.`);
  const head = Buffer.alloc(4);
  const fh = await open(path, 'r');
  try {
    await fh.read(head, 0, 4, 0);
  } finally {
    await fh.close();
  }
  if (PK.every((b, i) => head[i] === b)) return kerasArchive(path, name);
  if (info.size > MAX_MODEL_JSON) throw new ImportError(`${name} is ${Math.round(info.size / 1024 ** 2)} MB, too big for a model's JSON (at most 32 MB).`);
  const json = parseJson(await readFile(path, 'utf8'), name);
  const weights = await shards(dirname(path), name, json);
  return weights ? { json, weights } : { json };
}
