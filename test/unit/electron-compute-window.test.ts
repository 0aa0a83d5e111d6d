import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { ComputeAttachment, ComputePeer } from '../../main/service/compute-link';

/** Electron's BrowserWindow and MessageChannelMain, faked: what the opener made and did. */
const made = vi.hoisted(() => ({ windows: [] as FakeWindow[], ports: [] as FakePort[] }));

interface FakePort {
  readonly listeners: Map<string, (e: { data: unknown }) => void>;
  readonly sent: unknown[];
  closed: boolean;
  started: boolean;
}
interface FakeWindow {
  readonly options: { show: boolean; webPreferences: Record<string, unknown> };
  readonly contents: Map<string, () => void>;
  readonly posted: unknown[][];
  url: string;
  destroyed: boolean;
}

vi.mock('electron', () => {
  const port = (): FakePort & Record<string, unknown> => {
    const p: FakePort & Record<string, unknown> = { listeners: new Map(), sent: [], closed: false, started: false };
    p.on = (event: string, l: (e: { data: unknown }) => void) => p.listeners.set(event, l);
    p.postMessage = (m: unknown) => p.sent.push(m);
    p.close = () => (p.closed = true);
    p.start = () => (p.started = true);
    return p;
  };
  class BrowserWindow {
    readonly fake: FakeWindow;
    readonly webContents: Record<string, unknown>;
    constructor(options: FakeWindow['options']) {
      this.fake = { options, contents: new Map(), posted: [], url: '', destroyed: false };
      made.windows.push(this.fake);
      const on = (event: string, l: () => void) => this.fake.contents.set(event, l);
      this.webContents = { on, once: on, postMessage: (...args: unknown[]) => this.fake.posted.push(args) };
    }
    loadURL(url: string) {
      this.fake.url = url;
      return Promise.resolve();
    }
    isDestroyed() {
      return this.fake.destroyed;
    }
    destroy() {
      this.fake.destroyed = true;
    }
  }
  class MessageChannelMain {
    readonly port1 = port();
    readonly port2 = port();
    constructor() {
      made.ports.push(this.port1, this.port2);
    }
  }
  return { BrowserWindow, MessageChannelMain };
});

const { computeWindowOpener, COMPUTE_URL } = await import('../../main/electron/compute-window');

function attachment() {
  const log: string[] = [];
  let peer: ComputePeer | null = null;
  const a: ComputeAttachment = { deliver: (f) => log.push(`deliver ${f.length}`), detach: () => log.push('detach') };
  return { log, a, peer: () => peer, attach: (_id: string, p: ComputePeer) => ((peer = p), a) };
}

beforeEach(() => {
  made.windows.length = 0;
  made.ports.length = 0;
});

describe('the desktop compute window (WebGPU in Chromium)', () => {
  it('is hidden, hardened and unthrottled, loads compute.html, and hands its port over once loaded', () => {
    const { attach, log, peer } = attachment();
    computeWindowOpener({ preload: '/app/compute-preload.cjs', attach })('run-1');
    const win = made.windows[0]!;
    expect(win.options.show).toBe(false);
    expect(win.options.webPreferences).toMatchObject({
      preload: '/app/compute-preload.cjs',
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      backgroundThrottling: false,
    });
    expect(win.url).toBe(COMPUTE_URL);
    const [mine, theirs] = made.ports;
    expect(mine!.started).toBe(true);
    expect(win.posted).toHaveLength(0);
    win.contents.get('did-finish-load')!();
    expect(win.posted).toEqual([['layerlab:compute-port', null, [theirs]]]);

    // Bytes from the worker go to the run; anything else is dropped.
    mine!.listeners.get('message')!({ data: Uint8Array.of(1, 2, 3) });
    mine!.listeners.get('message')!({ data: 'not a frame' });
    expect(log).toEqual(['deliver 3']);
    // The engine's frames go to the worker; the run's end closes the port and the window.
    peer()!.send(Uint8Array.of(9));
    expect(mine!.sent).toEqual([Uint8Array.of(9)]);
    peer()!.close();
    expect(mine!.closed).toBe(true);
    expect(win.destroyed).toBe(true);
  });

  it('a crashed or unloadable window ends the run; a run that takes no browser gets no window', () => {
    const { attach, log } = attachment();
    computeWindowOpener({ preload: 'p', attach })('run-2');
    made.windows[0]!.contents.get('render-process-gone')!();
    expect(log).toEqual(['detach']);

    computeWindowOpener({ preload: 'p', attach: () => null })('run-3');
    expect(made.windows[1]!.destroyed).toBe(true);
  });
});
