/** Fakes of the few Electron objects the shell's modules touch; everything else under test is real. */

type Listener = (...args: never[]) => unknown;

export class FakeEmitter {
  readonly listeners = new Map<string, Listener[]>();
  on(event: string, listener: Listener): this {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
    return this;
  }
  emit(event: string, ...args: unknown[]): void {
    for (const l of this.listeners.get(event) ?? []) (l as (...a: unknown[]) => unknown)(...args);
  }
}

/** An event whose preventDefault is recorded. */
export function preventable(url = '') {
  const e = { url, prevented: false, preventDefault: () => (e.prevented = true) };
  return e;
}

export class FakeContents extends FakeEmitter {
  windowOpenHandler: ((details: { url: string }) => { action: 'deny' }) | null = null;
  readonly mainFrame = { url: 'app://layerlab/index.html' };
  destroyed = false;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void {
    this.windowOpenHandler = handler;
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
}

export class FakeApp extends FakeEmitter {
  sandboxed = false;
  enableSandbox(): void {
    this.sandboxed = true;
  }
}

export class FakeSession {
  request: ((contents: unknown, permission: string, callback: (granted: boolean) => void, details: { requestingUrl?: string }) => void) | null = null;
  check: ((contents: unknown, permission: string, requestingOrigin: string) => boolean) | null = null;
  device: (() => boolean) | null = null;
  setPermissionRequestHandler(h: NonNullable<FakeSession['request']>): void {
    this.request = h;
  }
  setPermissionCheckHandler(h: NonNullable<FakeSession['check']>): void {
    this.check = h;
  }
  setDevicePermissionHandler(h: () => boolean): void {
    this.device = h;
  }
}

export class FakeShell {
  readonly opened: string[] = [];
  openExternal(url: string): Promise<void> {
    this.opened.push(url);
    return Promise.resolve();
  }
}
