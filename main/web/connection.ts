import type { WebSocket } from 'ws';
import { clientFrameSchema, type ServerFrame } from '../../app/protocol/wire';
import { MAX_DEPTH, tooDeep } from '../service/depth';

/** Bounds on one host's work: what a lab full of browsers needs, and no more. */
export const LIMITS = {
  /** Largest frame; a big project with its runs fits, and a bigger one is refused (1009), not fatal. */
  maxPayload: 64 * 1024 * 1024,
  inFlightPerConnection: 16,
  inFlightPerHost: 64,
  /** Deepest JSON a request may nest; documents are a handful of levels deep. */
  maxDepth: MAX_DEPTH,
  /** A client that will not read its replies is dropped before they pile up in memory. */
  maxBuffered: 128 * 1024 * 1024,
  /** Error messages are short and never echo the request. */
  maxError: 300,
  /** Largest reply sent; one larger is replaced by an error rather than held twice over in memory. */
  maxReply: 64 * 1024 * 1024,
} as const;

export type Handle = (kind: string, payload: unknown) => Promise<unknown>;

export function shortError(e: unknown): string {
  const message = e instanceof Error ? e.message : 'The request failed.';
  return message.length > LIMITS.maxError ? `${message.slice(0, LIMITS.maxError - 1)}…` : message;
}

/** The reply as it goes on the wire, or an error frame when it would be larger than a reply may be. */
export function replyFrame(id: number, reply: unknown, max: number = LIMITS.maxReply): string {
  const text = JSON.stringify({ t: 'reply', id, ok: true, reply } satisfies ServerFrame);
  if (text.length <= max) return text;
  const mb = (n: number) => `${Math.ceil(n / 1024 ** 2)} MB`;
  return JSON.stringify({
    t: 'reply',
    id,
    ok: false,
    error: `The answer is too large to send (${mb(text.length)}; at most ${mb(max)}).`,
  } satisfies ServerFrame);
}

/** The request id, if one can be read from an otherwise bad frame, so the error reaches its caller. */
function idOf(raw: unknown): number | null {
  if (raw === null || typeof raw !== 'object') return null;
  const id = (raw as { id?: unknown }).id;
  return Number.isSafeInteger(id) && (id as number) >= 0 ? (id as number) : null;
}

/** Counts requests in flight across every connection of one host. */
export class InFlight {
  count = 0;
}

/**
 * One WebSocket's lifetime: errors of the protocol (bad frames, bad UTF-8, oversize) close this connection
 * and nothing else; every request gets a reply or an error reply; requests in flight are bounded.
 */
export function serveConnection(ws: WebSocket, handle: Handle, host: InFlight): void {
  let mine = 0;
  // Without a listener, ws re-emits a protocol error as an uncaught 'error' and the process dies.
  ws.on('error', () => ws.terminate());
  const send = (frame: ServerFrame | string) => {
    if (ws.readyState !== ws.OPEN) return;
    if (ws.bufferedAmount > LIMITS.maxBuffered) {
      ws.terminate();
      return;
    }
    ws.send(typeof frame === 'string' ? frame : JSON.stringify(frame));
  };
  const fail = (id: number, e: unknown) => send({ t: 'reply', id, ok: false, error: shortError(e) });

  ws.on('message', (data, isBinary) => {
    if (isBinary) {
      ws.close(1003, 'binary frames are not accepted');
      return;
    }
    let raw: unknown;
    try {
      // Text frames arrive as one Buffer (binaryType 'nodebuffer'); ws has already checked their UTF-8.
      raw = JSON.parse((data as Buffer).toString('utf8'));
    } catch {
      ws.close(1003, 'malformed frame');
      return;
    }
    const id = idOf(raw);
    if (id === null) {
      ws.close(1003, 'malformed frame');
      return;
    }
    if (tooDeep(raw, LIMITS.maxDepth)) {
      fail(id, new Error(`The request nests deeper than ${LIMITS.maxDepth} levels.`));
      return;
    }
    const frame = clientFrameSchema.safeParse(raw);
    if (!frame.success) {
      fail(id, new Error('A request needs an id, a kind and a payload.'));
      return;
    }
    if (mine >= LIMITS.inFlightPerConnection) {
      fail(id, new Error(`Too many requests at once (${LIMITS.inFlightPerConnection} on one connection). Wait for their answers.`));
      return;
    }
    if (host.count >= LIMITS.inFlightPerHost) {
      fail(id, new Error('The server is busy with other requests. Try again in a moment.'));
      return;
    }
    mine++;
    host.count++;
    handle(frame.data.kind, frame.data.payload)
      .then(
        (reply) => send(replyFrame(id, reply)),
        (e: unknown) => fail(id, e),
      )
      .finally(() => {
        mine--;
        host.count--;
      })
      .catch(() => ws.terminate());
  });
}
