import { cpSync, mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { ICNS_TYPES, ICO_SIZES, makeIcons, PNG_SIZES } from '../../scripts/make-icons.mjs';
import { ROOT } from './helpers';

const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** The images inside an ICO, read back by its directory. */
function readIco(buf: Buffer) {
  expect([buf.readUInt16LE(0), buf.readUInt16LE(2)]).toEqual([0, 1]);
  return Array.from({ length: buf.readUInt16LE(4) }, (_, i) => {
    const at = 6 + 16 * i;
    const size = buf.readUInt8(at) || 256;
    const png = buf.subarray(buf.readUInt32LE(at + 12), buf.readUInt32LE(at + 12) + buf.readUInt32LE(at + 8));
    return { size, png };
  });
}

/** The (type, PNG) entries of an ICNS, walked by their lengths. */
function readIcns(buf: Buffer) {
  expect(buf.toString('latin1', 0, 4)).toBe('icns');
  expect(buf.readUInt32BE(4)).toBe(buf.length);
  const entries: { type: string; png: Buffer }[] = [];
  for (let at = 8; at < buf.length;) {
    const length = buf.readUInt32BE(at + 4);
    entries.push({ type: buf.toString('latin1', at, at + 4), png: buf.subarray(at + 8, at + length) });
    at += length;
  }
  return entries;
}

async function checkIcons(dir: string) {
  for (const size of PNG_SIZES) {
    const meta = await sharp(join(dir, 'png', `${size}x${size}.png`)).metadata();
    expect([meta.format, meta.width, meta.height, meta.hasAlpha]).toEqual(['png', size, size, true]);
  }
  const ico = readIco(readFileSync(join(dir, 'icon.ico')));
  expect(ico.map((i) => i.size)).toEqual(ICO_SIZES);
  for (const { size, png } of ico) {
    expect(png.subarray(0, 8)).toEqual(PNG);
    expect((await sharp(png).metadata()).width).toBe(size);
  }
  const icns = readIcns(readFileSync(join(dir, 'icon.icns')));
  expect(icns.map((e) => e.type)).toEqual(ICNS_TYPES.map(([t]) => t));
  for (const [i, { png }] of icns.entries()) expect((await sharp(png).metadata()).width).toBe(ICNS_TYPES[i]![1]);
  expect((await sharp(join(dir, 'icon.png')).metadata()).width).toBe(1024);
}

describe('icons', () => {
  it('the script makes every size, an ICO and an ICNS from the one SVG', async () => {
    const root = mkdtempSync(join(tmpdir(), 'layerlab-icons-'));
    mkdirSync(join(root, 'resources'));
    cpSync(join(ROOT, 'resources', 'icon.svg'), join(root, 'resources', 'icon.svg'));
    await checkIcons(await makeIcons(root));
  });

  it('the committed icons in buildResources are complete and readable', async () => {
    await checkIcons(join(ROOT, 'resources', 'icons'));
  });

  it('the icon is opaque in the middle and transparent in the corners (a tile, not a square)', async () => {
    const { data, info } = await sharp(join(ROOT, 'resources', 'icons', 'png', '64x64.png'))
      .raw()
      .toBuffer({ resolveWithObject: true });
    const alpha = (x: number, y: number) => data[(y * info.width + x) * info.channels + 3];
    expect(alpha(32, 32)).toBe(255);
    expect(alpha(0, 0)).toBe(0);
  });
});
