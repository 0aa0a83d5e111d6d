/**
 * One message as bytes, typed arrays kept binary: the frame that travels between the engine process and
 * the browser's compute worker (a WebSocket in the web host, Electron IPC on the desktop). JSON carries
 * the structure; each typed array (or ArrayBuffer) is replaced by a reference into a binary tail, so a
 * dataset of 47 million floats is one copy, not 400 MB of JSON digits.
 *
 * Layout: "LLF1", u32 JSON length, u32 blob count, the blobs' byte lengths (u32 each), the JSON, then
 * each blob starting on an 8-byte boundary. Every length is checked before it is used.
 */

const MAGIC = [0x4c, 0x4c, 0x46, 0x31];
const REF = '\u0000blob';
const KIND = '\u0000kind';
export const MAX_BLOBS = 4096;

const KINDS = ['ArrayBuffer', 'Uint8Array', 'Int32Array', 'Float32Array', 'Float64Array', 'Uint32Array', 'Int16Array', 'Uint16Array', 'Int8Array'] as const;
type Kind = (typeof KINDS)[number];
type Typed = Uint8Array | Int32Array | Float32Array | Float64Array | Uint32Array | Int16Array | Uint16Array | Int8Array;
const MAKERS: Record<Exclude<Kind, 'ArrayBuffer'>, { new (b: ArrayBuffer, o: number, n: number): Typed; BYTES_PER_ELEMENT: number }> = {
  Uint8Array,
  Int32Array,
  Float32Array,
  Float64Array,
  Uint32Array,
  Int16Array,
  Uint16Array,
  Int8Array,
};

export class FrameError extends Error {}

const align8 = (n: number) => (n + 7) & ~7;

function kindOf(value: object): Kind | null {
  if (value instanceof ArrayBuffer) return 'ArrayBuffer';
  if (!ArrayBuffer.isView(value) || value instanceof DataView) return null;
  const name = value.constructor.name === 'Buffer' ? 'Uint8Array' : value.constructor.name;
  return (KINDS as readonly string[]).includes(name) ? (name as Kind) : null;
}

/** Encodes `message`; typed arrays and ArrayBuffers anywhere in it come back as the same kind. */
export function encodeFrame(message: unknown): Uint8Array {
  const blobs: Uint8Array[] = [];
  const json = JSON.stringify(message, function (this: unknown, key: string, value: unknown) {
    // JSON.stringify has already called toJSON (Buffer has one); the holder still has the raw value.
    const raw = (this as Record<string, unknown>)[key];
    if (raw === null || typeof raw !== 'object') return value;
    const kind = kindOf(raw);
    if (!kind) return value;
    if (blobs.length >= MAX_BLOBS) throw new FrameError(`A frame holds at most ${MAX_BLOBS} arrays.`);
    const view =
      kind === 'ArrayBuffer' ? new Uint8Array(raw as ArrayBuffer) : new Uint8Array((raw as Typed).buffer, (raw as Typed).byteOffset, (raw as Typed).byteLength);
    blobs.push(view);
    return { [REF]: blobs.length - 1, [KIND]: kind };
  }) as string | undefined;
  const text = new TextEncoder().encode(json ?? 'null');
  const head = 12 + 4 * blobs.length;
  let size = align8(head + text.length);
  for (const b of blobs) size = align8(size + b.byteLength);
  const out = new Uint8Array(size);
  const view = new DataView(out.buffer);
  out.set(MAGIC, 0);
  view.setUint32(4, text.length, true);
  view.setUint32(8, blobs.length, true);
  blobs.forEach((b, i) => view.setUint32(12 + 4 * i, b.byteLength, true));
  out.set(text, head);
  let at = align8(head + text.length);
  for (const b of blobs) {
    out.set(b, at);
    at = align8(at + b.byteLength);
  }
  return out;
}

/** Decodes a frame from a peer that may be hostile: anything malformed is a FrameError, never a crash. */
export function decodeFrame(bytes: Uint8Array, maxBytes: number): unknown {
  if (!(bytes instanceof Uint8Array)) throw new FrameError('A frame must be bytes.');
  if (bytes.byteLength > maxBytes) throw new FrameError(`A frame of ${bytes.byteLength} bytes is larger than the ${maxBytes} allowed.`);
  if (bytes.byteLength < 12 || MAGIC.some((m, i) => bytes[i] !== m)) throw new FrameError('Not a LayerLab compute frame.');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const textLength = view.getUint32(4, true);
  const count = view.getUint32(8, true);
  if (count > MAX_BLOBS) throw new FrameError(`A frame holds at most ${MAX_BLOBS} arrays.`);
  const head = 12 + 4 * count;
  if (head + textLength > bytes.byteLength) throw new FrameError('The frame is cut short.');
  const spans: { at: number; length: number }[] = [];
  let at = align8(head + textLength);
  for (let i = 0; i < count; i++) {
    const length = view.getUint32(12 + 4 * i, true);
    if (at + length > bytes.byteLength) throw new FrameError('The frame is cut short.');
    spans.push({ at, length });
    at = align8(at + length);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(head, head + textLength)));
  } catch (e) {
    throw new FrameError(`The frame's text is not JSON (${(e as Error).message.slice(0, 80)}).`);
  }
  return revive(parsed, bytes, spans, 0);
}

function blob(bytes: Uint8Array, span: { at: number; length: number }, kind: unknown): ArrayBuffer | Typed {
  if (typeof kind !== 'string' || !(KINDS as readonly string[]).includes(kind)) throw new FrameError('The frame names an unknown array kind.');
  // A copy of exactly the span: the frame's buffer may be shared (a socket's read buffer) and its offsets
  // unaligned. Uint8Array's slice, since a Node Buffer's slice is a view of the whole pool.
  const copy = Uint8Array.prototype.slice.call(bytes, span.at, span.at + span.length).buffer;
  if (kind === 'ArrayBuffer') return copy;
  const make = MAKERS[kind as Exclude<Kind, 'ArrayBuffer'>];
  if (span.length % make.BYTES_PER_ELEMENT !== 0) throw new FrameError(`A ${kind} of ${span.length} bytes is not whole elements.`);
  return new make(copy, 0, span.length / make.BYTES_PER_ELEMENT);
}

function revive(value: unknown, bytes: Uint8Array, spans: readonly { at: number; length: number }[], depth: number): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (depth > 64) throw new FrameError('The frame nests too deeply.');
  if (Array.isArray(value)) return value.map((v) => revive(v, bytes, spans, depth + 1));
  const record = value as Record<string, unknown>;
  if (REF in record) {
    const index = record[REF];
    if (typeof index !== 'number' || !Number.isInteger(index) || index < 0 || index >= spans.length)
      throw new FrameError('The frame refers to an array it does not hold.');
    return blob(bytes, spans[index]!, record[KIND]);
  }
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(record)) {
    // A key like __proto__ from JSON.parse is an own property; defining it keeps it one.
    Object.defineProperty(out, k, { value: revive(v, bytes, spans, depth + 1), enumerable: true, writable: true, configurable: true });
  }
  return out;
}
