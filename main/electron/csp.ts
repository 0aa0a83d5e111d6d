/**
 * The desktop UI's Content-Security-Policy, sent as a response header by the app:// protocol.
 * The same policy as the web host's, less its WebSocket: the desktop page talks to the main
 * process over IPC only, so `connect-src` is the page's own origin. What the built renderer needs
 * (read from renderer/index.html and Vite's output): module scripts and a stylesheet from its own
 * origin; inline style attributes (React Flow positions nodes with them); data: and blob: images
 * (run samples, chart snapshots). Nothing else: no eval, no workers, no frames, no plugins.
 */
export const DESKTOP_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'none'",
  "frame-src 'none'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** The compute page and its worker (main/electron/compute-window.ts): the same, plus the engine's worker from the app's own origin. */
export const COMPUTE_CSP = DESKTOP_CSP.replace("worker-src 'none'", "worker-src 'self'");

/** The files served with COMPUTE_CSP; every other page keeps workers off. */
export const COMPUTE_FILES: ReadonlySet<string> = new Set(['compute.html', 'compute-host.js', 'compute-worker.js']);
