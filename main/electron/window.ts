import { BrowserWindow, screen } from 'electron';
import { existsSync } from 'node:fs';
import { RENDERER_URL } from './app-protocol';
import { secureWebPreferences } from './security';
import { MIN_HEIGHT, MIN_WIDTH, placeWindow, type WindowState } from './window-state';

export interface WindowOptions {
  readonly preload: string;
  readonly icon: string;
  readonly saved: WindowState | null;
  readonly saveState: (state: WindowState) => void;
}

/** The main window: secure preferences only, placed where it was last (on a display that is still there), our page from app://. */
export function createMainWindow(o: WindowOptions): BrowserWindow {
  const { bounds, maximized } = placeWindow(
    o.saved,
    screen.getAllDisplays().map((d) => d.workArea),
    screen.getPrimaryDisplay().workArea,
  );
  const win = new BrowserWindow({
    ...bounds,
    minWidth: Math.min(MIN_WIDTH, bounds.width),
    minHeight: Math.min(MIN_HEIGHT, bounds.height),
    title: 'LayerLab',
    show: false,
    ...(existsSync(o.icon) ? { icon: o.icon } : {}),
    webPreferences: secureWebPreferences(o.preload),
  });
  if (maximized) win.maximize();
  win.once('ready-to-show', () => win.show());
  // Remember where it was: the normal (unmaximized) bounds, so un-maximizing next time lands there.
  win.on('close', () => {
    const b = win.getNormalBounds();
    o.saveState({ x: b.x, y: b.y, width: b.width, height: b.height, maximized: win.isMaximized() });
  });
  void win.loadURL(RENDERER_URL);
  return win;
}
