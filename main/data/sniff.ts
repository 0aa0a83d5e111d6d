import { open } from 'node:fs/promises';

/** What the first bytes of a data file say about it. */
export type Sniff =
  | { readonly kind: 'text' }
  | { readonly kind: 'utf16'; readonly order: 'little-endian' | 'big-endian' }
  | { readonly kind: 'binary'; readonly looksLike?: string }
  | { readonly kind: 'legacy' };

/** Enough for magic numbers and a fair count of NULs and stray bytes; the brief read is cheap. */
export const SNIFF_BYTES = 4096;

const MAGIC: readonly { readonly bytes: readonly (number | null)[]; readonly name: string }[] = [
  { bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], name: 'a PNG image' },
  { bytes: [0xff, 0xd8, 0xff], name: 'a JPEG image' },
  { bytes: [0x47, 0x49, 0x46, 0x38], name: 'a GIF image' },
  { bytes: [0x52, 0x49, 0x46, 0x46, null, null, null, null, 0x57, 0x45, 0x42, 0x50], name: 'a WebP image' },
  { bytes: [0x25, 0x50, 0x44, 0x46, 0x2d], name: 'a PDF document' },
  { bytes: [0x50, 0x4b, 0x03, 0x04], name: 'a ZIP archive (an Excel .xlsx workbook is one: save it as CSV)' },
  { bytes: [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], name: 'an old Office file (an Excel .xls workbook: save it as CSV)' },
  { bytes: [0x1f, 0x8b], name: 'a gzip archive (unpack it first)' },
  { bytes: [0x50, 0x41, 0x52, 0x31], name: 'a Parquet file' },
  { bytes: [0x7f, 0x45, 0x4c, 0x46], name: 'a program' },
];

const startsWith = (buf: Uint8Array, sig: readonly (number | null)[]) => buf.length >= sig.length && sig.every((b, i) => b === null || buf[i] === b);

/** True for bytes no text file holds: C0 controls other than tab, line feed, form feed and carriage return. */
const isControl = (b: number) => b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0c && b !== 0x0d;

/** Classifies a file's first bytes. A few NULs in otherwise clean text are left to the per-cell checks. */
export function sniffBytes(buf: Uint8Array): Sniff {
  if (buf[0] === 0xff && buf[1] === 0xfe) return { kind: 'utf16', order: 'little-endian' };
  if (buf[0] === 0xfe && buf[1] === 0xff) return { kind: 'utf16', order: 'big-endian' };
  for (const m of MAGIC) if (startsWith(buf, m.bytes)) return { kind: 'binary', looksLike: m.name };
  let evenNuls = 0;
  let oddNuls = 0;
  let controls = 0;
  for (let i = 0; i < buf.length; i++) {
    const b = buf[i]!;
    if (b === 0) {
      if (i % 2 === 0) evenNuls++;
      else oddNuls++;
    } else if (isControl(b)) controls++;
  }
  // ASCII saved as UTF-16 without a mark: every other byte is NUL.
  const half = buf.length / 2;
  if (half >= 2 && (oddNuls >= half * 0.4 || evenNuls >= half * 0.4)) return { kind: 'utf16', order: oddNuls > evenNuls ? 'little-endian' : 'big-endian' };
  const nuls = evenNuls + oddNuls;
  if (nuls + controls > Math.max(8, buf.length * 0.01)) return { kind: 'binary' };
  try {
    // `stream` lets a character cut by the end of the sample pass; a bad byte anywhere else throws.
    new TextDecoder('utf-8', { fatal: true }).decode(buf, { stream: true });
  } catch {
    return { kind: 'legacy' };
  }
  return { kind: 'text' };
}

/** The first bytes of a file, for `sniffBytes`. */
export async function readStart(path: string, bytes = SNIFF_BYTES): Promise<Uint8Array> {
  const handle = await open(path, 'r');
  try {
    const buf = new Uint8Array(bytes);
    const { bytesRead } = await handle.read(buf, 0, bytes, 0);
    return buf.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

/** A sentence for a file that is not UTF-8 text; null when it is. */
export function notTextMessage(display: string, sniff: Sniff): string | null {
  switch (sniff.kind) {
    case 'text':
      return null;
    case 'utf16':
      return `${display} is saved as UTF-16 (${sniff.order}); LayerLab reads UTF-8 text. Save it as UTF-8 (in Excel: "CSV UTF-8"; in Notepad: Save as, Encoding UTF-8).`;
    case 'binary':
      return `${display}: this is not a text file${sniff.looksLike ? ` (it looks like ${sniff.looksLike})` : ''}. Choose a CSV or text file.`;
    case 'legacy':
      return `${display} is not UTF-8 text: it has bytes UTF-8 does not allow, as a file saved in a Windows or Latin-1 encoding does. Save it as UTF-8 (in Excel: "CSV UTF-8").`;
  }
}
