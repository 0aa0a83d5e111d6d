import { deflateSync } from 'node:zlib';

/** zlib's deflate of a PNG's scanlines (the browser's compute worker stores them instead: compute/deflate-stored.ts). */
export function deflate(data: Uint8Array): Uint8Array {
  return deflateSync(data);
}
