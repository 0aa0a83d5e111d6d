import { networkInterfaces } from 'node:os';
import { resolve } from 'node:path';
import type { AppPaths } from '../service/paths';
import { isLoopback } from '../web/auth';
import { exposureWarning, startWebHost } from '../web/server';
import { CliError } from './errors';

export interface ServeOptions {
  readonly port?: string | undefined;
  readonly host?: string | undefined;
  readonly workspace?: string | undefined;
  readonly dataDir: string;
  readonly version: string;
}

export const DEFAULT_PORT = 4510;

export function parsePort(value: string | undefined): number {
  if (value === undefined) return DEFAULT_PORT;
  const n = Number(value);
  if (!/^\d+$/.test(value) || !Number.isInteger(n) || n > 65535)
    throw new CliError(`--port must be a whole number from 0 to 65535, got "${value.slice(0, 40)}"`);
  return n;
}

/** Words for the errors listen() gives, instead of a stack trace. */
function listenError(e: NodeJS.ErrnoException, host: string, port: number): CliError {
  const where = `${host}:${port}`;
  switch (e.code) {
    case 'EADDRINUSE':
      return new CliError(`port ${port} is in use on ${host}; stop the other server or choose another --port`);
    case 'EACCES':
      return new CliError(`not allowed to listen on ${where} (ports below 1024 need privileges); choose another --port`);
    case 'EADDRNOTAVAIL':
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return new CliError(`--host ${host} is not an address of this machine`);
    default:
      return new CliError(`cannot listen on ${where}: ${e.message}`);
  }
}

/** The printed link at each of this machine's external IPv4 addresses (all of them for a wildcard bind). */
function networkUrls(hostname: string, url: string): string[] {
  const u = new URL(url);
  const wildcard = hostname === '0.0.0.0' || hostname === '::';
  const addresses: string[] = [];
  if (wildcard) for (const a of Object.values(networkInterfaces()).flat()) if (a?.family === 'IPv4' && !a.internal) addresses.push(a.address);
  return addresses.map((address) => {
    u.hostname = address;
    return u.toString();
  });
}

/**
 * `layerlab serve`: the web host until Ctrl+C or SIGTERM. The token comes from $LAYERLAB_TOKEN when set
 * (tests and scripted launches; an environment variable, unlike an argument, is not shown by `ps`).
 */
export async function serveCommand(opts: ServeOptions, paths: AppPaths, out: (line: string) => void, err: (line: string) => void): Promise<number> {
  const port = parsePort(opts.port);
  const hostname = opts.host ?? '127.0.0.1';
  const workspace = resolve(opts.workspace ?? process.cwd());
  const warning = exposureWarning(hostname, workspace);
  if (warning) err(warning);
  let host;
  try {
    host = await startWebHost({
      paths,
      dataDir: opts.dataDir,
      version: opts.version,
      port,
      host: hostname,
      workspace,
      ...(process.env.LAYERLAB_TOKEN ? { token: process.env.LAYERLAB_TOKEN } : {}),
    });
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw typeof code === 'string' ? listenError(e as NodeJS.ErrnoException, hostname, port) : new CliError((e as Error).message);
  }
  out(`LayerLab is running at ${host.url}`);
  // A lab server is opened from other machines: give them the addresses to type, token included.
  if (!isLoopback(hostname)) for (const url of networkUrls(hostname, host.url)) out(`  from other machines: ${url}`);
  out(`Data is read from and uploaded into ${host.workspace}`);
  out('Press Ctrl+C to stop.');
  await new Promise<void>((done) => process.once('SIGINT', done).once('SIGTERM', done));
  await host.close();
  return 0;
}
