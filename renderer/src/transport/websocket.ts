import type { HostEvent, Payload, Reply, RequestKind } from '../../../app/protocol';
import type { ConnectionState, Transport } from './types';
import { checkEvent, checkPayload, checkReply, listeners } from './validate';

interface Pending {
  readonly kind: RequestKind;
  readonly frame: string;
  resolve(raw: unknown): void;
  reject(error: Error): void;
  sent: boolean;
  timer?: ReturnType<typeof setTimeout>;
}

/** A request waiting for the connection fails after this long, so buttons never hang. */
const QUEUE_TIMEOUT_MS = 8000;
const MAX_BACKOFF_MS = 10_000;
/** A handshake that hangs (a proxy that never answers) counts as a failed attempt. */
const CONNECT_TIMEOUT_MS = 5000;

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

/** The web host: one WebSocket, requests queued until it opens, reconnect with backoff. */
export function websocketTransport(url: string): Transport {
  const events = listeners<HostEvent>();
  const states = listeners<ConnectionState>();
  const pending = new Map<number, Pending>();
  let state: ConnectionState = 'connecting';
  let socket: WebSocket | null = null;
  let nextId = 1;
  let attempt = 0;

  const setState = (next: ConnectionState) => {
    if (next === state) return;
    state = next;
    states.emit(next);
  };

  const send = (id: number, p: Pending) => {
    if (p.sent || socket?.readyState !== WebSocket.OPEN) return;
    socket.send(p.frame);
    p.sent = true;
    if (p.timer) clearTimeout(p.timer);
    pending.set(id, p);
  };

  const onMessage = (data: unknown) => {
    let frame: unknown;
    try {
      frame = JSON.parse(String(data));
    } catch {
      console.warn('LayerLab: dropped a frame that is not JSON');
      return;
    }
    if (!isRecord(frame)) return;
    if (frame.t === 'event') {
      const event = checkEvent(frame.event);
      if (event) events.emit(event);
    } else if (frame.t === 'reply' && typeof frame.id === 'number') {
      const p = pending.get(frame.id);
      if (!p) return;
      pending.delete(frame.id);
      if (frame.ok === true) p.resolve(frame.reply);
      else p.reject(new Error(typeof frame.error === 'string' ? frame.error : `${p.kind} failed`));
    }
  };

  const connect = () => {
    const ws = new WebSocket(url);
    socket = ws;
    const handshake = setTimeout(() => {
      if (ws.readyState !== WebSocket.CONNECTING) return;
      ws.onclose = null;
      ws.close();
      lost(ws);
    }, CONNECT_TIMEOUT_MS);
    ws.onopen = () => {
      clearTimeout(handshake);
      attempt = 0;
      setState('open');
      for (const [id, p] of pending) send(id, p);
    };
    ws.onmessage = (e) => onMessage(e.data);
    ws.onclose = () => {
      clearTimeout(handshake);
      lost(ws);
    };
  };

  const lost = (ws: WebSocket) => {
    if (socket !== ws) return;
    socket = null;
    for (const [id, p] of pending) {
      if (!p.sent) continue;
      pending.delete(id);
      p.reject(new Error(`Lost the connection to the LayerLab server before it answered (${p.kind}).`));
    }
    setState('reconnecting');
    const delay = Math.min(MAX_BACKOFF_MS, 500 * 2 ** attempt) * (0.75 + Math.random() * 0.5);
    attempt++;
    setTimeout(connect, delay);
  };
  connect();

  return {
    kind: 'websocket',
    request<K extends RequestKind>(kind: K, payload: Payload<K>): Promise<Reply<K>> {
      return new Promise<unknown>((resolve, reject) => {
        const id = nextId++;
        const frame = JSON.stringify({ id, kind, payload: checkPayload(kind, payload) });
        const p: Pending = { kind, frame, resolve, reject, sent: false };
        pending.set(id, p);
        if (socket?.readyState === WebSocket.OPEN) send(id, p);
        else {
          p.timer = setTimeout(() => {
            if (p.sent) return;
            pending.delete(id);
            reject(new Error('Not connected to the LayerLab server. Check that it is running, then try again.'));
          }, QUEUE_TIMEOUT_MS);
        }
      }).then((raw) => checkReply(kind, raw));
    },
    onEvent: (listener) => events.add(listener),
    getState: () => state,
    onStateChange: (listener) => states.add(listener),
  };
}
