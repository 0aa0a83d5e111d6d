import { ipcRenderer } from 'electron';

/**
 * The hidden compute window's preload (main/electron/compute-window.ts): it exposes nothing, and passes the
 * one MessagePort the main process sends on to the page, which gives it to the engine's worker.
 */
interface PageWindow {
  postMessage(message: unknown, targetOrigin: string, transfer: unknown[]): void;
  readonly location: { readonly origin: string };
}

ipcRenderer.once('layerlab:compute-port', (event) => {
  const page = globalThis as unknown as PageWindow;
  const ports: unknown[] = event.ports;
  page.postMessage('layerlab-compute-port', page.location.origin, ports);
});
