import { BrowserWindow, MessageChannelMain } from 'electron';
import type { ComputeAttachment, ComputePeer } from '../service/compute-link';
import { APP_ORIGIN } from './app-protocol';
import { secureWebPreferences } from './security';

export const COMPUTE_URL = `${APP_ORIGIN}/compute.html`;

export interface ComputeWindowOptions {
  /** dist/main/compute-preload.cjs: a preload that exposes nothing and forwards one port. */
  readonly preload: string;
  readonly attach: (runId: string, peer: ComputePeer) => ComputeAttachment | null;
}

/**
 * WebGPU on the desktop: Dawn's Node binding cannot load in Electron's processes, so a run picked for WebGPU
 * is computed by the engine's worker in a hidden window, where Chromium's WebGPU is. The window's port goes
 * to the run's engine process through the run manager (frames unread, as the web host passes them); the
 * window is destroyed when the run ends, and a crashed window ends the run with the reason.
 */
export function computeWindowOpener(o: ComputeWindowOptions): (runId: string) => void {
  return (runId) => {
    const win = new BrowserWindow({
      show: false,
      width: 320,
      height: 200,
      title: 'LayerLab compute',
      // A hidden window is throttled like a background tab unless told otherwise; training must not be.
      webPreferences: secureWebPreferences(o.preload, { background: true }),
    });
    const { port1, port2 } = new MessageChannelMain();
    const peer: ComputePeer = {
      send: (frame) => port1.postMessage(frame),
      close: () => {
        port1.close();
        if (!win.isDestroyed()) win.destroy();
      },
    };
    const attached = o.attach(runId, peer);
    if (!attached) {
      win.destroy();
      return;
    }
    port1.on('message', (e) => {
      if (e.data instanceof Uint8Array) attached.deliver(e.data);
    });
    port1.on('close', () => attached.detach());
    port1.start();
    win.webContents.on('render-process-gone', () => attached.detach());
    win.webContents.once('did-finish-load', () => win.webContents.postMessage('layerlab:compute-port', null, [port2]));
    win.webContents.once('did-fail-load', () => attached.detach());
    void win.loadURL(COMPUTE_URL);
  };
}
