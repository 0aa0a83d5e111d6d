/**
 * The desktop app's hidden compute window (compute.html): it starts the engine's worker, where Chromium's
 * WebGPU is, and hands it the MessagePort the main process sent through this window's preload. The worker
 * and the run's engine process then talk over that port; this page does nothing else.
 */
const worker = new Worker('compute-worker.js');

window.addEventListener('message', (e: MessageEvent) => {
  // Only the preload, which posts from this window to this window's own origin.
  if (e.source !== window || e.origin !== location.origin || e.data !== 'layerlab-compute-port') return;
  const port = e.ports[0];
  if (port) worker.postMessage('port', [port]);
});
