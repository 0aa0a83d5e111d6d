import { gzipSync } from 'node:zlib';
import { CIFAR_RECORD } from '../../main/engine/datasets/cifar10';

/** A ustar archive of `files` (path → bytes), written the way `tar` writes it, gzipped. */
export function tarGz(files: Record<string, Uint8Array>): Buffer {
  const blocks: Buffer[] = [];
  for (const [path, data] of Object.entries(files)) {
    const header = Buffer.alloc(512);
    header.write(path, 0, 100, 'utf8');
    header.write('0000644\0', 100);
    header.write('0000000\0', 108);
    header.write('0000000\0', 116);
    header.write(`${data.length.toString(8).padStart(11, '0')}\0`, 124);
    header.write('00000000000\0', 136);
    header.write('        ', 148);
    header.write('0', 156);
    header.write('ustar\0', 257);
    header.write('00', 263);
    const sum = header.reduce((a, b) => a + b, 0);
    header.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148);
    blocks.push(header, Buffer.from(data), Buffer.alloc((512 - (data.length % 512)) % 512));
  }
  blocks.push(Buffer.alloc(1024));
  return gzipSync(Buffer.concat(blocks));
}

/**
 * `count` CIFAR-10 records in the official binary layout. Record i has label i % 10 and every pixel of
 * channel c set to (i + 10·c) % 256, so a decoder that mixes up planes or records is caught.
 */
export function cifarBatch(count: number, first = 0): Uint8Array {
  const out = new Uint8Array(count * CIFAR_RECORD);
  for (let i = 0; i < count; i++) {
    const r = i * CIFAR_RECORD;
    out[r] = (first + i) % 10;
    for (let c = 0; c < 3; c++) out.fill((first + i + 10 * c) % 256, r + 1 + c * 1024, r + 1 + (c + 1) * 1024);
  }
  return out;
}

/** The official CIFAR-10 archive's layout, with `perBatch` records in each of its six batches. */
export function cifarArchive(perBatch: number): Buffer {
  const files: Record<string, Uint8Array> = {};
  for (let b = 1; b <= 5; b++) files[`cifar-10-batches-bin/data_batch_${b}.bin`] = cifarBatch(perBatch, (b - 1) * perBatch);
  files['cifar-10-batches-bin/test_batch.bin'] = cifarBatch(perBatch, 1000);
  files['cifar-10-batches-bin/batches.meta.txt'] = Buffer.from('airplane\nautomobile\n');
  return tarGz(files);
}

/** An IDX file of unsigned bytes (the MNIST format), gzipped as the Fashion-MNIST files are. */
export function idxGz(dims: readonly number[], data: Uint8Array): Buffer {
  const header = Buffer.alloc(4 + 4 * dims.length);
  header[2] = 0x08;
  header[3] = dims.length;
  dims.forEach((d, i) => header.writeUInt32BE(d, 4 + 4 * i));
  return gzipSync(Buffer.concat([header, data]));
}
