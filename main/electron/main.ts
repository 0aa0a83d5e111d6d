import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, session, shell } from 'electron';
import { homedir } from 'node:os';
import { join } from 'node:path';
import type { HostEvent, MenuCommand, ShellEvent } from '../../app/protocol/events';
import { EVENT_VERSION } from '../../app/protocol/events';
import { readVersion } from '../service/version';
import { appPaths, packageRoot } from '../service/paths';
import { createService } from '../service/service';
import { aboutMessage } from './about';
import { registerAppScheme, serveApp } from './app-protocol';
import { nativeDialogs, type DialogLike } from './dialogs';
import { FileGrants } from './file-grants';
import { EVENT_CHANNEL, registerIpc, SHELL_CHANNEL } from './ipc';
import { projectArgument } from './launch-file';
import { menuTemplate } from './menu';
import { projectOpener } from './opener';
import { RecentFiles } from './recent';
import { APP_FILES, missingRuntimeFiles, runtimeFiles, tfjsVersion } from './runtime-paths';
import { denyPermissions, hardenApp } from './security';
import { stateFiles } from './state-files';
import { utilityEngine } from './utility-engine';
import { createMainWindow } from './window';
import { computeWindowOpener } from './compute-window';

// Before anything else, and before ready: the privileged scheme, the sandbox, the hooks.
registerAppScheme(protocol);
hardenApp(app, shell, (what, detail) => console.warn(`LayerLab refused ${what}${detail ? `: ${detail}` : ''}`));

const paths = appPaths(packageRoot(__dirname));
const version = readVersion(paths.root);
const state = stateFiles(app.getPath('userData'));
const grants = new FileGrants(state.grants() ?? undefined, state.saveGrants, [homedir()]);
const recent = new RecentFiles(state.recent(), state.saveRecent);
let win: BrowserWindow | null = null;
let pageReady = false;

const sendShell = (event: ShellEvent) => win?.webContents.send(SHELL_CHANNEL, event);
const command = (c: MenuCommand) => sendShell({ v: EVENT_VERSION, type: 'menu.command', command: c });

function remember(path: string): void {
  recent.add(path);
  app.addRecentDocument(path);
  buildMenu();
}

const parented: DialogLike = {
  showOpenDialog: (o) => (win ? dialog.showOpenDialog(win, o) : dialog.showOpenDialog(o)),
  showSaveDialog: (o) => (win ? dialog.showSaveDialog(win, o) : dialog.showSaveDialog(o)),
};

const service = createService({
  host: 'electron',
  version,
  paths,
  // Runs are recorded beside the app's other per-user state.
  dataDir: app.getPath('userData'),
  launchEngine: utilityEngine(paths.engine),
  emit: (event: HostEvent) => win?.webContents.send(EVENT_CHANNEL, event),
  dialogs: nativeDialogs({ dialog: parented, grants, owner: () => win?.webContents.id ?? null, opened: remember }),
  // WebGPU runs compute in Chromium: a hidden window's worker (Dawn cannot load in Electron's processes).
  openComputeWindow: (runId) => openComputeWindow(runId),
});
const openComputeWindow = computeWindowOpener({
  preload: join(paths.root, APP_FILES.computePreload),
  attach: (runId, peer) => service.runs.attachCompute(runId, peer),
});

const opener = projectOpener({
  grants,
  ready: () => (win && pageReady ? win.webContents.id : null),
  send: sendShell,
  opened: remember,
  failed: (path, message) => {
    recent.remove(path);
    buildMenu();
    dialog.showErrorBox('Could not open the project', `${path}\n\n${message}`);
  },
});

function showAbout(): void {
  const about = aboutMessage(app.getName(), {
    app: version,
    electron: process.versions.electron,
    chrome: process.versions.chrome,
    node: process.versions.node,
    tfjs: tfjsVersion(paths.root),
  });
  const options = { type: 'info' as const, title: `About ${app.getName()}`, buttons: ['OK'], ...about };
  void (win ? dialog.showMessageBox(win, options) : dialog.showMessageBox(options));
}

function buildMenu(): void {
  const actions = {
    command,
    openRecent: (path: string) => void opener.open(path),
    clearRecent: () => {
      recent.clear();
      app.clearRecentDocuments();
      buildMenu();
    },
    about: showAbout,
  };
  Menu.setApplicationMenu(
    Menu.buildFromTemplate(menuTemplate({ appName: app.getName(), platform: process.platform, packaged: app.isPackaged, recent: recent.files, actions })),
  );
}

registerIpc({ ipcMain, main: () => win?.webContents ?? null, grants, handle: (kind, payload) => service.handle(kind, payload) });

function createWindow(): void {
  pageReady = false;
  const w = createMainWindow({
    preload: join(paths.root, APP_FILES.preload),
    icon: join(paths.root, APP_FILES.icon),
    saved: state.windowState(),
    saveState: state.saveWindowState,
  });
  const id = w.webContents.id;
  win = w;
  w.webContents.on('did-finish-load', () => {
    pageReady = true;
    void opener.flush();
  });
  // Closing mid-run asks first, then stops the engine cleanly.
  w.on('close', (e) => {
    if (!service.runs.busy) return;
    const choice = dialog.showMessageBoxSync(w, {
      type: 'question',
      buttons: ['Stop training and close', 'Keep training'],
      defaultId: 1,
      cancelId: 1,
      message: 'A model is still training.',
      detail: 'Closing the window stops the run.',
    });
    if (choice === 1) e.preventDefault();
    else service.runs.stopAll();
  });
  w.on('closed', () => {
    grants.forget(id);
    if (win === w) win = null;
  });
}

/** A file from the OS or a second launch; on macOS the app may be running with no window, so one opens for it. */
function openHere(path: string): void {
  void opener.open(path);
  if (!win && app.isReady()) createWindow();
}

// A second launch hands its file to this one and quits; this window comes to the front.
if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', (_event, argv, cwd) => {
    if (win) {
      if (win.isMinimized()) win.restore();
      win.focus();
    }
    const file = projectArgument(argv, cwd);
    if (file) openHere(file);
  });
  // macOS hands files over by event, also before ready.
  app.on('open-file', (event, path) => {
    event.preventDefault();
    openHere(path);
  });
  const fromLaunch = projectArgument(process.argv, process.cwd());
  if (fromLaunch) void opener.open(fromLaunch);

  void app.whenReady().then(() => {
    const missing = missingRuntimeFiles(
      paths.root,
      runtimeFiles().filter((f) => f.essential),
    );
    if (missing.length > 0) {
      dialog.showErrorBox('LayerLab is incomplete', `Reinstall LayerLab. Missing:\n${missing.map((f) => `${f.what} (${f.path})`).join('\n')}`);
      app.quit();
      return;
    }
    denyPermissions(session.defaultSession);
    serveApp(protocol, paths.renderer);
    buildMenu();
    createWindow();
    app.on('activate', () => {
      if (BrowserWindow.getAllWindows().length === 0) createWindow();
    });
  });
}

/** How long quitting waits for a stopped run to write its record, so it reads as stopped, not interrupted. */
const QUIT_WAIT_MS = 5000;

app.on('window-all-closed', () => {
  if (process.platform === 'darwin') return;
  void Promise.race([service.runs.idle(), new Promise((resolve) => setTimeout(resolve, QUIT_WAIT_MS))]).then(() => app.quit());
});
