import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { connect as tcp, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import WebSocket from 'ws';
import { appPaths } from '../../main/service/paths';
import { LIMITS } from '../../main/web/connection';
import { startWebHost, type WebHost, type WebHostOptions } from '../../main/web/server';
import { ROOT } from './helpers';

/** A host over a fresh workspace and data folder, for one test file. */
export async function testHost(extra: Partial<WebHostOptions> = {}): Promise<{ host: WebHost; root: string; workspace: string; cleanup: () => Promise<void> }> {
  const root = mkdtempSync(join(tmpdir(), 'layerlab-web-'));
  const workspace = join(root, 'workspace');
  mkdirSync(workspace);
  const host = await startWebHost({ paths: appPaths(ROOT), version: '9.9.9', port: 0, workspace, dataDir: join(root, 'data'), ...extra });
  return {
    host,
    root,
    workspace,
    cleanup: async () => {
      await host.close();
      rmSync(root, { recursive: true, force: true });
    },
  };
}

export const portOf = (host: WebHost): number => Number(new URL(host.origin).port);
export const cookieFor = (host: WebHost): string => `layerlab_${portOf(host)}=${host.token}`;

/** A WebSocket the way the UI opens one: same Origin, the cookie from the token exchange. */
export function connect(host: WebHost, opts: { origin?: string | null; cookie?: string | null } = {}): Promise<WebSocket> {
  const headers: Record<string, string> = {};
  const cookie = opts.cookie === undefined ? cookieFor(host) : opts.cookie;
  if (cookie) headers.cookie = cookie;
  const origin = opts.origin === undefined ? host.origin : opts.origin;
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`ws://127.0.0.1:${portOf(host)}/ws`, { headers, ...(origin ? { origin } : {}) });
    ws.once('open', () => resolve(ws));
    ws.once('unexpected-response', (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)));
    ws.once('error', reject);
  });
}

export interface Reply {
  t: 'reply';
  id: number;
  ok: boolean;
  reply?: unknown;
  error?: string;
}

/** Sends one frame and waits for the reply with its id (events in between are skipped). */
export function call(ws: WebSocket, frame: { id: number; kind: string; payload: unknown }): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const onMessage = (data: WebSocket.RawData) => {
      const msg = JSON.parse((data as Buffer).toString()) as Partial<Reply>;
      if (msg.t !== 'reply' || msg.id !== frame.id) return;
      ws.off('message', onMessage);
      ws.off('close', onClose);
      resolve(msg as Reply);
    };
    const onClose = (code: number) => reject(new Error(`closed ${code}`));
    ws.on('message', onMessage);
    ws.once('close', onClose);
    ws.send(JSON.stringify(frame));
  });
}

/** A raw HTTP exchange: whatever bytes we like, and the first status line back (or '' when closed without one). */
export function rawRequest(host: WebHost, text: string | Buffer): Promise<string> {
  return new Promise((resolve) => {
    const socket = tcp(portOf(host), '127.0.0.1');
    let got = '';
    socket.on('data', (d) => (got += d.toString('latin1')));
    // A refused socket may be reset; that is an answer, not a failure.
    socket.on('error', () => undefined);
    socket.on('close', () => resolve(got));
    socket.write(text);
    setTimeout(() => socket.end(), 300).unref();
  });
}

export function upgradeText(host: WebHost, target = '/ws', extra: Record<string, string | null> = {}): string {
  const headers: Record<string, string | null> = {
    Host: `127.0.0.1:${portOf(host)}`,
    Upgrade: 'websocket',
    Connection: 'Upgrade',
    'Sec-WebSocket-Key': 'dGhlIHNhbXBsZSBub25jZQ==',
    'Sec-WebSocket-Version': '13',
    Origin: host.origin,
    Cookie: cookieFor(host),
    ...extra,
  };
  const lines = Object.entries(headers)
    .filter(([, v]) => v !== null)
    .map(([k, v]) => `${k}: ${v}`);
  return `GET ${target} HTTP/1.1\r\n${lines.join('\r\n')}\r\n\r\n`;
}

/** A socket past the WebSocket handshake, for frames written by hand. */
export function rawSocket(host: WebHost): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = tcp(portOf(host), '127.0.0.1');
    // A refused socket may be reset; that is an answer, not a failure.
    socket.on('error', () => undefined);
    socket.once('data', (d) => (d.toString().startsWith('HTTP/1.1 101') ? resolve(socket) : reject(new Error(d.toString().split('\r\n')[0]))));
    socket.write(upgradeText(host));
  });
}

export interface FrameOptions {
  fin?: boolean;
  rsv?: number;
  mask?: boolean;
  /** Claim this length in the header instead of the payload's. */
  length?: number;
}

/** One WebSocket frame, built byte by byte (RFC 6455 §5.2), so every rule can be broken on purpose. */
export function frame(opcode: number, payload: Buffer, o: FrameOptions = {}): Buffer {
  const mask = o.mask ?? true;
  const length = o.length ?? payload.length;
  const head: number[] = [((o.fin ?? true) ? 0x80 : 0) | ((o.rsv ?? 0) << 4) | opcode];
  const m = mask ? 0x80 : 0;
  if (length < 126) head.push(m | length);
  else if (length < 65536) head.push(m | 126, length >> 8, length & 255);
  else {
    head.push(m | 127);
    const big = Buffer.alloc(8);
    big.writeBigUInt64BE(BigInt(length));
    head.push(...big);
  }
  if (!mask) return Buffer.concat([Buffer.from(head), payload]);
  const key = Buffer.from([1, 2, 3, 4]);
  const body = Buffer.from(payload.map((b, i) => b ^ key[i % 4]!));
  return Buffer.concat([Buffer.from(head), key, body]);
}

/** Writes bytes to a handshaken socket and resolves when the host closes it (or after `ms`). */
export function sendRaw(socket: Socket, bytes: Buffer, ms = 2000): Promise<'closed' | 'open'> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve('open'), ms);
    socket.once('close', () => {
      clearTimeout(timer);
      resolve('closed');
    });
    socket.write(bytes);
  });
}

const text = (s: string) => Buffer.from(s);

/** Each breaks one rule of RFC 6455; each once ended the host with "Unhandled 'error' event". */
export const PROTOCOL_VIOLATIONS: [string, () => Buffer][] = [
  ['a message over the size limit', () => frame(1, Buffer.alloc(0), { length: LIMITS.maxPayload + 1 })],
  ['invalid UTF-8 in a text frame', () => frame(1, Buffer.from([0x7b, 0xff, 0xfe, 0x7d]))],
  ['a reserved bit set', () => frame(1, text('{}'), { rsv: 4 })],
  ['an unmasked client frame', () => frame(1, text('{}'), { mask: false })],
  ['an unknown opcode', () => frame(3, text('x'))],
  ['a bad close code', () => frame(8, Buffer.from([0x03, 0xe7]))],
  ['a fragmented ping', () => frame(9, text('ping'), { fin: false })],
  ['an oversized ping', () => frame(9, Buffer.alloc(126, 1))],
  ['a stray continuation frame', () => frame(0, text('more'))],
  ['a text frame interrupted by another text frame', () => Buffer.concat([frame(1, text('{"id"'), { fin: false }), frame(1, text('x'))])],
];
