// Every icon the installers and the window need, from one source image: resources/icon.svg.
// Writes resources/icons/ (electron-builder's buildResources): png/NxN.png for Linux, icon.ico
// for Windows, icon.icns for macOS, icon.png at 1024. Run after changing the SVG; the output is
// committed, so packaging never depends on this machine's sharp.
import sharp from 'sharp';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const PNG_SIZES = [16, 24, 32, 48, 64, 128, 256, 512, 1024];
/** Windows shows 16–48 in lists and 256 in large views; Vista and later read PNG entries. */
export const ICO_SIZES = [16, 24, 32, 48, 64, 128, 256];
/** macOS icon types holding PNG data, and the pixel size of each (the @2x types are the larger). */
export const ICNS_TYPES = [
  ['icp4', 16],
  ['icp5', 32],
  ['icp6', 64],
  ['ic07', 128],
  ['ic08', 256],
  ['ic09', 512],
  ['ic10', 1024],
  ['ic11', 32],
  ['ic12', 64],
  ['ic13', 256],
  ['ic14', 512],
];

/** An ICO container of PNG images: a 6-byte header, a 16-byte entry per image, then the images. */
export function icoFile(images) {
  const header = Buffer.alloc(6 + 16 * images.length);
  header.writeUInt16LE(0, 0);
  header.writeUInt16LE(1, 2); // 1 = icon
  header.writeUInt16LE(images.length, 4);
  let offset = header.length;
  images.forEach(({ size, png }, i) => {
    const at = 6 + 16 * i;
    header.writeUInt8(size >= 256 ? 0 : size, at); // 0 means 256
    header.writeUInt8(size >= 256 ? 0 : size, at + 1);
    header.writeUInt8(0, at + 2); // no palette
    header.writeUInt8(0, at + 3);
    header.writeUInt16LE(1, at + 4); // planes
    header.writeUInt16LE(32, at + 6); // bits per pixel
    header.writeUInt32LE(png.length, at + 8);
    header.writeUInt32LE(offset, at + 12);
    offset += png.length;
  });
  return Buffer.concat([header, ...images.map((i) => i.png)]);
}

/** An ICNS container: 'icns' and the total length, then (type, length with its 8-byte header, PNG) per image; big-endian. */
export function icnsFile(entries) {
  const chunks = entries.map(({ type, png }) => {
    const head = Buffer.alloc(8);
    head.write(type, 0, 'latin1');
    head.writeUInt32BE(png.length + 8, 4);
    return Buffer.concat([head, png]);
  });
  const head = Buffer.alloc(8);
  head.write('icns', 0, 'latin1');
  head.writeUInt32BE(8 + chunks.reduce((n, c) => n + c.length, 0), 4);
  return Buffer.concat([head, ...chunks]);
}

/** The source (drawn at its own 1024 px) scaled to one size with a Lanczos filter. */
async function render(svg, size) {
  return sharp(svg).resize(size, size, { kernel: 'lanczos3' }).png({ compressionLevel: 9 }).toBuffer();
}

export async function makeIcons(root) {
  const svg = readFileSync(join(root, 'resources', 'icon.svg'));
  const out = join(root, 'resources', 'icons');
  mkdirSync(join(out, 'png'), { recursive: true });
  const pngs = new Map();
  for (const size of PNG_SIZES) {
    const png = await render(svg, size);
    pngs.set(size, png);
    writeFileSync(join(out, 'png', `${size}x${size}.png`), png);
  }
  writeFileSync(join(out, 'icon.png'), pngs.get(1024));
  writeFileSync(join(out, 'icon.ico'), icoFile(ICO_SIZES.map((size) => ({ size, png: pngs.get(size) }))));
  writeFileSync(join(out, 'icon.icns'), icnsFile(ICNS_TYPES.map(([type, size]) => ({ type, png: pngs.get(size) }))));
  return out;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const root = join(dirname(fileURLToPath(import.meta.url)), '..');
  console.log(`Icons written to ${await makeIcons(root)}`);
}
