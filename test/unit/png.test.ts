import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { crc32 } from '../../app/format/crc32';
import { encodePng, imageGrid, splitTiles, toDataUrl } from '../../main/engine/images/png';

interface Chunk {
  type: string;
  data: Uint8Array;
  crcOk: boolean;
}

/** A minimal PNG reader for the test: checks the signature, walks the chunks, verifies each CRC. */
function readPng(bytes: Uint8Array) {
  expect([...bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const chunks: Chunk[] = [];
  for (let at = 8; at < bytes.length;) {
    const length = view.getUint32(at);
    const type = String.fromCharCode(...bytes.subarray(at + 4, at + 8));
    const data = bytes.subarray(at + 8, at + 8 + length);
    const crc = view.getUint32(at + 8 + length);
    chunks.push({ type, data, crcOk: crc === crc32(bytes.subarray(at + 4, at + 8 + length)) });
    at += 12 + length;
  }
  const ihdr = new DataView(chunks[0]!.data.buffer, chunks[0]!.data.byteOffset, 13);
  const header = {
    width: ihdr.getUint32(0),
    height: ihdr.getUint32(4),
    depth: chunks[0]!.data[8],
    colour: chunks[0]!.data[9],
    rest: [...chunks[0]!.data.subarray(10)],
  };
  const raw = inflateSync(Buffer.concat(chunks.filter((c) => c.type === 'IDAT').map((c) => c.data)));
  return { chunks, header, raw: new Uint8Array(raw) };
}

describe('PNG encoder', () => {
  it('computes the standard CRC-32', () => {
    expect(crc32(new TextEncoder().encode('123456789'))).toBe(0xcbf43926);
    expect(crc32(new Uint8Array(0))).toBe(0);
  });

  it('writes a grayscale image: header, IHDR, IDAT, IEND, and the pixels behind filter bytes', () => {
    const pixels = Uint8Array.of(0, 64, 128, 255, 1, 2);
    const { chunks, header, raw } = readPng(encodePng({ width: 3, height: 2, channels: 1, pixels }));
    expect(chunks.map((c) => c.type)).toEqual(['IHDR', 'IDAT', 'IEND']);
    expect(chunks.every((c) => c.crcOk)).toBe(true);
    expect(chunks[0]!.data.length).toBe(13);
    expect(chunks[2]!.data.length).toBe(0);
    expect(header).toEqual({ width: 3, height: 2, depth: 8, colour: 0, rest: [0, 0, 0] });
    expect([...raw]).toEqual([0, 0, 64, 128, 0, 255, 1, 2]);
  });

  it('writes an RGB image', () => {
    const pixels = Uint8Array.from({ length: 2 * 2 * 3 }, (_, i) => i * 20);
    const { header, raw } = readPng(encodePng({ width: 2, height: 2, channels: 3, pixels }));
    expect(header).toMatchObject({ width: 2, height: 2, depth: 8, colour: 2 });
    expect([...raw]).toEqual([0, ...pixels.subarray(0, 6), 0, ...pixels.subarray(6)]);
  });

  it('refuses pixels that do not match the size', () => {
    expect(() => encodePng({ width: 2, height: 2, channels: 1, pixels: new Uint8Array(3) })).toThrow('expected 4 bytes');
    expect(() => encodePng({ width: 0, height: 2, channels: 1, pixels: new Uint8Array(0) })).toThrow('positive integers');
  });

  it('makes a data URL that decodes back to the same bytes', () => {
    const png = encodePng({ width: 1, height: 1, channels: 1, pixels: Uint8Array.of(7) });
    const url = toDataUrl(png);
    expect(url.startsWith('data:image/png;base64,')).toBe(true);
    expect(new Uint8Array(Buffer.from(url.slice(22), 'base64'))).toEqual(png);
  });
});

describe('image grid', () => {
  it('lays tiles out in rows with 1-pixel grey gaps, clipping values to 0–1', () => {
    const tile = (v: number) => Float32Array.of(v, v, v, v);
    const grid = imageGrid([tile(0), tile(1), tile(2)], 2, 2, 1, 2);
    expect(grid).toMatchObject({ width: 5, height: 5, channels: 1 });
    const row = (y: number) => [...grid.pixels.subarray(y * 5, y * 5 + 5)];
    expect(row(0)).toEqual([0, 0, 128, 255, 255]);
    expect(row(1)).toEqual([0, 0, 128, 255, 255]);
    expect(row(2)).toEqual([128, 128, 128, 128, 128]);
    // The third tile (clipped from 2 to 1) starts the second row; the empty slot stays grey.
    expect(row(3)).toEqual([255, 255, 128, 128, 128]);
    const { header, raw } = readPng(encodePng(grid));
    expect(header).toMatchObject({ width: 5, height: 5, colour: 0 });
    expect([...raw.subarray(1, 6)]).toEqual(row(0));
  });

  it('keeps RGB tiles in colour', () => {
    const red = Float32Array.of(1, 0, 0);
    const grid = imageGrid([red, red], 1, 1, 3, 2);
    expect(grid).toMatchObject({ width: 3, height: 1, channels: 3 });
    expect([...grid.pixels]).toEqual([255, 0, 0, 128, 128, 128, 255, 0, 0]);
  });

  it('refuses tiles of the wrong size', () => {
    expect(() => imageGrid([new Float32Array(3)], 2, 2, 1, 1)).toThrow('tile 0 has 3 values');
  });

  it('cuts examples into tiles, mapping values and showing odd channel counts in grey', () => {
    const values = Float32Array.of(-1, 1, 0, 0.5);
    const { tiles, tile } = splitTiles(values, 2, [1, 2, 1], (v) => (v + 1) / 2);
    expect(tile).toEqual({ h: 1, w: 2, channels: 1 });
    expect(tiles.map((t) => [...t])).toEqual([
      [0, 1],
      [0.5, 0.75],
    ]);
    const two = splitTiles(Float32Array.of(0.1, 0.9, 0.2, 0.8), 1, [1, 2, 2]);
    expect([...two.tiles[0]!].map((v) => Number(v.toFixed(2)))).toEqual([0.1, 0.2]);
  });
});
