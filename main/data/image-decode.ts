import type * as SharpModule from 'sharp';

type Sharp = typeof SharpModule.default;
let sharpPromise: Promise<Sharp> | null = null;

/** Loads a package by a name esbuild cannot see, so native `sharp` stays out of the bundle and loads only when images are used. */
async function importByName(name: string): Promise<unknown> {
  return import(name);
}

/** sharp (libvips) decodes and resizes PNG and JPEG off the event loop. */
export function loadSharp(): Promise<Sharp> {
  sharpPromise ??= importByName('sharp').then(
    (m) => {
      const sharp = (m as { default?: Sharp }).default ?? (m as Sharp);
      // Each image is read once per epoch: libvips's cache would only hold memory.
      sharp.cache(false);
      return sharp;
    },
    (e: unknown) => {
      sharpPromise = null;
      throw new Error(`Reading images needs the "sharp" package, which did not load: ${(e as Error).message.split('\n')[0]}`);
    },
  );
  return sharpPromise;
}

export interface ImageFormat {
  readonly height: number;
  readonly width: number;
  readonly channels: 1 | 3;
}

/** Decodes a PNG or JPEG file (or its bytes), stretched to the size, as 8-bit pixels, row-major, channels interleaved. */
export async function decodeImage(input: string | Buffer, f: ImageFormat): Promise<Uint8Array> {
  const sharp = await loadSharp();
  let img = sharp(input, { failOn: 'error' }).rotate().resize(f.width, f.height, { fit: 'fill' }).flatten({ background: '#ffffff' });
  img = f.channels === 1 ? img.grayscale() : img.toColourspace('srgb');
  const { data, info } = await img.raw().toBuffer({ resolveWithObject: true });
  if (info.channels !== f.channels) throw new Error(`decoded ${info.channels} channels, expected ${f.channels}`);
  return new Uint8Array(data.buffer, data.byteOffset, data.length);
}

/** Reads only an image's header: its format and size, without decoding pixels. */
export async function imageHeader(file: string): Promise<{ format: string; width: number; height: number }> {
  const sharp = await loadSharp();
  const meta = await sharp(file).metadata();
  if (!meta.width || !meta.height) throw new Error('no image size in the file');
  return { format: meta.format, width: meta.width, height: meta.height };
}

/** A small PNG data URL of 0–1 or 0–255 pixels, for previews in the UI. */
export async function pngDataUrl(pixels: Uint8Array, f: ImageFormat, scale = 1): Promise<string> {
  const sharp = await loadSharp();
  const png = await sharp(Buffer.from(pixels.buffer, pixels.byteOffset, pixels.length), { raw: { width: f.width, height: f.height, channels: f.channels } })
    .resize(Math.round(f.width * scale), Math.round(f.height * scale), { kernel: 'nearest' })
    .png()
    .toBuffer();
  return `data:image/png;base64,${png.toString('base64')}`;
}
