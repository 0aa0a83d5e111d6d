import { deflate } from './deflate';
import { concatBytes } from '../../../app/format/concat';
import { crc32 } from '../../../app/format/crc32';

/** An 8-bit image, row-major, channels interleaved: 1 (grayscale) or 3 (RGB). */
export interface RawImage {
  readonly width: number;
  readonly height: number;
  readonly channels: 1 | 3;
  readonly pixels: Uint8Array;
}

const SIGNATURE = Uint8Array.of(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a);

/** length, type, data, CRC over type + data. */
function chunk(type: string, data: Uint8Array): Uint8Array {
  const out = new Uint8Array(12 + data.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, data.length);
  for (let i = 0; i < 4; i++) out[4 + i] = type.charCodeAt(i);
  out.set(data, 8);
  view.setUint32(8 + data.length, crc32(out.subarray(4, 8 + data.length)));
  return out;
}

/** Encodes an 8-bit grayscale or RGB PNG. Every row uses filter 0: these images are tiny, so smarter filters buy nothing. */
export function encodePng(image: RawImage): Uint8Array {
  const { width, height, channels, pixels } = image;
  if (!(width > 0 && height > 0 && Number.isInteger(width) && Number.isInteger(height)))
    throw new Error(`PNG size must be positive integers, got ${width}×${height}`);
  // Callers compute channels from decoded files; the type says 1 | 3, the guard makes sure.
  // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition
  if (channels !== 1 && channels !== 3) throw new Error(`PNG: ${String(channels)} channels; only 1 (grayscale) and 3 (RGB) are supported`);
  const stride = width * channels;
  if (pixels.length !== stride * height) throw new Error(`PNG: expected ${stride * height} bytes for ${width}×${height}×${channels}, got ${pixels.length}`);

  const header = new Uint8Array(13);
  const view = new DataView(header.buffer);
  view.setUint32(0, width);
  view.setUint32(4, height);
  header[8] = 8; // bit depth
  header[9] = channels === 1 ? 0 : 2; // colour type: grayscale or truecolour
  // 10–12: compression 0 (deflate), filter method 0, no interlace.

  const raw = new Uint8Array((stride + 1) * height);
  for (let y = 0; y < height; y++) raw.set(pixels.subarray(y * stride, (y + 1) * stride), y * (stride + 1) + 1);

  return concatBytes([SIGNATURE, chunk('IHDR', header), chunk('IDAT', deflate(raw)), chunk('IEND', new Uint8Array(0))]);
}

export function toDataUrl(png: Uint8Array): string {
  return `data:image/png;base64,${Buffer.from(png.buffer, png.byteOffset, png.byteLength).toString('base64')}`;
}

const toByte = (v: number) => (Number.isNaN(v) ? 0 : Math.round(Math.min(1, Math.max(0, v)) * 255));

/**
 * Lays out tiles (values 0–1, each `tileH × tileW × channels`, row-major) left to right in rows of
 * `cols`, with 1-pixel gaps of `gap` grey so neighbouring tiles stay apart. Values outside 0–1 are clipped.
 */
export function imageGrid(tiles: readonly Float32Array[], tileW: number, tileH: number, channels: 1 | 3, cols: number, gap = 0.5): RawImage {
  if (tiles.length === 0) throw new Error('imageGrid needs at least one tile');
  const size = tileW * tileH * channels;
  const bad = tiles.findIndex((t) => t.length !== size);
  if (bad >= 0) throw new Error(`imageGrid: tile ${bad} has ${tiles[bad]!.length} values, expected ${tileH}×${tileW}×${channels} = ${size}`);
  const across = Math.max(1, Math.min(cols, tiles.length));
  const down = Math.ceil(tiles.length / across);
  const width = across * tileW + (across - 1);
  const height = down * tileH + (down - 1);
  const pixels = new Uint8Array(width * height * channels).fill(toByte(gap));
  tiles.forEach((tile, i) => {
    const x0 = (i % across) * (tileW + 1);
    const y0 = Math.floor(i / across) * (tileH + 1);
    for (let y = 0; y < tileH; y++) {
      const row = ((y0 + y) * width + x0) * channels;
      for (let j = 0; j < tileW * channels; j++) pixels[row + j] = toByte(tile[y * tileW * channels + j]!);
    }
  });
  return { width, height, channels, pixels };
}

/** A grid of tiles as a PNG data URL, ready for a `run.samples` event. */
export function gridDataUrl(tiles: readonly Float32Array[], tileW: number, tileH: number, channels: 1 | 3, cols: number): string {
  return toDataUrl(encodePng(imageGrid(tiles, tileW, tileH, channels, cols)));
}

/** How one example is drawn: its height, width and the channels a PNG can hold. */
export interface TileShape {
  readonly h: number;
  readonly w: number;
  readonly channels: 1 | 3;
}

/**
 * Cuts `count` examples of shape [h, w, c] out of a flat array, mapping each value with `scale`
 * (e.g. tanh's −1…1 back to 0…1). Images with 2 or 4+ channels show their first channel in grey.
 */
export function splitTiles(
  values: Float32Array,
  count: number,
  shape: readonly number[],
  scale: (v: number) => number = (v) => v,
): { tiles: Float32Array[]; tile: TileShape } {
  const [h = 1, w = 1, c = 1] = shape.length === 1 ? [1, shape[0]!, 1] : shape;
  const channels: 1 | 3 = c === 3 ? 3 : 1;
  const per = h * w * c;
  const tiles: Float32Array[] = [];
  for (let i = 0; i < count; i++) {
    const tile = new Float32Array(h * w * channels);
    for (let p = 0; p < h * w; p++) {
      for (let k = 0; k < channels; k++) tile[p * channels + k] = scale(values[i * per + p * c + k]!);
    }
    tiles.push(tile);
  }
  return { tiles, tile: { h, w, channels } };
}
