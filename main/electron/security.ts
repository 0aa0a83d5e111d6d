import { APP_ORIGIN } from './app-protocol';
import { openExternally, type ShellLike } from './external-links';

/**
 * Electron's security checklist, app-wide. The functions take Electron's objects (or any object
 * with the same few members), so the unit tests run them against fakes: the Electron binary is
 * not available everywhere the tests run.
 */

export interface PreventableEvent {
  preventDefault(): void;
}

/** The members of WebContents the hardening uses. */
export interface ContentsLike {
  on(event: 'will-navigate' | 'will-redirect' | 'will-frame-navigate', listener: (event: PreventableEvent & { url: string }) => void): unknown;
  on(event: 'will-attach-webview', listener: (event: PreventableEvent) => void): unknown;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void;
}

export interface SecureApp {
  enableSandbox(): void;
  on(event: 'web-contents-created', listener: (event: unknown, contents: ContentsLike) => void): unknown;
  on(event: 'session-created', listener: (session: PermissionSession) => void): unknown;
}

export interface PermissionSession {
  setPermissionRequestHandler(
    handler: (contents: unknown, permission: string, callback: (granted: boolean) => void, details: { requestingUrl?: string }) => void,
  ): void;
  setPermissionCheckHandler(handler: (contents: unknown, permission: string, requestingOrigin: string) => boolean): void;
  setDevicePermissionHandler(handler: () => boolean): void;
}

/** What a log line needs; the shell logs refusals so a denied feature is explainable. */
export type Refusal = (what: string, detail: string) => void;

const quietly: Refusal = () => undefined;

/**
 * Every web contents, ours or not, may not navigate, be redirected, navigate a frame, open a
 * window or attach a <webview>. The UI is one page that never leaves app://layerlab/index.html;
 * https links it opens (window.open, target=_blank, or a plain link) go to the system browser
 * after a check, and nothing else leaves the app.
 */
export function hardenContents(contents: ContentsLike, shell: ShellLike, refused: Refusal = quietly): void {
  contents.on('will-navigate', (event) => {
    event.preventDefault();
    if (!openExternally(shell, event.url)) refused('navigation', event.url);
  });
  contents.on('will-redirect', (event) => {
    event.preventDefault();
    refused('redirect', event.url);
  });
  contents.on('will-frame-navigate', (event) => {
    event.preventDefault();
    refused('frame navigation', event.url);
  });
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
    refused('webview', '');
  });
  contents.setWindowOpenHandler(({ url }) => {
    if (!openExternally(shell, url)) refused('window.open', url);
    return { action: 'deny' };
  });
}

/**
 * The one permission granted, and only to our page: writing sanitized text to the clipboard (a
 * "Copy" button for exported code). Reading the clipboard, and everything else, stays denied.
 */
const GRANTED = new Set(['clipboard-sanitized-write']);

/** A URL or origin on app://layerlab (compared by parts: Node's URL gives a non-special scheme the origin "null"). */
const ours = (url: string | undefined) => {
  try {
    const u = new URL(url ?? '');
    return `${u.protocol}//${u.host}` === APP_ORIGIN;
  } catch {
    return false;
  }
};

/** No camera, microphone, notifications, geolocation, HID, serial, USB or anything else: LayerLab needs none. */
export function denyPermissions(session: PermissionSession, refused: Refusal = quietly): void {
  session.setPermissionRequestHandler((_contents, permission, callback, details) => {
    const granted = GRANTED.has(permission) && ours(details.requestingUrl);
    if (!granted) refused('permission request', permission);
    callback(granted);
  });
  session.setPermissionCheckHandler((_contents, permission, requestingOrigin) => GRANTED.has(permission) && ours(requestingOrigin));
  session.setDevicePermissionHandler(() => false);
}

/**
 * Before the app is ready: every renderer sandboxed, and every web contents and session, the
 * default one included, hardened as soon as it exists.
 */
export function hardenApp(app: SecureApp, shell: ShellLike, refused: Refusal = quietly): void {
  app.enableSandbox();
  app.on('web-contents-created', (_event, contents) => {
    hardenContents(contents, shell, refused);
  });
  app.on('session-created', (session) => {
    denyPermissions(session, refused);
  });
}

/**
 * The only webPreferences a LayerLab window is made with. `background`: a hidden window that computes
 * (main/electron/compute-window.ts), which Chromium would otherwise throttle like a background tab.
 */
export function secureWebPreferences(preload: string, opts: { readonly background?: boolean } = {}) {
  return {
    preload,
    ...(opts.background ? { backgroundThrottling: false } : {}),
    contextIsolation: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    sandbox: true,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    experimentalFeatures: false,
    navigateOnDragDrop: false,
    spellcheck: false,
  } as const;
}
