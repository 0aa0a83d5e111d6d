import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { DOWNLOADS } from '../../../app/data/downloads';
import { ensureDownloaded, type DownloadOptions } from '../../downloads/download';
import { parseIdx } from './idx';
import type { Images } from './mnist';

/** Debian's dataset-fashion-mnist puts the same four files here (recompressed, so with other checksums). */
export const DEBIAN_FASHION_DIR = '/usr/share/datasets/fashion-mnist';

const [trainImages, trainLabels, testImages, testLabels] = DOWNLOADS['fashion-mnist'].files;

/** Reads a gzipped idx images/labels pair into typed arrays (pixels scaled to 0–1). */
export async function readIdxPair(imagesGz: string, labelsGz: string): Promise<Images> {
  const [img, lab] = await Promise.all([imagesGz, labelsGz].map(async (p) => parseIdx(gunzipSync(await readFile(p)), p)));
  const count = img!.dims[0]!;
  if (lab!.dims[0] !== count) throw new Error(`${imagesGz}: ${count} images but ${lab!.dims[0]} labels`);
  if (img!.dims[1] !== 28 || img!.dims[2] !== 28) throw new Error(`${imagesGz}: images are ${img!.dims.slice(1).join('×')}, not 28×28`);
  const x = new Float32Array(img!.data.length);
  for (let i = 0; i < x.length; i++) x[i] = img!.data[i]! / 255;
  return { x, labels: Int32Array.from(lab!.data), count };
}

/** The path of one of the four files: Debian's copy when installed, else the download cache (fetched if missing). */
async function locate(spec: (typeof DOWNLOADS)['fashion-mnist']['files'][number], cacheDir: string, opts: DownloadOptions): Promise<string> {
  const system = join(DEBIAN_FASHION_DIR, spec.file.replace(/^fashion-/, ''));
  if (existsSync(system)) return system;
  return ensureDownloaded({ ...spec, label: `Fashion-MNIST (${spec.file})` }, cacheDir, opts);
}

export async function loadFashionMnist(split: 'train' | 'test', cacheDir: string, opts: DownloadOptions = {}): Promise<Images> {
  const [images, labels] = split === 'train' ? [trainImages, trainLabels] : [testImages, testLabels];
  return readIdxPair(await locate(images, cacheDir, opts), await locate(labels, cacheDir, opts));
}
