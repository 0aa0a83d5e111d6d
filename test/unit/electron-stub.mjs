// A stand-in for the `electron` module, so the real bundled main process (dist/main/electron.cjs)
// runs under plain Node: it records what the main process asks of Electron, then plays a few
// events (a foreign IPC sender, our page, a navigation, a second launch) and writes what happened
// to $STUB_OUT. Loaded with `node --import`; it answers require('electron') and nothing else.
import Module from 'node:module';
import { writeFileSync } from 'node:fs';

const log = [];
let ready = false;

class Emitter {
  constructor() {
    this.listeners = {};
  }
  on(event, listener) {
    (this.listeners[event] ??= []).push(listener);
    return this;
  }
  once(event, listener) {
    return this.on(event, listener);
  }
  emit(event, ...args) {
    for (const l of this.listeners[event] ?? []) l(...args);
  }
}

const app = new Emitter();
Object.assign(app, {
  isPackaged: false,
  enableSandbox: () => log.push(['enableSandbox', { ready }]),
  getPath: () => process.env.STUB_USERDATA,
  getName: () => 'LayerLab',
  requestSingleInstanceLock: () => true,
  isReady: () => ready,
  addRecentDocument: (p) => log.push(['addRecentDocument', p]),
  clearRecentDocuments: () => undefined,
  quit: () => log.push(['quit']),
  whenReady: () =>
    new Promise((resolve) =>
      setTimeout(() => {
        ready = true;
        resolve();
      }, 10),
    ),
});

let appHandler = null;
const protocol = {
  registerSchemesAsPrivileged: (schemes) => log.push(['registerSchemesAsPrivileged', { ready, schemes }]),
  handle: (scheme, handler) => {
    appHandler = handler;
    log.push(['protocol.handle', { ready, scheme }]);
  },
};

const defaultSession = {
  setPermissionRequestHandler: (h) => log.push(['permissionRequest', typeof h]),
  setPermissionCheckHandler: (h) => log.push(['permissionCheck', h(null, 'media')]),
  setDevicePermissionHandler: (h) => log.push(['devicePermission', h()]),
};

const ipcHandlers = {};
const windows = [];

class WebContents extends Emitter {
  constructor() {
    super();
    this.id = 1;
    this.mainFrame = { url: '' };
    this.openHandler = null;
  }
  isDestroyed() {
    return false;
  }
  setWindowOpenHandler(h) {
    this.openHandler = h;
  }
  send(channel, event) {
    log.push(['send', channel, event]);
  }
}

class BrowserWindow extends Emitter {
  constructor(options) {
    super();
    log.push(['BrowserWindow', options]);
    this.webContents = new WebContents();
    windows.push(this);
    app.emit('web-contents-created', {}, this.webContents);
  }
  static getAllWindows() {
    return windows;
  }
  loadURL(url) {
    log.push(['loadURL', url]);
    this.webContents.mainFrame.url = url;
    setTimeout(() => {
      this.webContents.emit('did-finish-load');
      // The page is up: play the events once the main process has handled its load.
      setTimeout(start, 20);
    }, 5);
    return Promise.resolve();
  }
  maximize() {
    log.push(['maximize']);
  }
  show() {
    log.push(['show']);
  }
  isMinimized() {
    return false;
  }
  focus() {
    log.push(['focus']);
  }
  getNormalBounds() {
    return { x: 0, y: 0, width: 1440, height: 900 };
  }
  isMaximized() {
    return false;
  }
}

const electron = {
  app,
  protocol,
  session: { defaultSession },
  shell: { openExternal: (url) => (log.push(['openExternal', url]), Promise.resolve()) },
  ipcMain: { handle: (channel, h) => (ipcHandlers[channel] = h) },
  Menu: { buildFromTemplate: (t) => t, setApplicationMenu: (m) => log.push(['menu', m.map((i) => i.label ?? i.role)]) },
  screen: {
    getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }],
    getPrimaryDisplay: () => ({ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }),
  },
  dialog: { showErrorBox: (title, message) => log.push(['showErrorBox', title, message]) },
  utilityProcess: { fork: () => ({}) },
  BrowserWindow,
};

const resolve = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  return request === 'electron' ? 'electron-stub' : resolve.call(this, request, ...rest);
};
Module._cache['electron-stub'] = { id: 'electron-stub', filename: 'electron-stub', loaded: true, exports: electron };

async function play() {
  const win = windows[0];
  const contents = win.webContents;
  const request = ipcHandlers['layerlab:request'];
  const outcome = async (event, kind) =>
    request(event, kind, {}).then(
      (r) => ({ ok: r }),
      (e) => ({ error: e.message }),
    );
  log.push(['ipc foreign', await outcome({ sender: new WebContents(), senderFrame: { url: 'app://layerlab/index.html' } }, 'app.info')]);
  log.push(['ipc subframe', await outcome({ sender: contents, senderFrame: { url: contents.mainFrame.url } }, 'app.info')]);
  log.push(['ipc ours', await outcome({ sender: contents, senderFrame: contents.mainFrame }, 'app.info')]);
  const page = await appHandler(new Request('app://layerlab/index.html'));
  log.push(['app://', { status: page.status, type: page.headers.get('content-type'), csp: page.headers.get('content-security-policy') }]);
  const escape = await appHandler(new Request('app://layerlab/..%2f..%2fpackage.json'));
  log.push(['app:// escape', escape.status]);
  const nav = {
    url: 'https://example.com/',
    prevented: false,
    preventDefault() {
      this.prevented = true;
    },
  };
  contents.emit('will-navigate', nav);
  log.push(['will-navigate', nav.prevented]);
  log.push(['window.open', contents.openHandler({ url: 'file:///etc/passwd' })]);
  app.emit('second-instance', {}, ['layerlab', process.env.STUB_PROJECT], '/');
  await new Promise((r) => setTimeout(r, 100));
  writeFileSync(process.env.STUB_OUT, JSON.stringify(log));
  process.exit(0);
}

function start() {
  play().catch((e) => {
    writeFileSync(process.env.STUB_OUT, JSON.stringify([...log, ['crash', String(e.stack)]]));
    process.exit(1);
  });
}

// A main process that never opens its window would leave nothing to play: say so instead of hanging.
setTimeout(() => {
  writeFileSync(process.env.STUB_OUT, JSON.stringify([...log, ['crash', 'no window was loaded within 20 s']]));
  process.exit(1);
}, 20_000);
