import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DOWNLOADS } from '../../../app/data/downloads';
import { ensureDownloaded, type DownloadOptions } from '../../downloads/download';
import { extractTarGz } from '../../downloads/tar';

/** CIFAR-10 as the engine trains on it: `count × 32 × 32 × 3` pixels scaled to 0–1 (channels last), and labels. */
export interface ColourImages {
  readonly x: Float32Array;
  readonly labels: Int32Array;
  readonly count: number;
}

const SIDE = 32;
const PLANE = SIDE * SIDE;
/** One label byte, then the red, green and blue planes, each 32×32 row by row. */
export const CIFAR_RECORD = 1 + 3 * PLANE;
const TRAIN = ['data_batch_1.bin', 'data_batch_2.bin', 'data_batch_3.bin', 'data_batch_4.bin', 'data_batch_5.bin'];
const TEST = ['test_batch.bin'];
const FOLDER = 'cifar-10-batches-bin';

/** Decodes CIFAR-10 binary batches (the official format) into one channels-last array. */
export function decodeCifarBatches(batches: readonly Uint8Array[], names: readonly string[] = []): ColourImages {
  batches.forEach((b, i) => {
    if (b.length % CIFAR_RECORD !== 0)
      throw new Error(
        `${names[i] ?? `batch ${i + 1}`} is not a CIFAR-10 binary batch: ${b.length} bytes is not a whole number of ${CIFAR_RECORD}-byte records.`,
      );
  });
  const count = batches.reduce((a, b) => a + b.length / CIFAR_RECORD, 0);
  const x = new Float32Array(count * PLANE * 3);
  const labels = new Int32Array(count);
  let n = 0;
  for (const [bi, batch] of batches.entries()) {
    for (let r = 0; r < batch.length; r += CIFAR_RECORD, n++) {
      const label = batch[r]!;
      if (label > 9) throw new Error(`${names[bi] ?? `batch ${bi + 1}`}: record ${r / CIFAR_RECORD + 1} has label ${label}; CIFAR-10 labels are 0–9.`);
      labels[n] = label;
      const base = n * PLANE * 3;
      for (let c = 0; c < 3; c++) {
        const plane = r + 1 + c * PLANE;
        for (let p = 0; p < PLANE; p++) x[base + p * 3 + c] = batch[plane + p]! / 255;
      }
    }
  }
  return { x, labels, count };
}

/** The extracted batches, downloading and unpacking the official archive on first use. */
async function batchesDir(cacheDir: string, opts: DownloadOptions): Promise<string> {
  const dir = join(cacheDir, FOLDER);
  if ([...TRAIN, ...TEST].every((f) => existsSync(join(dir, f)))) return dir;
  const spec = DOWNLOADS.cifar10.files[0];
  const archive = await ensureDownloaded({ ...spec, label: 'CIFAR-10 (170 MB)' }, cacheDir, opts);
  const wanted = new Set([...TRAIN, ...TEST]);
  await extractTarGz(archive, dir, (path) => {
    const name = path.split('/').pop() ?? '';
    return wanted.has(name) ? name : null;
  });
  const missing = [...wanted].filter((f) => !existsSync(join(dir, f)));
  if (missing.length) throw new Error(`The CIFAR-10 archive lacks ${missing.join(', ')}: it is not the official binary version.`);
  return dir;
}

export async function loadCifar10(split: 'train' | 'test', cacheDir: string, opts: DownloadOptions = {}): Promise<ColourImages> {
  const dir = await batchesDir(cacheDir, opts);
  const names = split === 'train' ? TRAIN : TEST;
  return decodeCifarBatches(await Promise.all(names.map((n) => readFile(join(dir, n)))), names);
}
