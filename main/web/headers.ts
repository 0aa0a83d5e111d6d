import type { ServerResponse } from 'node:http';

/**
 * The policy the UI needs and nothing more: its own scripts, Tailwind's inline styles, data:/blob: images
 * (previews, charts), the WebSocket back to this very host, and nothing may frame it.
 */
export function contentSecurityPolicy(wsOrigin: string): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    `connect-src 'self' ${wsOrigin}`,
    "frame-ancestors 'none'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
  ].join('; ');
}

/** Set on every response, errors and refusals included. `host` is a Host header already checked. */
export function setSecurityHeaders(res: ServerResponse, host: string | undefined): void {
  res.setHeader('content-security-policy', contentSecurityPolicy(host ? `ws://${host}` : ''));
  res.setHeader('x-content-type-options', 'nosniff');
  res.setHeader('referrer-policy', 'no-referrer');
  res.setHeader('cross-origin-opener-policy', 'same-origin');
  res.setHeader('cross-origin-resource-policy', 'same-origin');
  res.setHeader('x-frame-options', 'DENY');
}

/** A short plain-text answer; never echoes what was asked. */
export function plain(res: ServerResponse, status: number, text: string): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' }).end(text);
}
