import type { MenuItemConstructorOptions } from 'electron';
import { basename } from 'node:path';
import type { MenuCommand } from '../../app/protocol/events';

export interface MenuActions {
  /** A document action, done by the page exactly as its keyboard shortcut does it. */
  command(command: MenuCommand): void;
  openRecent(path: string): void;
  clearRecent(): void;
  about(): void;
}

export interface MenuOptions {
  readonly appName: string;
  readonly platform: NodeJS.Platform;
  /** Reload and the developer tools are for development builds only. */
  readonly packaged: boolean;
  readonly recent: readonly string[];
  readonly actions: MenuActions;
}

function recentMenu(o: MenuOptions): MenuItemConstructorOptions[] {
  if (o.recent.length === 0) return [{ label: 'No recent projects', enabled: false }];
  return [
    ...o.recent.map((path, i): MenuItemConstructorOptions => ({
      // The & would be read as a mnemonic marker on Windows.
      label: `${i < 9 ? `&${i + 1} ` : ''}${basename(path).replace(/&/g, '&&')}`,
      toolTip: path,
      click: () => o.actions.openRecent(path),
    })),
    { type: 'separator' },
    { label: 'Clear Recent', click: () => o.actions.clearRecent() },
  ];
}

/**
 * The native menus. File items act on the document through the page (so the page's unsaved-changes
 * check and its state stay the one truth); Edit uses Electron's roles. Undo and Redo show their
 * accelerators without registering them, so the keys reach the page, which undoes canvas edits
 * outside text fields and leaves text fields their own undo.
 */
export function menuTemplate(o: MenuOptions): MenuItemConstructorOptions[] {
  const mac = o.platform === 'darwin';
  const about: MenuItemConstructorOptions = { label: `About ${o.appName}`, click: () => o.actions.about() };
  const file: MenuItemConstructorOptions = {
    label: '&File',
    submenu: [
      { label: '&New Project', accelerator: 'CmdOrCtrl+N', click: () => o.actions.command('project.new') },
      { label: '&Open…', accelerator: 'CmdOrCtrl+O', click: () => o.actions.command('project.open') },
      { label: 'Open &Recent', submenu: recentMenu(o) },
      { type: 'separator' },
      { label: '&Save', accelerator: 'CmdOrCtrl+S', click: () => o.actions.command('project.save') },
      { label: 'Save &As…', accelerator: 'CmdOrCtrl+Shift+S', click: () => o.actions.command('project.saveAs') },
      { type: 'separator' },
      mac ? { role: 'close' } : { role: 'quit', label: 'E&xit' },
    ],
  };
  const edit: MenuItemConstructorOptions = {
    label: '&Edit',
    submenu: [
      { role: 'undo', registerAccelerator: false },
      { role: 'redo', accelerator: mac ? 'Cmd+Shift+Z' : 'Ctrl+Y', registerAccelerator: false },
      { type: 'separator' },
      { role: 'cut' },
      { role: 'copy' },
      { role: 'paste' },
      { role: 'selectAll' },
    ],
  };
  const view: MenuItemConstructorOptions = {
    label: '&View',
    submenu: [
      ...(o.packaged ? [] : ([{ role: 'reload' }, { role: 'toggleDevTools' }, { type: 'separator' }] as MenuItemConstructorOptions[])),
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      { type: 'separator' },
      { role: 'togglefullscreen' },
    ],
  };
  const windowMenu: MenuItemConstructorOptions = { role: 'windowMenu' };
  const engines: MenuItemConstructorOptions = { label: '&Compute Engines…', click: () => o.actions.command('help.engines') };
  const help: MenuItemConstructorOptions = { role: 'help', label: '&Help', submenu: [engines, { type: 'separator' }, about] };
  const appMenu: MenuItemConstructorOptions = {
    label: o.appName,
    submenu: [
      about,
      { type: 'separator' },
      { role: 'services' },
      { type: 'separator' },
      { role: 'hide' },
      { role: 'hideOthers' },
      { role: 'unhide' },
      { type: 'separator' },
      { role: 'quit' },
    ],
  };
  return [...(mac ? [appMenu] : []), file, edit, view, windowMenu, help];
}
