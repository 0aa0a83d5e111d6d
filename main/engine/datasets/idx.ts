import { readFile } from 'node:fs/promises';

/** Reads an IDX file (the MNIST format): big-endian header, then unsigned bytes. */
export async function readIdx(path: string): Promise<{ dims: number[]; data: Uint8Array }> {
  return parseIdx(await readFile(path), path);
}

/** Parses IDX bytes; `path` names the file in messages. */
export function parseIdx(buf: Buffer, path: string): { dims: number[]; data: Uint8Array } {
  if (buf.length < 4) throw new Error(`${path}: too short to be an IDX file`);
  const type = buf[2];
  const rank = buf[3]!;
  if (buf[0] !== 0 || buf[1] !== 0 || type !== 0x08) throw new Error(`${path}: not an unsigned-byte IDX file`);
  const dims = Array.from({ length: rank }, (_, i) => buf.readUInt32BE(4 + 4 * i));
  const offset = 4 + 4 * rank;
  const size = dims.reduce((a, d) => a * d, 1);
  if (buf.length - offset < size) throw new Error(`${path}: truncated (expected ${size} values)`);
  return { dims, data: new Uint8Array(buf.buffer, buf.byteOffset + offset, size) };
}
