import type { FrameLink } from './peer';

/** The parts of a browser WebSocket the link uses (main/ is typed for Node, which has none). */
export interface SocketLike {
  binaryType: string;
  readonly readyState: number;
  send(data: Uint8Array): void;
  close(code?: number, reason?: string): void;
  addEventListener(type: 'open' | 'close' | 'error', listener: () => void): void;
  addEventListener(type: 'message', listener: (e: { data: unknown }) => void): void;
}

/** The parts of a MessagePort the link uses (the desktop's hidden window hands one over). */
export interface PortLike {
  postMessage(message: unknown, transfer?: unknown[]): void;
  close(): void;
  start?(): void;
  addEventListener(type: 'message', listener: (e: { data: unknown }) => void): void;
  addEventListener(type: 'close', listener: () => void): void;
}

/** Frames over a WebSocket to the web host; what is sent before it opens waits for it. */
export function socketLink(ws: SocketLike): FrameLink {
  ws.binaryType = 'arraybuffer';
  const queue: Uint8Array[] = [];
  const closers = new Set<() => void>();
  let open = false;
  ws.addEventListener('open', () => {
    open = true;
    for (const f of queue.splice(0)) ws.send(f);
  });
  const closed = () => {
    for (const c of closers) c();
    closers.clear();
  };
  ws.addEventListener('close', closed);
  ws.addEventListener('error', closed);
  return {
    send: (frame) => {
      if (open) ws.send(frame);
      else queue.push(frame);
    },
    onFrame: (listener) =>
      ws.addEventListener('message', (e) => {
        if (e.data instanceof ArrayBuffer) listener(new Uint8Array(e.data));
      }),
    onClose: (listener) => closers.add(listener),
    close: () => ws.close(1000, 'done'),
  };
}

/** Frames over a MessagePort (structured clone carries the bytes; the buffer is transferred, not copied). */
export function portLink(port: PortLike): FrameLink {
  const closers = new Set<() => void>();
  port.addEventListener('close', () => {
    for (const c of closers) c();
  });
  port.start?.();
  return {
    send: (frame) => port.postMessage(frame, [frame.buffer]),
    onFrame: (listener) =>
      port.addEventListener('message', (e) => {
        if (e.data === 'closed') for (const c of closers) c();
        else if (e.data instanceof Uint8Array) listener(e.data);
      }),
    onClose: (listener) => closers.add(listener),
    close: () => port.close(),
  };
}
