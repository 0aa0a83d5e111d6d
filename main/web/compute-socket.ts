import type { WebSocket } from 'ws';
import type { ComputeAttachment, ComputePeer } from '../service/compute-link';

/** Bytes from ws's message event, whichever form it chose (Buffer, a list of fragments, an ArrayBuffer). */
function bytesOf(data: Buffer | ArrayBuffer | Buffer[]): Uint8Array {
  if (Array.isArray(data)) return Buffer.concat(data);
  return data instanceof ArrayBuffer ? new Uint8Array(data) : data;
}

/**
 * A browser's compute worker on /compute?run=<id>: paired with the run's engine process, its binary
 * frames passed on unread. Only the run in progress that waits for a browser accepts one, once; anything
 * else (another id, a text frame, a second socket) closes this socket and changes nothing.
 */
export function serveComputeSocket(ws: WebSocket, runId: string | null, attach: (runId: string, peer: ComputePeer) => ComputeAttachment | null): void {
  ws.on('error', () => ws.terminate());
  const peer: ComputePeer = {
    send: (frame) => {
      if (ws.readyState === ws.OPEN) ws.send(frame);
    },
    close: () => ws.close(1000, 'run ended'),
  };
  const attached = runId ? attach(runId, peer) : null;
  if (!attached) {
    ws.close(1008, 'No run in progress waits for a browser with that id.');
    return;
  }
  ws.on('message', (data, isBinary) => {
    if (!isBinary) {
      attached.detach();
      return;
    }
    attached.deliver(bytesOf(data));
  });
  ws.on('close', () => attached.detach());
}
