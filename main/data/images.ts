import { access } from 'node:fs/promises';
import type { DataSettings } from '../../app/data/catalog';
import type { DataSource, ImageOptions } from '../../app/data/source';
import { permutation } from './split';
import { partition } from './partition';
import type { TrainingData } from './training-data';
import { checkClassSizes, classCounts, scanClassFolders, type ClassFile } from './class-folders';
import { decodeImage, imageHeader, type ImageFormat } from './image-decode';
import { count, DataError, formatBytes, problem, Problems } from './problems';
import { mapLimit } from './pool';
import { splitPlan } from './split-settings';

export const IMAGE_EXTENSIONS = ['.png', '.jpg', '.jpeg'] as const;
/** Decoded examples up to this size are loaded whole; larger folders must stream. */
export const MAX_IMAGE_BYTES = 1024 ** 3;
const CONCURRENCY = 8;

export interface ImageFolder {
  readonly classes: string[];
  readonly files: ClassFile[];
  readonly problems: Problems;
}

export const imageFormat = (o: ImageOptions): ImageFormat => ({ height: o.size[0], width: o.size[1], channels: o.color === 'rgb' ? 3 : 1 });

/** The message when a file that was there at import can no longer be read. */
export function vanishedMessage(display: string, rel: string): string {
  return `${display}/${rel} disappeared while it was being read (moved or deleted?). Put it back, or import the folder again.`;
}

/** Lists the class folders and checks each image's header; unreadable files are listed and skipped. */
export async function scanImages(dir: string, display: string, checkHeaders = true): Promise<ImageFolder> {
  const problems = new Problems();
  const found = await scanClassFolders(dir, display, IMAGE_EXTENSIONS, 'images', problems);
  let files = found.files;
  if (checkHeaders) {
    const ok = await mapLimit(files, CONCURRENCY * 2, async (f) => {
      try {
        await imageHeader(f.path);
        return true;
      } catch (e) {
        problems.add(
          problem(`${display}/${f.rel}`, `${display}/${f.rel} cannot be read as an image (${(e as Error).message.split('\n')[0]}); skipped.`, {}, 'warning'),
        );
        return false;
      }
    });
    files = files.filter((_, i) => ok[i]);
  }
  checkClassSizes(display, found.classes, classCounts(found.classes, files), 'images', problems);
  return { classes: found.classes, files, problems };
}

/** Decodes one image to 0–1 floats at `out[offset…]`; a vanished file is an error, a corrupt one null. */
export async function readImageInto(f: ClassFile, format: ImageFormat, display: string, out: Float32Array, offset: number): Promise<string | null> {
  let pixels: Uint8Array;
  try {
    pixels = await decodeImage(f.path, format);
  } catch (e) {
    const gone = await access(f.path).then(
      () => false,
      () => true,
    );
    if (gone) throw new DataError([problem(`${display}/${f.rel}`, vanishedMessage(display, f.rel))]);
    return `${display}/${f.rel} cannot be decoded (${(e as Error).message.split('\n')[0]}); skipped.`;
  }
  for (let i = 0; i < pixels.length; i++) out[offset + i] = pixels[i]! / 255;
  return null;
}

/** A seeded subset of at most `limit` files (0 = all), in a stable order. */
export function limitFiles<T>(files: readonly T[], limit: number, seed: number): T[] {
  if (limit <= 0 || limit >= files.length) return [...files];
  const order = permutation(files.length, seed).subarray(0, limit).sort();
  return Array.from(order, (i) => files[i]!);
}

/** The folder's images, refused when its class folders are no longer those it was imported with. */
export async function scanImported(src: DataSource, dir: string, display: string): Promise<Awaited<ReturnType<typeof scanImages>>> {
  const folder = await scanImages(dir, display, false);
  folder.problems.throwIfErrors();
  const recorded = src.images.classes;
  if (recorded.length > 0 && recorded.join('\n') !== folder.classes.join('\n')) {
    throw new DataError([
      problem(
        display,
        `The class folders in ${display} (${folder.classes.join(', ')}) differ from those imported (${recorded.join(', ')}). Import the folder again.`,
      ),
    ]);
  }
  return folder;
}

/** An image folder decoded whole into one Float32Array: for folders that fit in memory. */
export async function loadImages(s: DataSettings, src: DataSource, dir: string, display: string, validationSplit: number): Promise<TrainingData> {
  const folder = await scanImported(src, dir, display);
  const format = imageFormat(src.images);
  const files = limitFiles(folder.files, s.limit, s.seed);
  const size = format.height * format.width * format.channels;
  if (files.length * size * 4 > MAX_IMAGE_BYTES) {
    throw new DataError([
      problem(
        display,
        `${display} holds ${count(files.length)} images, ${formatBytes(files.length * size * 4)} once decoded: more than LayerLab loads at once. Train it with the streaming pipeline, or set "Limit".`,
      ),
    ]);
  }
  const x = new Float32Array(files.length * size);
  const failures = await mapLimit(files, CONCURRENCY, (f, i) => readImageInto(f, format, display, x, i * size));
  const good = files.map((_, i) => i).filter((i) => failures[i] === null);
  const warnings = failures.filter((m): m is string => m !== null).map((m) => problem(display, m, {}, 'warning'));
  const keep = good.length === files.length ? x : new Float32Array(good.length * size);
  if (keep !== x) good.forEach((src, dst) => keep.set(x.subarray(src * size, src * size + size), dst * size));
  const y = Int32Array.from(good, (i) => files[i]!.label);
  const plan = splitPlan(s, validationSplit);
  const parts = partition(y.length, { validation: plan.validation, test: plan.test, seed: plan.seed, ...(plan.stratify ? { labels: y } : {}) });
  return {
    inputs: [{ data: keep, shape: [format.height, format.width, format.channels] }],
    target: { data: y, shape: [] },
    count: y.length,
    partition: parts,
    warnings,
  };
}
