import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import type { HostEvent } from '../../app/protocol/events';
import type { ServerFrame } from '../../app/protocol/wire';
import { forkEngine } from '../service/fork-engine';
import { defaultDataDir, type AppPaths } from '../service/paths';
import { createService } from '../service/service';
import { Workspace } from '../service/workspace';
import { allowedHosts, checkToken, Gate, isLoopback, newToken } from './auth';
import { InFlight, LIMITS, serveConnection } from './connection';
import { plain, setSecurityHeaders } from './headers';
import { serveStatic } from './static';
import { uploadHandler } from './upload';
import { serveComputeSocket } from './compute-socket';
import { MAX_COMPUTE_FRAME } from '../../app/protocol/engine';

export interface WebHostOptions {
  readonly paths: AppPaths;
  readonly version: string;
  readonly port: number;
  readonly host?: string;
  /** Where runs are recorded; defaults to $LAYERLAB_DATA_DIR or ~/.layerlab. */
  readonly dataDir?: string;
  /** The only folder data is read from and uploaded into; default the current directory. */
  readonly workspace?: string;
  /** The start token; a fresh random one unless given (tests, scripted launches). */
  readonly token?: string;
}

export interface WebHost {
  /** The address to open, token included. */
  readonly url: string;
  /** The same without the token. */
  readonly origin: string;
  readonly token: string;
  readonly workspace: string;
  close(): Promise<void>;
}

/** How long closing waits for a stopping run to write its record. */
const CLOSE_WAIT_MS = 5000;

/** What a non-loopback `--host` exposes; printed by `serve` before it listens. */
export function exposureWarning(host: string, workspace: string): string | null {
  if (isLoopback(host)) return null;
  return (
    `warning: --host ${host} makes LayerLab reachable from other machines. Anyone with the link (token included) can ` +
    `train on this computer, read and upload data in ${workspace}, and see the runs recorded for this account.`
  );
}

function parsedUrl(raw: string | undefined): URL | null {
  try {
    return new URL(raw ?? '/', 'http://localhost');
  } catch {
    return null;
  }
}

/** HTTP for the renderer, a WebSocket at /ws for the contract, POST /upload for data; all behind the token. */
export async function startWebHost(opts: WebHostOptions): Promise<WebHost> {
  const token = opts.token === undefined ? newToken() : checkToken(opts.token);
  const workspace = new Workspace(opts.workspace ?? process.cwd());
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
    workspace,
  });
  const hostname = opts.host ?? '127.0.0.1';
  let port = opts.port;
  let hosts = new Set<string>();
  const gate = new Gate(
    token,
    () => hosts,
    () => port,
  );
  const upload = uploadHandler(workspace);

  const onRequest = async (req: IncomingMessage, res: ServerResponse) => {
    setSecurityHeaders(res, gate.hostOk(req) ? req.headers.host : undefined);
    const url = parsedUrl(req.url);
    if (!url) {
      plain(res, 400, 'Bad request target.');
      return;
    }
    const given = url.searchParams.get('token');
    if (given !== null && gate.hostOk(req)) {
      if (!gate.tokenMatches(given)) {
        plain(res, 401, 'That token is not this server’s. Open the link it printed when it started.');
        return;
      }
      // The token leaves the address bar (and history) at once; the cookie carries it from now on.
      url.searchParams.delete('token');
      res.writeHead(302, { 'set-cookie': gate.setCookie(), location: `${url.pathname}${url.search}`, 'cache-control': 'no-store' }).end();
      return;
    }
    const isUpload = url.pathname === '/upload';
    const refused = gate.check(req, isUpload);
    if (refused) {
      plain(res, refused.status, refused.reason);
      return;
    }
    if (isUpload) {
      if (req.method !== 'POST') {
        plain(res, 405, 'Upload with POST.');
        return;
      }
      return upload(req, res, url.searchParams.get('name'));
    }
    return serveStatic(opts.paths.renderer, req, res);
  };
  const server: Server = createServer((req, res) => {
    onRequest(req, res).catch(() => plain(res, 500, 'The server could not answer this request.'));
  });
  const wss = new WebSocketServer({ noServer: true, maxPayload: LIMITS.maxPayload });
  // A browser computing a run sends its checkpoints: larger frames than the contract's, from one socket per run.
  const computeWss = new WebSocketServer({ noServer: true, maxPayload: MAX_COMPUTE_FRAME });
  const refuse = (socket: Duplex, status: number, reason: string) => {
    socket.end(`HTTP/1.1 ${status} ${reason}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
    socket.destroy();
  };
  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    // A reset mid-handshake is an 'error' on the raw socket; without a listener it would end the host.
    socket.on('error', () => socket.destroy());
    const url = parsedUrl(req.url);
    if (url?.pathname !== '/ws' && url?.pathname !== '/compute') {
      refuse(socket, url ? 404 : 400, url ? 'Not Found' : 'Bad Request');
      return;
    }
    const refused = gate.check(req, true);
    if (refused) {
      refuse(socket, refused.status, refused.status === 401 ? 'Unauthorized' : refused.status === 400 ? 'Bad Request' : 'Forbidden');
      return;
    }
    try {
      if (url.pathname === '/compute') {
        const runId = url.searchParams.get('run');
        computeWss.handleUpgrade(req, socket, head, (ws) => serveComputeSocket(ws, runId, (id, peer) => service.runs.attachCompute(id, peer)));
      } else wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws));
    } catch {
      socket.destroy();
    }
  });
  const inFlight = new InFlight();
  wss.on('connection', (ws: WebSocket) => {
    sockets.add(ws);
    ws.on('close', () => sockets.delete(ws));
    serveConnection(ws, (kind, payload) => service.handle(kind, payload), inFlight);
  });
  // Errors belong to single connections (handled there); the server itself must not die of one.
  wss.on('error', () => undefined);

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port, hostname, () => resolve());
  });
  server.on('error', () => undefined);
  port = (server.address() as AddressInfo).port;
  hosts = allowedHosts(hostname, port);
  // A wildcard bind is reached from this machine at loopback; show the address a browser here can open.
  const shown = hostname === '0.0.0.0' || hostname === '::' ? '127.0.0.1' : hostname.includes(':') ? `[${hostname}]` : hostname;
  const origin = `http://${shown}:${port}`;
  if (!hosts.has(`${shown}:${port}`)) hosts.add(`${shown}:${port}`);
  return {
    url: `${origin}/?token=${token}`,
    origin,
    token,
    workspace: workspace.root,
    close: async () => {
      // A run in progress is stopped and recorded as stopped, not left to read as interrupted.
      service.runs.stopAll();
      await Promise.race([service.runs.idle(), new Promise((resolve) => setTimeout(resolve, CLOSE_WAIT_MS).unref())]);
      for (const ws of sockets) ws.terminate();
      server.closeAllConnections();
      computeWss.close();
      await new Promise<void>((resolve) => wss.close(() => server.close(() => resolve())));
    },
  };
}
