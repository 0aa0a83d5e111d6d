import { isActive, useRun } from '../store/run';

/** Whether this page can offer "WebGPU in this browser": the web host's page in a browser with WebGPU. */
export function browserGpuAvailable(): boolean {
  return typeof Worker !== 'undefined' && 'gpu' in navigator && window.isSecureContext;
}

let current: Worker | null = null;

/**
 * Starts the engine's compute worker for `runId` (served beside the page as compute-worker.js): it connects
 * back to the host itself and trains there on this browser's GPU. It ends itself with the run; should it
 * not load at all, `onFailed` hears why at once rather than when the host stops waiting for it.
 */
export function startComputeWorker(runId: string, onFailed: (message: string) => void): void {
  current?.terminate();
  const url = new URL('compute-worker.js', document.baseURI);
  url.searchParams.set('run', runId);
  const worker = new Worker(url);
  current = worker;
  worker.addEventListener('error', (e) => {
    e.preventDefault();
    onFailed(`The in-browser engine did not load (${e.message || 'the script failed'}).`);
  });
  // Kept alive until the run ends: a worker nothing refers to may be collected.
  const unsubscribe = useRun.subscribe((s) => {
    if (s.runId !== runId || isActive(s.status)) return;
    unsubscribe();
    setTimeout(() => {
      worker.terminate();
      if (current === worker) current = null;
    }, 2000);
  });
}
