import { app, BrowserWindow, dialog, ipcMain, type IpcMainInvokeEvent } from 'electron';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { readVersion } from '../service/version';
import { appPaths, packageRoot } from '../service/paths';
import { createService } from '../service/service';
import { nativeDialogs } from './dialogs';
import { utilityEngine } from './utility-engine';

const paths = appPaths(packageRoot(__dirname));
const rendererUrl = pathToFileURL(join(paths.renderer, 'index.html')).href;
let win: BrowserWindow | null = null;

const service = createService({
  host: 'electron',
  version: readVersion(paths.root),
  paths,
  // Runs are recorded beside the app's other per-user state.
  dataDir: app.getPath('userData'),
  launchEngine: utilityEngine(paths.engine),
  emit: (event) => win?.webContents.send('layerlab:event', event),
  dialogs: nativeDialogs(() => win),
});

/** Only our own renderer page may call the service. */
function fromOurRenderer(event: IpcMainInvokeEvent): boolean {
  const url = event.senderFrame?.url ?? '';
  return url.split('#')[0] === rendererUrl && event.sender === win?.webContents;
}

ipcMain.handle('layerlab:request', async (event, kind: unknown, payload: unknown) => {
  if (!fromOurRenderer(event)) throw new Error('Request refused: it did not come from the LayerLab window.');
  return service.handle(kind, payload);
});

function createWindow(): void {
  win = new BrowserWindow({
    width: 1440,
    height: 900,
    minWidth: 960,
    minHeight: 600,
    title: 'LayerLab',
    show: false,
    webPreferences: { preload: join(__dirname, 'preload.cjs'), contextIsolation: true, sandbox: true, nodeIntegration: false },
  });
  win.once('ready-to-show', () => win?.show());
  win.webContents.setWindowOpenHandler(() => ({ action: 'deny' }));
  win.webContents.on('will-navigate', (e, url) => {
    if (url !== rendererUrl) e.preventDefault();
  });
  // Closing mid-run asks first, then stops the engine cleanly.
  win.on('close', (e) => {
    if (!service.runs.busy) return;
    const choice = dialog.showMessageBoxSync(win!, {
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
  win.on('closed', () => {
    win = null;
  });
  void win.loadURL(rendererUrl);
}

app.whenReady().then(() => {
  createWindow();
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) createWindow();
  });
});

/** How long quitting waits for a stopped run to write its record, so it reads as stopped, not interrupted. */
const QUIT_WAIT_MS = 5000;

app.on('window-all-closed', () => {
  if (process.platform === 'darwin') return;
  void Promise.race([service.runs.idle(), new Promise((resolve) => setTimeout(resolve, QUIT_WAIT_MS))]).then(() => app.quit());
});
