/**
 * images/deflate.ts in the browser's compute worker (scripts/build.mjs swaps it in): a zlib stream of
 * stored (uncompressed) blocks, which every PNG reader accepts. The worker has no synchronous deflate,
 * and its pictures are a few kilobytes of sample grids, so compressing them would buy nothing.
 */
const BLOCK = 65_535;

function adler32(data: Uint8Array): number {
  let a = 1;
  let b = 0;
  for (let i = 0; i < data.length; i += 5552) {
    const end = Math.min(i + 5552, data.length);
    for (let j = i; j < end; j++) {
      a += data[j]!;
      b += a;
    }
    a %= 65_521;
    b %= 65_521;
  }
  return ((b << 16) | a) >>> 0;
}

export function deflate(data: Uint8Array): Uint8Array {
  const blocks = Math.max(1, Math.ceil(data.length / BLOCK));
  const out = new Uint8Array(2 + blocks * 5 + data.length + 4);
  // CMF 0x78 (deflate, 32 KB window), FLG 0x01 so that CMF·256 + FLG is a multiple of 31.
  out[0] = 0x78;
  out[1] = 0x01;
  let at = 2;
  for (let k = 0; k < blocks; k++) {
    const part = data.subarray(k * BLOCK, Math.min(data.length, (k + 1) * BLOCK));
    out[at] = k === blocks - 1 ? 1 : 0;
    out[at + 1] = part.length & 0xff;
    out[at + 2] = part.length >>> 8;
    out[at + 3] = ~part.length & 0xff;
    out[at + 4] = (~part.length >>> 8) & 0xff;
    out.set(part, at + 5);
    at += 5 + part.length;
  }
  new DataView(out.buffer).setUint32(at, adler32(data));
  return out;
}
