import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-webgpu';
import { portLink, socketLink, type PortLike, type SocketLike } from './links';
import type { FrameLink } from './peer';
import { serveCompute } from './worker';

/**
 * The engine in a browser's dedicated worker, where Chromium's WebGPU is. Served as
 * /compute-worker.js?run=<id> by the web host, it connects its own WebSocket back to /compute; in the
 * desktop app's hidden window it is handed a MessagePort instead. One run, then the worker closes.
 */
interface WorkerScope {
  readonly location: { readonly search: string; readonly host: string; readonly protocol: string };
  addEventListener(type: 'message', listener: (e: { data: unknown; ports?: readonly PortLike[] }) => void): void;
  close(): void;
}
declare const self: WorkerScope;
declare const WebSocket: new (url: string) => SocketLike;

function link(): Promise<FrameLink> {
  const run = new URLSearchParams(self.location.search).get('run');
  if (run) {
    const scheme = self.location.protocol === 'https:' ? 'wss' : 'ws';
    return Promise.resolve(socketLink(new WebSocket(`${scheme}://${self.location.host}/compute?run=${encodeURIComponent(run)}`)));
  }
  return new Promise((resolve) => {
    self.addEventListener('message', (e) => {
      const port = e.ports?.[0];
      if (port) resolve(portLink(port));
    });
  });
}

void link().then(async (l) => {
  await serveCompute(tf, l);
  // Let the last frames leave before the socket closes and the worker ends.
  setTimeout(() => {
    l.close();
    self.close();
  }, 200);
});
