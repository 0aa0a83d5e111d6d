import { describe, expect, it } from 'vitest';
import { decodeFrame, encodeFrame, FrameError, MAX_BLOBS } from '../../main/engine/compute/frame-codec';

const MAX = 64 * 1024 * 1024;

describe('compute frames: JSON with typed arrays kept binary', () => {
  it('round-trips nested typed arrays and ArrayBuffers as the same kinds and values', () => {
    const message = {
      t: 'answer',
      value: {
        inputs: [{ data: Float32Array.of(1.5, -2, 3e-8), shape: [3] }],
        target: { data: Int32Array.of(0, 1, 2), shape: [] },
        partition: { train: Uint32Array.of(2, 0), validation: new Uint32Array(0) },
        weights: Uint8Array.of(1, 2, 3).buffer,
        text: 'digits ✓',
        nothing: null,
      },
    };
    const back = decodeFrame(encodeFrame(message), MAX) as typeof message;
    expect(back.value.inputs[0]!.data).toBeInstanceOf(Float32Array);
    expect(Array.from(back.value.inputs[0]!.data)).toEqual(Array.from(message.value.inputs[0]!.data));
    expect(back.value.target.data).toEqual(Int32Array.of(0, 1, 2));
    expect(back.value.partition.train).toEqual(Uint32Array.of(2, 0));
    expect(back.value.partition.validation).toEqual(new Uint32Array(0));
    expect(new Uint8Array(back.value.weights)).toEqual(Uint8Array.of(1, 2, 3));
    expect(back.value.text).toBe('digits ✓');
  });

  it('sends only a view’s own bytes, and decodes from a frame that sits unaligned inside a larger buffer', () => {
    const pool = new Float32Array([9, 9, 1, 2, 3, 9]);
    const frame = encodeFrame({ x: pool.subarray(2, 5) });
    // A socket's Buffer: the frame at an odd offset of a pool holding other bytes.
    const shifted = Buffer.alloc(frame.length + 3 + 50, 7);
    shifted.set(frame, 3);
    const back = decodeFrame(shifted.subarray(3, 3 + frame.length), MAX) as { x: Float32Array };
    expect(Array.from(back.x)).toEqual([1, 2, 3]);
    expect(back.x.buffer.byteLength).toBe(12);
  });

  it('refuses a frame larger than allowed before reading it', () => {
    expect(() => decodeFrame(encodeFrame({ a: new Float32Array(1000) }), 1000)).toThrow(/larger than the 1000 allowed/);
  });

  it.each([
    ['not bytes', 'hello' as unknown as Uint8Array, /must be bytes/],
    ['too short', Uint8Array.of(0x4c, 0x4c), /Not a LayerLab compute frame/],
    ['another format', new TextEncoder().encode('{"t":"ready","backend":{}}'), /Not a LayerLab compute frame/],
  ])('%s is a FrameError', (_what, bytes, message) => {
    expect(() => decodeFrame(bytes, MAX)).toThrow(message);
  });

  function frameWith(text: string, lengths: number[], tail = 0): Uint8Array {
    const json = new TextEncoder().encode(text);
    const out = new Uint8Array(12 + 4 * lengths.length + json.length + tail);
    const view = new DataView(out.buffer);
    out.set([0x4c, 0x4c, 0x46, 0x31]);
    view.setUint32(4, json.length, true);
    view.setUint32(8, lengths.length, true);
    lengths.forEach((n, i) => view.setUint32(12 + 4 * i, n, true));
    out.set(json, 12 + 4 * lengths.length);
    return out;
  }

  it.each([
    [
      'a JSON length past the end',
      (() => {
        const f = frameWith('{}', []);
        new DataView(f.buffer).setUint32(4, 1e6, true);
        return f;
      })(),
      /cut short/,
    ],
    ['a blob past the end', frameWith('{}', [1e6]), /cut short/],
    [
      'too many blobs',
      (() => {
        const f = frameWith('{}', []);
        new DataView(f.buffer).setUint32(8, MAX_BLOBS + 1, true);
        return f;
      })(),
      /at most/,
    ],
    ['text that is not JSON', frameWith('{nope', []), /not JSON/],
    ['a reference to a blob it does not hold', frameWith('{"a":{"\\u0000blob":3,"\\u0000kind":"Float32Array"}}', []), /does not hold/],
    ['an unknown array kind', frameWith('{"a":{"\\u0000blob":0,"\\u0000kind":"BigInt64Array"}}', [8], 16), /unknown array kind/],
    ['a Float32Array of 3 bytes', frameWith('{"a":{"\\u0000blob":0,"\\u0000kind":"Float32Array"}}', [3], 16), /not whole elements/],
    ['nesting past any real message', frameWith(`${'['.repeat(100)}${']'.repeat(100)}`, []), /nests too deeply/],
  ])('%s is a precise FrameError', (_what, bytes, message) => {
    expect(() => decodeFrame(bytes, MAX)).toThrow(message);
  });

  it('keeps a __proto__ key as data, never as the prototype', () => {
    const back = decodeFrame(frameWith('{"__proto__":{"polluted":true}}', []), MAX) as Record<string, unknown>;
    expect(Object.getPrototypeOf(back)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('random and mutated bytes give a FrameError or a value, never another exception', () => {
    let seed = 12345;
    const rand = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;
    const good = encodeFrame({ t: 'ask', id: 1, ask: { what: 'dataset', data: Float32Array.of(1, 2, 3, 4) } });
    for (let k = 0; k < 3000; k++) {
      const bytes = k % 2 === 0 ? Uint8Array.from({ length: Math.floor(rand() * 64) }, () => Math.floor(rand() * 256)) : good.slice();
      if (k % 2 === 1) for (let j = 0; j < 1 + Math.floor(rand() * 4); j++) bytes[Math.floor(rand() * bytes.length)] = Math.floor(rand() * 256);
      try {
        decodeFrame(bytes, MAX);
      } catch (e) {
        expect(e).toBeInstanceOf(FrameError);
      }
    }
  });
});
