import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import type { HostEvent } from '../../app/protocol/events';
import { clientFrameSchema, type ServerFrame } from '../../app/protocol/wire';
import { forkEngine } from '../service/fork-engine';
import { defaultDataDir, type AppPaths } from '../service/paths';
import { createService } from '../service/service';
import { serveStatic } from './static';

export interface WebHostOptions {
  readonly paths: AppPaths;
  readonly version: string;
  readonly port: number;
  readonly host?: string;
  /** Where runs are recorded; defaults to $LAYERLAB_DATA_DIR or ~/.layerlab. */
  readonly dataDir?: string;
}

export interface WebHost {
  readonly url: string;
  close(): Promise<void>;
}

const MAX_FRAME = 16 * 1024 * 1024;
/** How long closing waits for a stopping run to write its record. */
const CLOSE_WAIT_MS = 5000;

/** Only pages served by this host may talk to it: a page on another site cannot drive training here. */
function originAllowed(origin: string | undefined, port: number): boolean {
  if (!origin) return true;
  try {
    const u = new URL(origin);
    return ['127.0.0.1', 'localhost', '[::1]'].includes(u.hostname) && Number(u.port) === port;
  } catch {
    return false;
  }
}

/** HTTP for the renderer, a WebSocket at /ws for the contract; bound to loopback. */
export async function startWebHost(opts: WebHostOptions): Promise<WebHost> {
  const sockets = new Set<WebSocket>();
  const send = (ws: WebSocket, frame: ServerFrame) => {
    if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(frame));
  };
  const broadcast = (event: HostEvent) => sockets.forEach((ws) => send(ws, { t: 'event', event }));
  const service = createService({
    host: 'web',
    version: opts.version,
    paths: opts.paths,
    dataDir: opts.dataDir ?? defaultDataDir(),
    launchEngine: forkEngine(opts.paths.engine),
    emit: broadcast,
  });

  const server: Server = createServer((req, res) => {
    serveStatic(opts.paths.renderer, req, res).catch((e: Error) => {
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' });
      res.end(e.message);
    });
  });
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_FRAME });
  let port = opts.port;
  server.on('upgrade', (req, socket, head) => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    if (path !== '/ws' || !originAllowed(req.headers.origin, port)) {
      socket.write('HTTP/1.1 403 Forbidden\r\n\r\n');
      socket.destroy();
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws));
  });
  wss.on('connection', (ws: WebSocket) => {
    sockets.add(ws);
    ws.on('close', () => sockets.delete(ws));
    ws.on('message', async (data) => {
      let frame;
      try {
        frame = clientFrameSchema.parse(JSON.parse(data.toString()));
      } catch {
        ws.close(1003, 'malformed frame'); return;
      }
      try {
        send(ws, { t: 'reply', id: frame.id, ok: true, reply: await service.handle(frame.kind, frame.payload) });
      } catch (e) {
        send(ws, { t: 'reply', id: frame.id, ok: false, error: (e as Error).message });
      }
    });
  });

  const hostname = opts.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port, hostname, () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  return {
    url: `http://${hostname}:${port}/`,
    close: async () => {
      // A run in progress is stopped and recorded as stopped, not left to read as interrupted.
      service.runs.stopAll();
      await Promise.race([service.runs.idle(), new Promise((resolve) => setTimeout(resolve, CLOSE_WAIT_MS).unref())]);
      for (const ws of sockets) ws.terminate();
      await new Promise<void>((resolve) => wss.close(() => server.close(() => resolve())));
    },
  };
}
